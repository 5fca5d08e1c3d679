#include "service/tag_suggestions.hpp"

#include "core/story_index.hpp"
#include "text/unicode_text.hpp"

#include <algorithm>

namespace storybank::service {
namespace {

/// Folded text with every run of non-alphanumerics made one space, and a space at each end, so that " mot "
/// finds whole words and whole phrases with a plain substring search.
std::string words_of(std::string_view text) {
    std::string folded = text::fold_for_matching(text);
    std::string out = " ";
    for (char c : folded) {
        bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
        if (word) {
            out += c;
        } else if (out.back() != ' ') {
            out += ' ';
        }
    }
    if (out.back() != ' ') {
        out += ' ';
    }
    return out;
}

int occurrences(const std::string& haystack, const std::string& needle) {
    int count = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

}  // namespace

std::vector<TagSuggestion> suggest_tags(const core::Story& story,
                                        const core::Template& story_template,
                                        const std::vector<std::string>& current) {
    core::StoryIndexEntry index = core::make_index_entry(story, story_template);
    std::string text =
        words_of(index.search_title + " " + index.search_summary + " " + index.search_body + " " + index.search_quotes);
    std::vector<TagSuggestion> suggestions;
    for (const auto& tag : story_template.tags) {
        if (std::find(current.begin(), current.end(), tag.key) != current.end()) {
            continue;
        }
        TagSuggestion suggestion{tag.key, 0, {}};
        for (const auto& keyword : tag.keywords) {
            std::string needle = words_of(keyword);
            if (needle.size() <= 2) {
                continue;
            }
            int found = occurrences(text, needle);
            if (found > 0) {
                suggestion.occurrences += found;
                suggestion.keywords.push_back(keyword);
            }
        }
        if (suggestion.occurrences > 0) {
            suggestions.push_back(std::move(suggestion));
        }
    }
    std::stable_sort(suggestions.begin(), suggestions.end(),
                     [](const auto& a, const auto& b) { return a.occurrences > b.occurrences; });
    return suggestions;
}

}  // namespace storybank::service
