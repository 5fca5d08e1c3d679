#pragma once

// Internal to ingest's DOCX and ODT readers (check_layering.py keeps other modules out of detail/): small
// helpers over pugixml that match names without their namespace prefix.
#include "ingest/xml_document.hpp"

#include <pugixml.hpp>

#include <string_view>

namespace storybank::ingest::detail {

inline bool is(const pugi::xml_node& node, std::string_view local) {
    return node.type() == pugi::node_element && local_name(node.name()) == local;
}

/// The first child element with this local name, or an empty node.
inline pugi::xml_node child(const pugi::xml_node& node, std::string_view local) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (is(c, local)) {
            return c;
        }
    }
    return {};
}

/// The attribute with this local name, or an empty attribute.
inline pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view local) {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        std::string_view name = a.name();
        if (!name.starts_with("xmlns") && local_name(name) == local) {
            return a;
        }
    }
    return {};
}

inline std::string_view value(const pugi::xml_node& node, std::string_view local) {
    return attribute(node, local).value();
}

}  // namespace storybank::ingest::detail
