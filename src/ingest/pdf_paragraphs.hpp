#pragma once

#include "ingest/document_text.hpp"
#include "ingest/pdf_table_rows.hpp"

#include <string>
#include <vector>

namespace storybank::ingest {

/// Where the text of a paragraph may run: the body between its margins, or a table cell.
struct PdfTextBox {
    double left = 0;
    double right = 0;
};

/// One visual line of running text or of a cell, as a paragraph is built from.
struct PdfPiece {
    PdfLinePart segments;  ///< left to right, separated by tabs
    int page = 0;
    int number = 0;
    bool list_item = false;
};

/// Joins visual lines into paragraphs, one DocumentLine each (see lay_out_pdf for the rules), with bold and
/// italic as CommonMark. Lines given to one builder come in reading order.
class PdfParagraphs {
public:
    /// `body_size`: the font size of most of the text; larger text makes headings.
    explicit PdfParagraphs(double body_size) : m_body_size(body_size) {}

    /// Adds the next line. `page_turn`: it is the first line of its page and the paragraph so far ended the
    /// page before, so the paragraph may go on here.
    void add(const PdfPiece& piece, PdfTextBox box, bool page_turn);
    /// Ends the paragraph being built (a table row or the end of the text comes next).
    void end_paragraph();
    /// The paragraphs built so far; the builder is empty afterwards.
    std::vector<DocumentLine> take();

private:
    struct Word {
        std::string text;
        Emphasis emphasis;
        bool space_before = false;
    };
    struct Geometry {
        double top = 0;
        double bottom = 0;
        double left = 0;
        double right = 0;
        double font_size = 0;
        bool bold = true;
        int page = 0;
    };

    static Geometry geometry_of(const PdfPiece& piece);
    bool heading(const Geometry& line) const;
    bool goes_on(const PdfPiece& piece, const Geometry& next, PdfTextBox box, bool page_turn) const;
    void append_words(const PdfPiece& piece);

private:  // data
    double m_body_size = 0;
    std::vector<DocumentLine> m_out;
    // The paragraph being built.
    std::vector<Word> m_words;
    std::string m_location;
    Geometry m_first;
    Geometry m_last;
    bool m_first_is_list = false;
    int m_line_count = 0;
};

}  // namespace storybank::ingest
