#include "ingest/pdf_paragraphs.hpp"

#include "ingest/document_lines.hpp"
#include "ingest/inline_text.hpp"
#include "ingest/pdf_lines.hpp"
#include "text/unicode_text.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace storybank::ingest {
namespace {

/// A vertical gap wider than this share of the line height ends a paragraph (paragraph spacing).
constexpr double kParagraphGap = 0.35;
/// Text this much larger than the body is a heading.
constexpr double kHeadingSize = 1.15;
/// Sizes closer than this share are the same size.
constexpr double kSameSize = 0.1;
/// In font sizes: a space, for telling whether a word would have fitted; how far lines of one paragraph may
/// start from each other; how far apart the middles of centred lines may be.
constexpr double kSpaceWidth = 0.25;
constexpr double kIndent = 1.0;
constexpr double kCentred = 0.5;

/// A bold paragraph up to this long is a heading.
constexpr int kMaxBoldHeadingLines = 2;
constexpr std::size_t kMaxBoldHeadingBytes = 200;
/// Only a paragraph up to this long may be a numbered caption.
constexpr std::size_t kMaxCaptionBytes = 400;

constexpr std::string_view kSoftHyphen = "\xC2\xAD";

bool ends_sentence(std::string_view word) {
    return word.ends_with('.') || word.ends_with('!') || word.ends_with('?') || word.ends_with("…");
}

/// French words that follow a hyphen at a line end as part of a compound ("peut-être", "présente-t-elle",
/// "c'est-à-dire"): there the hyphen is the author's, not the line breaker's.
bool keeps_hyphen(std::string_view next_word) {
    std::size_t end = 0;
    while (end < next_word.size() && next_word[end] != '-' && next_word[end] != ',' && next_word[end] != '.' &&
           next_word[end] != ' ') {
        ++end;
    }
    const std::string word = text::fold_for_matching(next_word.substr(0, end));
    for (std::string_view particle :
         {"etre", "ci", "la", "meme", "memes", "t",  "il", "ils", "elle", "elles", "on",  "je",   "tu", "nous",
          "vous", "ce", "a",  "y",    "dire",  "en", "le", "les", "moi",  "toi",   "lui", "leur", "eux"}) {
        if (word == particle) {
            return true;
        }
    }
    return false;
}

/// "commu-" before "nautés": a word cut at the line end.
bool ends_with_cut(std::string_view word) {
    if (word.size() < 2 || !word.ends_with('-')) {
        return false;
    }
    const char before = word[word.size() - 2];
    return before != '-' && before != ' ' && before != '(' && before != '/';
}

/// How many words in front of a caption are its number ("Photo 1 :", "Figure 2.", "Image 3 –"), 0 for none.
/// Word writes the number as a field the DOCX reader can leave out; in a PDF it is plain text.
template <typename Words>
std::size_t caption_number_words(const Words& words) {
    if (words.size() < 3) {
        return 0;
    }
    const std::string label = text::fold_for_matching(words[0].text);
    bool is_label = false;
    for (std::string_view name : {"photo", "figure", "fig.", "image", "illustration", "picture", "photographie"}) {
        is_label = is_label || label == name;
    }
    std::string_view number = words[1].text;
    std::size_t digits = 0;
    while (digits < number.size() && number[digits] >= '0' && number[digits] <= '9') {
        ++digits;
    }
    if (!is_label || digits == 0 || digits > 3) {
        return 0;
    }
    auto is_separator = [](std::string_view text) {
        return text == ":" || text == "." || text == "-" || text == ")" || text == "–" || text == "—";
    };
    if (digits < number.size()) {
        return is_separator(number.substr(digits)) ? 2 : 0;
    }
    return is_separator(words[2].text) && words.size() > 3 ? 3 : 2;
}

std::string location_of(int page, int number) {
    return "page " + std::to_string(page) + ", line " + std::to_string(number);
}

}  // namespace

PdfParagraphs::Geometry PdfParagraphs::geometry_of(const PdfPiece& piece) {
    Geometry out;
    out.page = piece.page;
    out.left = piece.segments.front()->left;
    out.right = piece.segments.back()->right;
    out.top = piece.segments.front()->top;
    out.bottom = piece.segments.front()->bottom;
    std::size_t most = 0;
    for (const PdfSegment* segment : piece.segments) {
        out.top = std::min(out.top, segment->top);
        out.bottom = std::max(out.bottom, segment->bottom);
        out.bold = out.bold && segment->bold;
        std::size_t characters = 0;
        for (const auto& word : segment->words) {
            characters += word.text.size();
        }
        if (characters > most) {
            most = characters;
            out.font_size = segment->font_size;
        }
    }
    return out;
}

bool PdfParagraphs::heading(const Geometry& line) const {
    return m_body_size > 0 && line.font_size >= kHeadingSize * m_body_size;
}

bool PdfParagraphs::goes_on(const PdfPiece& piece, const Geometry& next, PdfTextBox box, bool page_turn) const {
    // A bullet never starts a wrapped line, and an item number does not after a list item.
    const std::string& first_word = piece.segments.front()->words.front().text;
    if (piece.list_item || is_bullet(first_word) || (m_first_is_list && is_list_marker(first_word)) ||
        heading(m_last) != heading(next) ||
        std::abs(m_last.font_size - next.font_size) > kSameSize * std::max(m_last.font_size, next.font_size)) {
        return false;
    }
    if (!page_turn) {
        const double height = std::min(m_last.bottom - m_last.top, next.bottom - next.top);
        if (next.page != m_last.page || next.top - m_last.bottom > kParagraphGap * height ||
            next.top < m_last.top + 0.5 * height) {
            return false;
        }
    }
    if (m_last.bold != next.bold) {
        return false;  // a label or a title in bold stands apart from the text around it
    }
    const double size = next.font_size > 0 ? next.font_size : next.bottom - next.top;
    const double shift = std::abs(next.left - m_last.left);
    const bool centred = shift > kIndent * size &&
                         std::abs((next.left + next.right) - (m_last.left + m_last.right)) / 2 <= kCentred * size;
    const bool aligned = shift <= kIndent * size || (m_first_is_list && next.left > m_first.left) ||
                         (m_line_count == 1 && next.left < m_last.left) || centred;
    if (!aligned) {
        return false;
    }
    const PdfWord& first = piece.segments.front()->words.front();
    const double needed = kSpaceWidth * size + first.width();
    const bool room =
        centred ? (m_last.right - m_last.left) + needed <= box.right - box.left : m_last.right + needed <= box.right;
    const bool sentence_goes_on =
        text::starts_with_lower_case(first.text) && !m_words.empty() && !ends_sentence(m_words.back().text);
    if (room) {
        // The line stopped early: a new paragraph, unless the sentence plainly goes on (a soft line break).
        return sentence_goes_on;
    }
    // Over a page break no gap tells where a paragraph ends: a full line ending a sentence ends it too.
    return !page_turn || sentence_goes_on || m_words.empty() || !ends_sentence(m_words.back().text);
}

void PdfParagraphs::append_words(const PdfPiece& piece) {
    for (std::size_t s = 0; s < piece.segments.size(); ++s) {
        const PdfSegment& segment = *piece.segments[s];
        if (s > 0) {
            m_words.push_back({"\t", {}, false});
        }
        for (std::size_t w = 0; w < segment.words.size(); ++w) {
            const PdfWord& word = segment.words[w];
            bool space = segment.space_before[w];
            if (s == 0 && w == 0 && !m_words.empty()) {
                // The line before ended here.
                Word& last = m_words.back();
                space = true;
                if (last.text.ends_with(kSoftHyphen)) {
                    last.text.resize(last.text.size() - kSoftHyphen.size());
                    space = false;
                } else if (ends_with_cut(last.text)) {
                    if (text::starts_with_lower_case(word.text) && !keeps_hyphen(word.text)) {
                        last.text.pop_back();
                    }
                    space = false;
                }
            } else if (!m_words.empty() && m_words.back().text.ends_with(kSoftHyphen)) {
                m_words.back().text.resize(m_words.back().text.size() - kSoftHyphen.size());
            }
            m_words.push_back({word.text, word.emphasis, space});
        }
    }
}

void PdfParagraphs::add(const PdfPiece& piece, PdfTextBox box, bool page_turn) {
    if (piece.segments.empty() || piece.segments.front()->words.empty()) {
        return;
    }
    const Geometry next = geometry_of(piece);
    if (m_line_count > 0 && goes_on(piece, next, box, page_turn)) {
        append_words(piece);
        m_last = next;
        ++m_line_count;
        return;
    }
    end_paragraph();
    m_location = location_of(piece.page, piece.number);
    m_first = next;
    m_last = next;
    m_first_is_list = piece.list_item;
    m_line_count = 1;
    append_words(piece);
}

void PdfParagraphs::end_paragraph() {
    if (m_line_count == 0) {
        return;
    }
    const bool all_bold = std::all_of(m_words.begin(), m_words.end(), [](const Word& w) { return w.emphasis.bold; });
    std::size_t characters = 0;
    for (const auto& word : m_words) {
        characters += word.text.size();
    }
    // A short paragraph all in bold is a heading to whoever reads the page, whatever its size.
    const bool heading_line =
        heading(m_first) || (all_bold && m_line_count <= kMaxBoldHeadingLines && characters <= kMaxBoldHeadingBytes);
    // A heading is bold or italic by its style: only emphasis on part of it is the author's.
    const bool all_italic =
        std::all_of(m_words.begin(), m_words.end(), [](const Word& w) { return w.emphasis.italic; });
    const std::size_t caption_number =
        heading_line || characters > kMaxCaptionBytes ? 0 : caption_number_words(m_words);
    InlineText inline_text;
    Emphasis previous;
    for (std::size_t i = caption_number; i < m_words.size(); ++i) {
        Word& word = m_words[i];
        if (heading_line) {
            word.emphasis.bold = word.emphasis.bold && !all_bold;
            word.emphasis.italic = word.emphasis.italic && !all_italic;
        }
        if (word.text.ends_with(kSoftHyphen)) {
            word.text.resize(word.text.size() - kSoftHyphen.size());
        }
        if (word.space_before && i > caption_number) {
            inline_text.add(" ", previous);
        }
        inline_text.add(word.text, word.emphasis);
        previous = word.emphasis;
    }
    DocumentLine line;
    line.location = std::move(m_location);
    line.text = tidy_paragraph(inline_text.markdown());
    if (heading_line) {
        line.kind = DocumentLine::Kind::Heading;
    } else if (caption_number > 0) {
        line.kind = DocumentLine::Kind::Caption;
    } else if (std::optional<std::string> item = typed_list_item(line.text)) {
        line.kind = DocumentLine::Kind::ListItem;
        line.text = std::move(*item);
    }
    if (!line.text.empty()) {
        m_out.push_back(std::move(line));
    }
    m_words.clear();
    m_location.clear();
    m_line_count = 0;
    m_first_is_list = false;
}

std::vector<DocumentLine> PdfParagraphs::take() {
    end_paragraph();
    return std::exchange(m_out, {});
}

}  // namespace storybank::ingest
