#include "ingest/pdf_table_rows.hpp"

#include "text/unicode_text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace storybank::ingest {
namespace {

/// Segments starting this close (points) start the same column.
constexpr double kColumnTolerance = 3.0;
/// Lines overlapping by this share of their height are beside each other: one row.
constexpr double kRowOverlap = 0.3;
/// A line this close below (share of its height) goes on from the line above.
constexpr double kTightGap = 0.25;
/// Room kept between a cell's text and the next column, in font sizes.
constexpr double kCellPadding = 0.3;
/// A space, in font sizes, for telling whether a word would have fitted.
constexpr double kSpaceWidth = 0.25;

using Parts = std::map<std::size_t, PdfLinePart>;

std::vector<double> column_starts(const std::vector<PdfLine>& lines) {
    std::vector<double> lefts;
    std::size_t tabular = 0;
    for (const auto& line : lines) {
        if (line.segments.size() >= 2) {
            ++tabular;
            for (const auto& segment : line.segments) {
                lefts.push_back(segment.left);
            }
        }
    }
    std::sort(lefts.begin(), lefts.end());
    std::vector<std::pair<double, std::size_t>> clusters;  // start, segments
    double last = 0;
    for (double left : lefts) {
        if (!clusters.empty() && left - last <= kColumnTolerance) {
            ++clusters.back().second;
        } else {
            clusters.emplace_back(left, 1);
        }
        last = left;
    }
    // One segment somewhere is not a column yet, unless the page has a single line of them.
    std::vector<double> starts;
    for (const auto& [start, count] : clusters) {
        if (count >= 2 || tabular == 1) {
            starts.push_back(start);
        }
    }
    return starts;
}

class RowFinder {
public:
    explicit RowFinder(const std::vector<PdfLine>& lines) : m_starts(column_starts(lines)) {
        for (const auto& line : lines) {
            for (const auto& segment : line.segments) {
                double& right = m_column_right[column_of(segment.left)];
                right = std::max(right, segment.right);
            }
        }
    }

    std::vector<PdfBlock> find(const std::vector<PdfLine>& lines) {
        for (const auto& line : lines) {
            Parts parts = parts_of(line);
            if (m_open && joins(line, parts)) {
                add(line, parts);
                continue;
            }
            flush();
            // On a page with columns any line may start a row: a label's first line can come before the value
            // beside it. A row that ends up with one column is given back as running text.
            if (m_starts.size() >= 2) {
                m_open = true;
                add(line, parts);
            } else {
                push_line(line);
            }
        }
        flush();
        return std::move(m_blocks);
    }

private:
    struct OpenRow {
        std::map<std::size_t, std::vector<PdfLinePart>> cells;
        std::vector<const PdfLine*> lines;
        double top = 0;
        double bottom = 0;
        double last_height = 0;
    };

    /// The last column starting at or before `left` (the first column for text left of every start).
    std::size_t column_of(double left) const {
        auto after = std::upper_bound(m_starts.begin(), m_starts.end(), left + kColumnTolerance);
        return after == m_starts.begin() ? 0 : static_cast<std::size_t>(after - m_starts.begin()) - 1;
    }

    Parts parts_of(const PdfLine& line) const {
        Parts parts;
        for (const auto& segment : line.segments) {
            parts[column_of(segment.left)].push_back(&segment);
        }
        return parts;
    }

    double bound_of(std::size_t column, double font_size) const {
        if (column + 1 < m_starts.size()) {
            return m_starts[column + 1] - kCellPadding * font_size;
        }
        auto right = m_column_right.find(column);
        return right == m_column_right.end() ? 0 : right->second;
    }

    /// The label above, in column 0, filled its cell: the next word could not have fitted on it.
    bool label_goes_on(const PdfLine& line) const {
        const PdfLinePart& above = m_row.cells.at(0).back();
        const PdfSegment& next = line.segments.front();
        const PdfSegment& last = *above.back();
        if (std::abs(above.front()->left - next.left) > next.font_size ||
            next.top - last.bottom > kTightGap * line.height()) {
            return false;
        }
        const double word = next.words.front().width();
        return last.right + kSpaceWidth * next.font_size + word > bound_of(0, next.font_size) ||
               text::starts_with_lower_case(next.words.front().text);
    }

    bool joins(const PdfLine& line, const Parts& parts) const {
        const double height = line.height();
        const double overlap = std::min(m_row.bottom, line.bottom) - std::max(m_row.top, line.top);
        if (overlap >= kRowOverlap * std::min(height, m_row.last_height)) {
            return true;
        }
        if (line.top - m_row.bottom > kTightGap * height) {
            return false;
        }
        if (parts.contains(0)) {
            if (!m_row.cells.contains(0)) {
                return true;  // the label of a value that started higher
            }
            return parts.size() == 1 && label_goes_on(line);
        }
        return std::all_of(parts.begin(), parts.end(),
                           [&](const auto& part) { return m_row.cells.contains(part.first); });
    }

    void add(const PdfLine& line, const Parts& parts) {
        if (m_row.lines.empty()) {
            m_row.top = line.top;
            m_row.bottom = line.bottom;
        }
        m_row.lines.push_back(&line);
        m_row.top = std::min(m_row.top, line.top);
        m_row.bottom = std::max(m_row.bottom, line.bottom);
        m_row.last_height = line.height();
        for (const auto& [column, part] : parts) {
            m_row.cells[column].push_back(part);
        }
    }

    void push_line(const PdfLine& line) {
        PdfBlock block;
        block.kind = PdfBlock::Kind::Line;
        block.line = &line;
        block.page = line.page;
        block.number = line.number;
        m_blocks.push_back(std::move(block));
    }

    void flush() {
        if (!m_open) {
            return;
        }
        m_open = false;
        OpenRow row = std::exchange(m_row, {});
        if (row.cells.size() < 2) {
            for (const PdfLine* line : row.lines) {
                push_line(*line);
            }
            return;
        }
        PdfBlock block;
        block.kind = PdfBlock::Kind::Row;
        block.page = row.lines.front()->page;
        block.number = row.lines.front()->number;
        bool bold = true;
        for (auto& [column, lines] : row.cells) {
            PdfBlock::Cell cell;
            cell.column = column;
            cell.left = column < m_starts.size() ? m_starts[column] : lines.front().front()->left;
            double size = lines.front().front()->font_size;
            cell.bound = bound_of(column, size);
            for (const auto& part : lines) {
                for (const PdfSegment* segment : part) {
                    bold = bold && segment->bold;
                }
            }
            cell.lines = std::move(lines);
            block.cells.push_back(std::move(cell));
        }
        block.header = bold && (m_blocks.empty() || m_blocks.back().kind != PdfBlock::Kind::Row);
        m_blocks.push_back(std::move(block));
    }

    std::vector<double> m_starts;
    std::map<std::size_t, double> m_column_right;
    bool m_open = false;
    OpenRow m_row;
    std::vector<PdfBlock> m_blocks;
};

}  // namespace

std::vector<PdfBlock> find_blocks(const std::vector<PdfLine>& lines) {
    return RowFinder(lines).find(lines);
}

}  // namespace storybank::ingest
