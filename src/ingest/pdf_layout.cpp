#include "ingest/pdf_layout.hpp"

#include "ingest/document_lines.hpp"
#include "ingest/pdf_furniture.hpp"
#include "ingest/pdf_lines.hpp"
#include "ingest/pdf_paragraphs.hpp"
#include "ingest/pdf_table_rows.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace storybank::ingest {
namespace {

/// How far from the symmetric margin (a share of the page width) the measured one may be and still be it.
constexpr double kMarginSlack = 0.03;

double body_size_of(const std::vector<std::vector<PdfLine>>& pages) {
    std::map<double, std::size_t> characters;
    for (const auto& lines : pages) {
        for (const auto& line : lines) {
            for (const auto& segment : line.segments) {
                for (const auto& word : segment.words) {
                    characters[std::round(word.font_size * 2) / 2] += word.text.size();
                }
            }
        }
    }
    auto most = std::max_element(characters.begin(), characters.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    return most == characters.end() ? 0 : most->first;
}

/// The second value from the end of the sorted values: one line running into the margin does not move it.
double second_from_end(std::vector<double> values, bool largest) {
    std::sort(values.begin(), values.end());
    return largest ? values[values.size() - 2] : values[1];
}

/// The margins of the running text, measured on its lines of body size. A ragged right edge hides the margin
/// (no line need reach it), so where the left margin mirrored nearly meets the measured edge, that is the
/// margin: word processors set both margins alike unless told otherwise.
PdfTextBox body_box_of(const std::vector<std::vector<PdfLine>>& pages, double body_size, double page_width) {
    std::vector<double> lefts;
    std::vector<double> rights;
    double min_left = 0;
    double max_right = 0;
    bool any = false;
    for (const auto& lines : pages) {
        for (const auto& line : lines) {
            min_left = any ? std::min(min_left, line.left()) : line.left();
            max_right = any ? std::max(max_right, line.right()) : line.right();
            any = true;
            const PdfSegment& only = line.segments.front();
            if (line.segments.size() == 1 && only.words.size() >= 2 &&
                std::abs(only.font_size - body_size) <= 0.1 * body_size) {
                lefts.push_back(only.left);
                rights.push_back(only.right);
            }
        }
    }
    if (lefts.size() < 3) {
        return {min_left, max_right};
    }
    PdfTextBox box{second_from_end(std::move(lefts), false), second_from_end(std::move(rights), true)};
    const double mirrored = page_width - box.left;
    if (mirrored > box.right && mirrored - box.right <= kMarginSlack * page_width) {
        box.right = mirrored;
    }
    return box;
}

double usual_width(const std::vector<PdfPage>& pages) {
    std::map<double, std::size_t> widths;
    for (const auto& page : pages) {
        ++widths[std::round(page.width)];
    }
    auto most = std::max_element(widths.begin(), widths.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    return most == widths.end() ? 0 : most->first;
}

PdfPiece piece_of(const PdfLine& line) {
    PdfPiece piece;
    for (const auto& segment : line.segments) {
        piece.segments.push_back(&segment);
    }
    piece.page = line.page;
    piece.number = line.number;
    piece.list_item = line.list_item;
    return piece;
}

void append_row(const PdfBlock& row, double body_size, std::vector<DocumentLine>& out) {
    std::vector<std::vector<DocumentLine>> cells;
    for (const auto& cell : row.cells) {
        PdfParagraphs paragraphs(body_size);
        for (const auto& part : cell.lines) {
            PdfPiece piece;
            piece.segments = part;
            piece.page = row.page;
            piece.number = row.number;
            paragraphs.add(piece, {cell.left, cell.bound}, false);
        }
        cells.push_back(paragraphs.take());
    }
    append_table_row(std::move(cells), row.header, out);
}

}  // namespace

std::vector<DocumentLine> lay_out_pdf(const std::vector<PdfPage>& pages) {
    std::vector<std::vector<PdfLine>> lines;
    std::vector<double> heights;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        lines.push_back(find_lines(pages[i], static_cast<int>(i + 1)));
        heights.push_back(pages[i].height);
    }
    drop_page_furniture(lines, heights);
    const double body_size = body_size_of(lines);
    const PdfTextBox body = body_box_of(lines, body_size, usual_width(pages));

    std::vector<DocumentLine> out;
    PdfParagraphs paragraphs(body_size);
    bool page_ended_in_text = false;
    for (const auto& page_lines : lines) {
        const std::vector<PdfBlock> blocks = find_blocks(page_lines);
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            const PdfBlock& block = blocks[b];
            if (block.kind == PdfBlock::Kind::Line) {
                paragraphs.add(piece_of(*block.line), body, b == 0 && page_ended_in_text);
                continue;
            }
            for (auto& line : paragraphs.take()) {
                out.push_back(std::move(line));
            }
            append_row(block, body_size, out);
        }
        page_ended_in_text = !blocks.empty() && blocks.back().kind == PdfBlock::Kind::Line;
    }
    for (auto& line : paragraphs.take()) {
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace storybank::ingest
