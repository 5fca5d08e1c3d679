#pragma once

#include "ingest/pdf_page.hpp"

#include <string>
#include <vector>

namespace storybank::ingest {

/// Words of one visual line that belong together: the whole line, or one side of a wide gap (a table column,
/// a tab stop). A table row of a label and its value is one line of two segments.
struct PdfSegment {
    std::vector<PdfWord> words;      ///< left to right
    std::vector<bool> space_before;  ///< per word: a space separates it from the word before
    double left = 0;
    double top = 0;
    double right = 0;
    double bottom = 0;
    double font_size = 0;  ///< the size of most of its characters
    bool bold = false;     ///< every word is bold

    double height() const { return bottom - top; }
    /// The plain text, words separated as on the page.
    std::string text() const;
};

/// One visual line of a page: words sharing a baseline (superscripts included), in segments.
struct PdfLine {
    std::vector<PdfSegment> segments;  ///< left to right
    double top = 0;
    double bottom = 0;
    int page = 0;    ///< 1-based
    int number = 0;  ///< 1-based, counted from the top of the page
    /// It starts with a bullet or an item number that a gap sets apart from its text ("•<tab>text").
    bool list_item = false;

    double height() const { return bottom - top; }
    double left() const { return segments.front().left; }
    double right() const { return segments.back().right; }
    /// The plain text, segments separated by tabs.
    std::string text() const;
};

/// Groups the words of a page into visual lines, top to bottom. Words are on one line when their baselines
/// agree (a smaller word inside the line's height, a superscript, joins it too). Within a line, a gap wider
/// than a tab (or a narrower one where the text layer itself saw two columns) starts a new segment, except
/// after a leading bullet or item number. Words drawn twice at the same place (fake bold) count once.
std::vector<PdfLine> find_lines(const PdfPage& page, int page_number);

/// "•", "▪", "✓"…: a bullet, the symbol alone.
bool is_bullet(std::string_view word);

/// "•", "–", "1.", "a)", "iv.": what starts a list item.
bool is_list_marker(std::string_view word);

}  // namespace storybank::ingest
