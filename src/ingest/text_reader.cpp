#include "ingest/text_reader.hpp"

#include "core/error.hpp"
#include "ingest/document_lines.hpp"
#include "text/unicode_text.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace storybank::ingest {
namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            lines.push_back(std::move(current));
            current.clear();
        } else if (c == '\n') {
            lines.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) {
        lines.push_back(std::move(current));
    }
    return lines;
}

bool is_blank(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\f'; }) ||
           line == "\xC2\xA0";
}

/// Text written in an editor that wraps at a fixed width: many lines of similar, moderate length.
bool looks_hard_wrapped(const std::vector<std::string>& lines) {
    std::size_t longest = 0;
    std::size_t medium = 0;
    for (const auto& line : lines) {
        std::size_t length = text::code_point_count(line);
        longest = std::max(longest, length);
        medium += (length >= 55 && length <= 100) ? 1 : 0;
    }
    return longest <= 100 && medium >= 3;
}

/// "![caption](photo.jpg)" → caption and target; false when the line is not just an image.
bool parse_markdown_image(std::string_view line, DocumentLine& out) {
    if (!line.starts_with("![")) {
        return false;
    }
    std::size_t close = line.find("](");
    if (close == std::string_view::npos || !line.ends_with(")")) {
        return false;
    }
    out.kind = DocumentLine::Kind::Image;
    out.text = std::string(line.substr(2, close - 2));
    std::string target(line.substr(close + 2, line.size() - close - 3));
    // ![c](photo.jpg "title") keeps only the target.
    if (auto space = target.find(' '); space != std::string::npos) {
        target.resize(space);
    }
    out.image = target;
    return true;
}

}  // namespace

DocumentText read_text_document(const SourceFile& file, TextFlavour flavour) {
    if (file.bytes.find('\0') != std::string::npos && !file.bytes.starts_with("\xFF\xFE") &&
        !file.bytes.starts_with("\xFE\xFF")) {
        throw Error(ErrorKind::UnreadableInput, "'" + file.name + "' is not a text file (it contains binary data)");
    }
    text::DecodedText decoded = text::decode_text(file.bytes);
    DocumentText document;
    if (decoded.encoding == text::SourceEncoding::Windows1252) {
        document.problems.push_back(
            {"", core::Severity::Warning, "text-decoded-as-windows-1252", {{"file", file.name}}, ""});
    }
    std::string utf8 = text::normalize_nfc(decoded.utf8);
    std::vector<std::string> lines = split_lines(utf8);
    document.lines_join_into_paragraphs = flavour == TextFlavour::Markdown || looks_hard_wrapped(lines);

    bool in_code_fence = false;
    bool previous_was_table_row = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const bool after_table_row = std::exchange(previous_was_table_row, false);
        std::string_view raw = lines[i];
        DocumentLine line;
        line.location = "line " + std::to_string(i + 1);
        if (is_blank(raw)) {
            line.kind = DocumentLine::Kind::Blank;
            document.lines.push_back(std::move(line));
            continue;
        }
        std::string trimmed = text::tidy_spaces(raw);
        // Tabs separate a label from its value in forms copied from a Word table; keep the first one.
        if (auto tab = raw.find('\t'); tab != std::string_view::npos) {
            std::string label = text::tidy_spaces(raw.substr(0, tab));
            std::string value = text::tidy_spaces(raw.substr(tab + 1));
            if (!label.empty() && !value.empty()) {
                trimmed = label + "\t" + value;
            }
        }
        if (flavour == TextFlavour::Markdown) {
            if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
                in_code_fence = !in_code_fence;
                continue;
            }
            if (!in_code_fence && parse_markdown_image(trimmed, line)) {
                document.lines.push_back(std::move(line));
                continue;
            }
            if (trimmed.starts_with("#")) {
                std::size_t level = trimmed.find_first_not_of('#');
                if (level != std::string::npos && level <= 6 && trimmed[level] == ' ') {
                    line.kind = DocumentLine::Kind::Heading;
                    line.text = text::tidy_spaces(trimmed.substr(level));
                    while (line.text.ends_with('#')) {
                        line.text.pop_back();
                    }
                    line.text = text::tidy_spaces(line.text);
                    document.lines.push_back(std::move(line));
                    continue;
                }
            }
            // Markdown table rows "| label | value |" become "label<TAB>value".
            if (trimmed.starts_with("|") && trimmed.ends_with("|") && trimmed.size() > 2) {
                std::string inner = trimmed.substr(1, trimmed.size() - 2);
                if (inner.find_first_not_of("-:| ") == std::string::npos) {
                    // The |---|---| separator row: the row above it is the table's header.
                    if (after_table_row && !document.lines.empty()) {
                        document.lines.back().kind = DocumentLine::Kind::TableHeader;
                    }
                    continue;
                }
                previous_was_table_row = true;
                std::string row;
                std::size_t start = 0;
                while (start <= inner.size()) {
                    std::size_t bar = inner.find('|', start);
                    std::string cell = text::tidy_spaces(
                        inner.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
                    row += (row.empty() ? "" : "\t") + cell;
                    if (bar == std::string::npos) {
                        break;
                    }
                    start = bar + 1;
                }
                trimmed = row;
            }
        }
        if (std::optional<std::string> item = typed_list_item(trimmed)) {
            line.kind = DocumentLine::Kind::ListItem;
            line.text = std::move(*item);
        } else {
            line.text = trimmed;
        }
        document.lines.push_back(std::move(line));
    }
    return document;
}

}  // namespace storybank::ingest
