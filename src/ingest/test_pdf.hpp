#pragma once

// Test support: small PDFs written in memory (text in the standard Helvetica fonts, pages of any count), so that
// layout rules and limits are tested on exact geometry without a file in the tree.
#include <string>
#include <vector>

namespace storybank::ingest::testing {

/// One piece of text drawn on a page: its baseline starts at (x, y), y counted from the top of the page.
struct PdfText {
    double x = 72;
    double y = 72;
    double size = 12;
    std::string text;  ///< UTF-8; written in WinAnsiEncoding, so Latin-1 letters, ’ « » – — • œ only
    bool bold = false;
    bool italic = false;
};

struct PdfPageSpec {
    std::vector<PdfText> texts;
    bool picture = false;  ///< also draw a 1×1 grey image
};

/// An A4 PDF of these pages (595 × 842 points), with a correct cross-reference table.
std::string make_pdf(const std::vector<PdfPageSpec>& pages);

}  // namespace storybank::ingest::testing
