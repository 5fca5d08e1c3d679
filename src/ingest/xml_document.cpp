#include "ingest/xml_document.hpp"

#include "core/error.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <string>

namespace storybank::ingest {
namespace {

[[noreturn]] void refuse(std::string_view file_name, std::string_view part_name, const std::string& what) {
    throw Error(ErrorKind::UnreadableInput,
                "'" + std::string(file_name) + "' cannot be read: its part '" + std::string(part_name) + "' " + what);
}

/// Depth-first over every node without recursion, so that a hostile nesting cannot exhaust the stack.
void check_tree(const pugi::xml_document& document,
                std::string_view file_name,
                std::string_view part_name,
                std::size_t max_depth) {
    pugi::xml_node node = document.first_child();
    std::size_t depth = 1;
    while (node) {
        if (node.type() == pugi::node_doctype) {
            refuse(file_name, part_name,
                   "declares a DOCTYPE, which word processors never write and which can hide entity tricks; the "
                   "file was refused for safety");
        }
        if (depth > max_depth) {
            refuse(file_name, part_name,
                   "nests elements more than " + std::to_string(max_depth) +
                       " levels deep, which no real document does; the file was refused");
        }
        if (node.first_child()) {
            node = node.first_child();
            ++depth;
            continue;
        }
        while (node && !node.next_sibling()) {
            node = node.parent();
            --depth;
            if (node == document) {
                return;
            }
        }
        node = node.next_sibling();
    }
}

}  // namespace

std::unique_ptr<pugi::xml_document> parse_xml_part(std::string_view bytes,
                                                   std::string_view file_name,
                                                   std::string_view part_name,
                                                   std::size_t max_depth) {
    const auto markup = static_cast<std::size_t>(
        std::count_if(bytes.begin(), bytes.end(), [](char c) { return c == '<' || c == '='; }));
    if (markup > kMaxXmlMarkup) {
        refuse(file_name, part_name,
               "holds more than " + std::to_string(kMaxXmlMarkup) +
                   " elements and attributes, far more than a story needs; the file was not read");
    }
    auto document = std::make_unique<pugi::xml_document>();
    // parse_doctype makes a DOCTYPE a node that check_tree() can refuse, instead of being skipped unseen.
    constexpr unsigned kOptions = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype;
    pugi::xml_parse_result result = document->load_buffer(bytes.data(), bytes.size(), kOptions);
    if (!result) {
        refuse(file_name, part_name,
               "is not well-formed XML (" + std::string(result.description()) + " at byte " +
                   std::to_string(result.offset) +
                   "); the file is damaged: save it again with the program that made it");
    }
    check_tree(*document, file_name, part_name, max_depth);
    return document;
}

std::string_view local_name(std::string_view qualified_name) {
    std::size_t colon = qualified_name.find(':');
    return colon == std::string_view::npos ? qualified_name : qualified_name.substr(colon + 1);
}

}  // namespace storybank::ingest
