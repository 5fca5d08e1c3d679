#pragma once

#include "core/story.hpp"
#include "core/template.hpp"
#include "ingest/source_file.hpp"

#include <cstdint>
#include <string_view>

namespace storybank::ingest {

/// What a file really is, told from its bytes first and its name second.
enum class FileKind : std::uint8_t { PlainText, Markdown, Docx, Odt, Pdf, Zip, Ole, Image, Binary };

std::string_view file_kind_name(FileKind kind);

/// Looks at the first bytes (and, for ZIP containers, the names inside) and the extension.
FileKind sniff_file_kind(const SourceFile& file);

/// Reads a story file of any supported kind into a story of the template, with its problems.
/// Throws Error(UnreadableInput), naming the file, when it is not a story: unreadable, corrupt, of a kind
/// that holds no story text, or without a single label of the template.
core::Story read_story(const SourceFile& file, const core::Template& story_template);

}  // namespace storybank::ingest
