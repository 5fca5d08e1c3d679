#include "ingest/pdf_lines.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace storybank::ingest {
namespace {

/// Words whose baselines differ by less than this share of their height are on one line.
constexpr double kSameBaseline = 0.25;
/// A word this much smaller than a line, inside its height, is a superscript or subscript of it.
constexpr double kSmallWord = 0.8;
/// Gaps, in font sizes: wider than kTabGap is a tab stop or a column even where the text layer read on;
/// wider than kColumnGap is a column where the text layer itself went elsewhere in between; wider than
/// kSpaceGap is a space even where the text layer saw none.
constexpr double kTabGap = 2.0;
constexpr double kColumnGap = 0.6;
constexpr double kSpaceGap = 0.12;
/// How far a bullet may stand from its text and still be its bullet.
constexpr double kMarkerGap = 6.0;
/// A word drawn again this close to itself is the same word (some producers fake bold that way).
constexpr double kSamePlace = 0.15;

bool usable(const PdfWord& word) {
    return !word.text.empty() && std::isfinite(word.left) && std::isfinite(word.top) && std::isfinite(word.right) &&
           std::isfinite(word.bottom) && std::isfinite(word.font_size) && word.bottom > word.top &&
           word.right >= word.left;
}

double size_of(const PdfWord& word) {
    return word.font_size > 0 ? word.font_size : word.height();
}

struct Group {
    std::vector<std::size_t> words;
    double top = 0;
    double bottom = 0;
    double left = 0;
    double right = 0;
    double height = 0;  ///< of its tallest word
    double first_bottom = 0;

    void add(const PdfWord& word, std::size_t index) {
        if (words.empty()) {
            top = word.top;
            bottom = word.bottom;
            left = word.left;
            right = word.right;
            first_bottom = word.bottom;
        }
        words.push_back(index);
        top = std::min(top, word.top);
        bottom = std::max(bottom, word.bottom);
        left = std::min(left, word.left);
        right = std::max(right, word.right);
        height = std::max(height, word.height());
    }
    void absorb(const Group& other) {
        words.insert(words.end(), other.words.begin(), other.words.end());
        top = std::min(top, other.top);
        bottom = std::max(bottom, other.bottom);
        left = std::min(left, other.left);
        right = std::max(right, other.right);
        height = std::max(height, other.height);
    }
};

/// A small group (superscript, footnote mark) lying within the height of a line beside it.
bool belongs_to(const Group& small, const Group& line) {
    if (small.height >= kSmallWord * line.height) {
        return false;
    }
    const double slack = 0.2 * line.height;
    return small.top >= line.top - slack && small.bottom <= line.bottom + slack &&
           small.left <= line.right + 2 * line.height && small.right >= line.left - 2 * line.height;
}

std::vector<Group> group_by_baseline(const std::vector<PdfWord>& words) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (usable(words[i])) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return words[a].bottom < words[b].bottom ||
               (words[a].bottom == words[b].bottom && words[a].left < words[b].left);
    });
    std::vector<Group> groups;
    for (std::size_t index : order) {
        const PdfWord& word = words[index];
        if (!groups.empty()) {
            Group& last = groups.back();
            const double first_height = words[last.words.front()].height();
            if (word.bottom - last.first_bottom <= kSameBaseline * std::min(word.height(), first_height)) {
                last.add(word, index);
                continue;
            }
        }
        groups.emplace_back();
        groups.back().add(word, index);
    }
    // Superscripts sit above the baseline, subscripts below: each lands in a group of its own, beside its line.
    std::vector<Group> merged;
    std::vector<bool> absorbed(groups.size(), false);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (absorbed[i]) {
            continue;
        }
        if (i + 1 < groups.size() && !absorbed[i + 1] && belongs_to(groups[i], groups[i + 1])) {
            groups[i + 1].absorb(groups[i]);
            continue;
        }
        if (!merged.empty() && belongs_to(groups[i], merged.back())) {
            merged.back().absorb(groups[i]);
            continue;
        }
        merged.push_back(std::move(groups[i]));
    }
    return merged;
}

double dominant_size(const std::vector<PdfWord>& words) {
    std::map<double, std::size_t> characters;
    for (const auto& word : words) {
        characters[std::round(size_of(word) * 2) / 2] += word.text.size();
    }
    auto most = std::max_element(characters.begin(), characters.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    return most == characters.end() ? 0 : most->first;
}

PdfSegment make_segment() {
    return {};
}

void add_word(PdfSegment& segment, const PdfWord& word, bool space_before) {
    if (segment.words.empty()) {
        segment.left = word.left;
        segment.top = word.top;
        segment.right = word.right;
        segment.bottom = word.bottom;
        segment.bold = true;
    }
    segment.words.push_back(word);
    segment.space_before.push_back(space_before && segment.words.size() > 1);
    segment.left = std::min(segment.left, word.left);
    segment.top = std::min(segment.top, word.top);
    segment.right = std::max(segment.right, word.right);
    segment.bottom = std::max(segment.bottom, word.bottom);
    segment.bold = segment.bold && word.emphasis.bold;
}

PdfLine make_line(const std::vector<PdfWord>& page_words, const Group& group, int page_number, int line_number) {
    std::vector<PdfWord> words;
    for (std::size_t index : group.words) {
        words.push_back(page_words[index]);
    }
    std::stable_sort(words.begin(), words.end(), [](const PdfWord& a, const PdfWord& b) { return a.left < b.left; });
    std::vector<PdfWord> kept;
    for (auto& word : words) {
        if (!kept.empty()) {
            const PdfWord& last = kept.back();
            const double near = kSamePlace * std::max(size_of(last), size_of(word));
            if (last.text == word.text && std::abs(last.left - word.left) <= near &&
                std::abs(last.top - word.top) <= near) {
                continue;
            }
        }
        kept.push_back(std::move(word));
    }

    PdfLine line;
    line.page = page_number;
    line.number = line_number;
    line.top = group.top;
    line.bottom = group.bottom;
    line.segments.push_back(make_segment());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (i == 0) {
            add_word(line.segments.back(), kept[i], false);
            continue;
        }
        const PdfWord& before = kept[i - 1];
        const PdfWord& word = kept[i];
        const double size = std::max(size_of(before), size_of(word));
        const double gap = word.left - before.right;
        // Pieces of one text box (split where the font changes) share its place in the reading order.
        const bool read_on = word.order == before.order || word.order == before.order + 1;
        const bool after_marker = i == 1 && is_list_marker(before.text) && gap <= kMarkerGap * size;
        if (after_marker) {
            line.list_item = gap > kColumnGap * size || is_bullet(before.text);
            add_word(line.segments.back(), word, true);
            continue;
        }
        if (gap > (read_on ? kTabGap : kColumnGap) * size) {
            line.segments.push_back(make_segment());
            add_word(line.segments.back(), word, false);
            continue;
        }
        add_word(line.segments.back(), word, before.space_after || gap > kSpaceGap * size);
    }
    if (line.segments.front().words.size() > 1 && is_bullet(line.segments.front().words.front().text)) {
        line.list_item = true;
    }
    for (auto& segment : line.segments) {
        segment.font_size = dominant_size(segment.words);
    }
    return line;
}

}  // namespace

std::string PdfSegment::text() const {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (space_before[i]) {
            out += ' ';
        }
        out += words[i].text;
    }
    return out;
}

std::string PdfLine::text() const {
    std::string out;
    for (const auto& segment : segments) {
        out += (out.empty() ? "" : "\t") + segment.text();
    }
    return out;
}

bool is_bullet(std::string_view word) {
    for (std::string_view bullet : {"•", "▪", "◦", "●", "○", "■", "□", "➢", "►", "✓", "·"}) {
        if (word == bullet) {
            return true;
        }
    }
    return false;
}

bool is_list_marker(std::string_view word) {
    if (is_bullet(word) || word == "-" || word == "–" || word == "*" || word == "o") {
        return true;
    }
    if (word.size() < 2 || (word.back() != '.' && word.back() != ')')) {
        return false;
    }
    std::string_view body = word.substr(0, word.size() - 1);
    const bool digits =
        body.size() <= 3 && std::all_of(body.begin(), body.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool letter = body.size() == 1 && body[0] >= 'a' && body[0] <= 'z';
    const bool roman = body.size() <= 4 &&
                       std::all_of(body.begin(), body.end(), [](char c) { return c == 'i' || c == 'v' || c == 'x'; });
    return digits || letter || roman;
}

std::vector<PdfLine> find_lines(const PdfPage& page, int page_number) {
    std::vector<PdfLine> lines;
    int number = 0;
    for (const Group& group : group_by_baseline(page.words)) {
        lines.push_back(make_line(page.words, group, page_number, ++number));
    }
    return lines;
}

}  // namespace storybank::ingest
