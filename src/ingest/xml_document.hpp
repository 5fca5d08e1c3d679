#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace pugi {
class xml_document;
}

namespace storybank::ingest {

/// Deeper than this, an XML part is refused: no word processor nests a thousand elements, and the readers walk
/// the tree recursively.
constexpr std::size_t kMaxXmlDepth = 1000;

/// The largest XML part a reader inflates: a story's document.xml is a few hundred kilobytes, a long report's a
/// few megabytes.
constexpr std::uint64_t kMaxXmlPartBytes = 64ULL * 1024 * 1024;

/// At most this many elements and attributes in one part (counted as '<' and '=' before parsing): the parsed
/// tree takes some sixty bytes per node, so the count, not the size, bounds the memory it needs.
constexpr std::size_t kMaxXmlMarkup = 4'000'000;

/// Parses one XML part of a document (word/document.xml, content.xml) the safe way: whitespace-only text is
/// kept (Word and pandoc write spaces as runs of their own); a DOCTYPE is refused outright, so no entity is
/// ever declared, let alone expanded or fetched; nesting deeper than `max_depth` is refused after an
/// iterative walk, and so is a part with more markup than kMaxXmlMarkup. Throws Error(UnreadableInput) naming the file
/// and the part, with the parser's reason and byte offset when the XML is not well-formed.
std::unique_ptr<pugi::xml_document> parse_xml_part(std::string_view bytes,
                                                   std::string_view file_name,
                                                   std::string_view part_name,
                                                   std::size_t max_depth = kMaxXmlDepth);

/// "w:p" → "p": readers match element and attribute names without their prefix, which authoring tools choose
/// freely.
std::string_view local_name(std::string_view qualified_name);

}  // namespace storybank::ingest
