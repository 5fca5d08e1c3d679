#include "ingest/document_lines.hpp"

#include "core/error.hpp"
#include "text/unicode_text.hpp"

#include <algorithm>

namespace storybank::ingest {

namespace {

/// "1. text", "2) text": an ordered list item (CommonMark allows up to 9 digits; 3 keep years out).
bool is_ordered_list_item(std::string_view line) {
    std::size_t digits = 0;
    while (digits < line.size() && digits < 4 && line[digits] >= '0' && line[digits] <= '9') {
        ++digits;
    }
    return digits >= 1 && digits <= 3 && line.size() > digits + 2 && (line[digits] == '.' || line[digits] == ')') &&
           line[digits + 1] == ' ';
}

}  // namespace

void check_paragraph_count(int count, const std::string& file_name) {
    if (count > kMaxParagraphs) {
        throw Error(ErrorKind::UnreadableInput, "'" + file_name + "' has more than " + std::to_string(kMaxParagraphs) +
                                                    " paragraphs, far more than a story; it was not read");
    }
}

std::optional<std::string> typed_list_item(std::string_view line) {
    for (std::string_view bullet : {"- ", "* ", "• ", "\xE2\x80\x93 "}) {
        if (line.starts_with(bullet)) {
            return "- " + std::string(line.substr(bullet.size()));
        }
    }
    if (is_ordered_list_item(line)) {
        return std::string(line);
    }
    return std::nullopt;
}

std::string tidy_paragraph(std::string_view text) {
    std::string normalized = text::normalize_nfc(text);
    std::string_view raw = normalized;
    if (auto tab = raw.find('\t'); tab != std::string_view::npos) {
        std::string label = text::tidy_spaces(raw.substr(0, tab));
        std::string value = text::tidy_spaces(raw.substr(tab + 1));
        if (!label.empty() && !value.empty()) {
            return label + "\t" + value;
        }
    }
    return text::tidy_spaces(raw);
}

void append_table_row(std::vector<std::vector<DocumentLine>> cells, bool header_row, std::vector<DocumentLine>& out) {
    std::size_t filled = 0;
    bool has_image = false;
    for (auto& cell : cells) {
        std::erase_if(cell, [](const DocumentLine& line) {
            return line.kind == DocumentLine::Kind::Blank ||
                   (line.kind != DocumentLine::Kind::Image && line.text.empty());
        });
        filled += cell.empty() ? 0 : 1;
        has_image = has_image || std::any_of(cell.begin(), cell.end(), [](const DocumentLine& line) {
                        return line.kind == DocumentLine::Kind::Image;
                    });
    }
    if (filled == 0) {
        return;
    }
    if (has_image || filled == 1) {
        for (auto& cell : cells) {
            for (auto& line : cell) {
                out.push_back(std::move(line));
            }
        }
        return;
    }
    DocumentLine row;
    row.kind = header_row ? DocumentLine::Kind::TableHeader : DocumentLine::Kind::Text;
    for (const auto& cell : cells) {
        if (cell.empty()) {
            continue;
        }
        if (row.location.empty()) {
            row.location = cell.front().location;
        }
        std::string text;
        for (std::size_t i = 0; i < cell.size(); ++i) {
            if (i > 0) {
                const bool list =
                    cell[i].kind == DocumentLine::Kind::ListItem && cell[i - 1].kind == DocumentLine::Kind::ListItem;
                text += list ? "\n" : "\n\n";
            }
            text += cell[i].text;
        }
        // A tab inside a cell would read as a column of its own.
        std::replace(text.begin(), text.end(), '\t', ' ');
        row.text += (row.text.empty() ? "" : "\t") + text;
    }
    out.push_back(std::move(row));
}

void append_paragraph(DocumentLine line, ParagraphExtras& extras, std::vector<DocumentLine>& out) {
    auto move_all = [&out](std::vector<DocumentLine>& from) {
        for (auto& moved : from) {
            out.push_back(std::move(moved));
        }
        from.clear();
    };
    const bool has_images = !extras.images.empty();
    const bool images_first = has_images && !extras.text_before_images;
    if (images_first) {
        move_all(extras.images);
    }
    if (line.kind != DocumentLine::Kind::Blank || !has_images) {
        out.push_back(std::move(line));
    }
    move_all(extras.images);
    move_all(extras.boxed);
}

}  // namespace storybank::ingest
