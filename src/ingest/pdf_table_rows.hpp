#pragma once

#include "ingest/pdf_lines.hpp"

#include <cstddef>
#include <vector>

namespace storybank::ingest {

/// One visual line, or the part of it that lies in one table column: segments left to right.
using PdfLinePart = std::vector<const PdfSegment*>;

/// A line of running text, or a table row: the lines of a page that lie beside each other in columns.
struct PdfBlock {
    enum class Kind : std::uint8_t { Line, Row };

    struct Cell {
        std::size_t column = 0;
        std::vector<PdfLinePart> lines;  ///< top to bottom
        double left = 0;                 ///< where the column starts
        double bound = 0;                ///< how far its text may reach
    };

    Kind kind = Kind::Line;
    const PdfLine* line = nullptr;  ///< Kind::Line
    std::vector<Cell> cells;        ///< Kind::Row: left to right, at least two holding text
    bool header = false;            ///< Kind::Row: the first row of its table, all in bold
    int page = 0;
    int number = 0;  ///< line number of its first line
};

/// Finds the table rows among the lines of one page (which must outlive the blocks). Columns start where the
/// second and later segments of lines start; a row is built from lines that overlap in height (a label
/// centred beside a value on several lines), a value going on right below its cell, a label below a value
/// that started higher, or a label going on that filled its cell. A "row" with text in one column only is
/// running text, given back as lines.
std::vector<PdfBlock> find_blocks(const std::vector<PdfLine>& lines);

}  // namespace storybank::ingest
