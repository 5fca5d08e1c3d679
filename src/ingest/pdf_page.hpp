#pragma once

#include "ingest/inline_text.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::ingest {

// The text layer of a PDF as the layout code sees it: words with their boxes, nothing of poppler. Keeping the
// geometry apart from the library lets the layout rules be tested (and fuzzed) on pages written by hand.

/// One word of a page, in points from the page's top-left corner.
struct PdfWord {
    std::string text;  ///< UTF-8, as clean_pdf_word() leaves it
    double left = 0;
    double top = 0;
    double right = 0;
    double bottom = 0;
    double font_size = 0;
    Emphasis emphasis;
    bool space_after = false;  ///< the text layer itself puts a space after this word, in its own line
    std::size_t order = 0;     ///< position in the text layer's reading order on its page

    double height() const { return bottom - top; }
    double width() const { return right - left; }
};

struct PdfPage {
    double width = 0;
    double height = 0;
    std::vector<PdfWord> words;
};

/// A word's text made plain: ligatures (ﬁ, ﬂ…) as their letters, the private-use bullets of symbol fonts
/// (Word's Symbol, LibreOffice's OpenSymbol) as "•", other symbol-font glyphs and control characters left out,
/// invalid UTF-8 replaced. A soft hyphen is kept only at the end, where it marks a word cut at the line end.
std::string clean_pdf_word(std::string_view utf8);

/// Bold and italic as the font's name tells them ("ABCDEF+NotoSans-BoldItalic", "Arial,Bold",
/// "MinionPro-It"): PDF text has no other trace of the author's emphasis.
Emphasis emphasis_of_font(std::string_view font_name);

}  // namespace storybank::ingest
