#include "ingest/pdf_furniture.hpp"

#include "text/unicode_text.hpp"

#include <map>
#include <set>
#include <string>

namespace storybank::ingest {
namespace {

/// Lines this close to the top or the bottom edge may be page furniture.
constexpr std::size_t kEdgeLines = 2;
/// Furniture lies within this share of the page height from the top or the bottom edge.
constexpr double kEdgeZone = 0.12;

/// The line with its numbers blurred, so that "Page 2 sur 5" and "Page 3 sur 5" compare equal.
std::string shape_of(const PdfLine& line) {
    std::string out;
    for (char c : text::fold_for_matching(line.text())) {
        if (c >= '0' && c <= '9') {
            if (!out.ends_with('#')) {
                out += '#';
            }
        } else {
            out += c;
        }
    }
    return out;
}

bool is_page_number(const PdfLine& line) {
    const std::string folded = text::fold_for_matching(line.text());
    std::string_view rest = folded;
    auto skip = [&](std::string_view word) {
        if (rest.starts_with(word)) {
            rest.remove_prefix(word.size());
            return true;
        }
        return false;
    };
    auto skip_spaces_and_dashes = [&] {
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '-' || rest.front() == '|')) {
            rest.remove_prefix(1);
        }
    };
    auto skip_number = [&] {
        std::size_t digits = 0;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') {
            ++digits;
        }
        rest.remove_prefix(digits);
        return digits > 0 && digits <= 4;
    };
    skip_spaces_and_dashes();
    if (skip("page") || skip("p.")) {
        skip_spaces_and_dashes();
    }
    if (!skip_number()) {
        return false;
    }
    skip_spaces_and_dashes();
    if (skip("/") || skip("sur") || skip("of") || skip("de")) {
        skip_spaces_and_dashes();
        if (!skip_number()) {
            return false;
        }
        skip_spaces_and_dashes();
    }
    return rest.empty();
}

}  // namespace

void drop_page_furniture(std::vector<std::vector<PdfLine>>& pages, const std::vector<double>& heights) {
    // On how many pages each shape is found near the top, and near the bottom.
    std::map<std::string, std::set<std::size_t>> top_shapes;
    std::map<std::string, std::set<std::size_t>> bottom_shapes;
    auto near_top = [&](const PdfLine& line, std::size_t page) {
        return page < heights.size() && line.bottom <= kEdgeZone * heights[page];
    };
    auto near_bottom = [&](const PdfLine& line, std::size_t page) {
        return page < heights.size() && line.top >= (1 - kEdgeZone) * heights[page];
    };
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto& lines = pages[p];
        for (std::size_t i = 0; i < lines.size() && i < kEdgeLines; ++i) {
            if (near_top(lines[i], p)) {
                top_shapes[shape_of(lines[i])].insert(p);
            }
            if (near_bottom(lines[lines.size() - 1 - i], p)) {
                bottom_shapes[shape_of(lines[lines.size() - 1 - i])].insert(p);
            }
        }
    }
    const std::size_t repeated = std::max<std::size_t>(2, (pages.size() + 1) / 2);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        auto& lines = pages[p];
        std::vector<bool> drop(lines.size(), false);
        for (std::size_t i = 0; i < lines.size() && i < kEdgeLines; ++i) {
            const std::size_t last = lines.size() - 1 - i;
            drop[i] = drop[i] || (near_top(lines[i], p) && top_shapes[shape_of(lines[i])].size() >= repeated);
            drop[last] =
                drop[last] || (near_bottom(lines[last], p) && bottom_shapes[shape_of(lines[last])].size() >= repeated);
        }
        if (!lines.empty()) {
            drop.front() = drop.front() || (is_page_number(lines.front()) && near_top(lines.front(), p));
            drop.back() = drop.back() || (is_page_number(lines.back()) && near_bottom(lines.back(), p));
        }
        std::vector<PdfLine> kept;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (!drop[i]) {
                kept.push_back(std::move(lines[i]));
            }
        }
        lines = std::move(kept);
    }
}

}  // namespace storybank::ingest
