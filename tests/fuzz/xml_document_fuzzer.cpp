// parse_xml_part on arbitrary bytes, then a walk of the whole tree the way the readers walk it (recursively,
// through local names and attributes). An Error is a correct answer; anything else is a finding.
#include "ingest/xml_document.hpp"

#include "core/error.hpp"
#include "fuzz_support.hpp"

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>

namespace {

std::size_t walk(const pugi::xml_node& node) {
    std::size_t seen = storybank::ingest::local_name(node.name()).size() + std::string_view(node.value()).size();
    for (pugi::xml_attribute attribute = node.first_attribute(); attribute; attribute = attribute.next_attribute()) {
        seen += storybank::ingest::local_name(attribute.name()).size();
    }
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        seen += walk(child);
    }
    return seen;
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer calls the target by this name.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storybank;
    try {
        auto document = ingest::parse_xml_part(fuzz::bytes_of(data, size), "fuzz.docx", "word/document.xml");
        walk(*document);
    } catch (const Error&) {
    }
    return 0;
}
