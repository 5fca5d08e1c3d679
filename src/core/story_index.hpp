#pragma once

#include "core/story.hpp"
#include "core/template.hpp"

#include <string>

namespace storybank::core {

/// What a store needs to list, filter and search a story, derived from the story and its template's field
/// roles, so that stores never hard-code a template's keys.
struct StoryIndexEntry {
    std::string title;
    std::string author;
    std::string country;  ///< ISO code or empty
    std::string locality;
    std::string partner_ngo;
    std::string consortium_member;
    int year = 0;  ///< from the template's date field; 0 when unknown (stores then use the creation year)

    // Full-text columns, one per SearchColumn.
    std::string search_title;
    std::string search_summary;
    std::string search_body;
    std::string search_quotes;
};

StoryIndexEntry make_index_entry(const Story& story, const Template& story_template);

}  // namespace storybank::core
