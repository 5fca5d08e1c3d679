#pragma once

// Test support: the templates of resources/templates, read from the source tree.
#include "core/template.hpp"
#include "core/template_json.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace storybank::ingest::testing {

inline std::string source_path(const std::string& relative) {
    const char* root = std::getenv("STORYBANK_SOURCE_DIR");
    return std::string(root != nullptr ? root : ".") + "/" + relative;
}

inline std::string read_source_file(const std::string& relative) {
    std::ifstream in(source_path(relative), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline const core::Template& success_story_template() {
    static const core::Template kTemplate =
        core::template_from_json(read_source_file("resources/templates/success-story.json"), "success-story.json");
    return kTemplate;
}

inline const core::Template& most_significant_change_template() {
    static const core::Template kTemplate = core::template_from_json(
        read_source_file("resources/templates/most-significant-change.json"), "most-significant-change.json");
    return kTemplate;
}

}  // namespace storybank::ingest::testing
