#pragma once

#include "core/story.hpp"
#include "core/template.hpp"

#include <string>
#include <vector>

namespace storybank::service {

/// A tag of the template's vocabulary that the story's words suggest, with the keywords found.
struct TagSuggestion {
    std::string key;
    int occurrences = 0;
    std::vector<std::string> keywords;  ///< as the template spells them
};

/// The vocabulary's tags whose keywords (French and English, ignoring case and accents, whole words or phrases)
/// occur in the story's text, most occurrences first; tags already in `current` are left out.
std::vector<TagSuggestion> suggest_tags(const core::Story& story,
                                        const core::Template& story_template,
                                        const std::vector<std::string>& current);

}  // namespace storybank::service
