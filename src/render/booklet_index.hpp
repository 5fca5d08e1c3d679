#pragma once

#include "render/story_layout.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace storybank::render {

/// A story's entry in a booklet's contents and index.
struct BookletChapter {
    std::string title;
    std::string partner;
    std::string country;
    std::string place;  ///< "Ségou, Mali"
    int page = 0;       ///< where known (PDF); 0 in Word, whose pages are laid out by the reader's word processor
};

BookletChapter chapter_of(const StoryLayout& story, int page = 0);

/// One heading of the index (a country, a partner) and its chapters in booklet order.
struct IndexGroup {
    std::string name;
    std::vector<std::size_t> chapters;  ///< indexes into the booklet's chapters
};

/// The chapters grouped by `key` (country or partner), groups in the dictionary order of `language` (text::
/// collation_key), chapters without one under `unknown`, last.
std::vector<IndexGroup> index_groups(const std::vector<BookletChapter>& chapters,
                                     std::string BookletChapter::*key,
                                     const std::string& unknown,
                                     std::string_view language);

}  // namespace storybank::render
