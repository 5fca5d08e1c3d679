#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::render {

/// A piece of text with one emphasis, as the author wrote it.
struct TextRun {
    std::string text;
    bool bold = false;
    bool italic = false;
    bool operator==(const TextRun&) const = default;
};

enum class BlockKind : std::uint8_t { Paragraph, ListItem, Heading, Quote };

/// One paragraph of rich text, its emphasis kept as runs.
struct RichParagraph {
    BlockKind kind = BlockKind::Paragraph;
    std::vector<TextRun> runs;
    bool operator==(const RichParagraph&) const = default;
};

/// Rich text (CommonMark, as stories store it) as paragraphs of runs, for writers that lay text out
/// themselves (PDF, DOCX). Raw HTML is dropped; links keep their text; line breaks inside a paragraph become
/// spaces.
std::vector<RichParagraph> rich_text_paragraphs(std::string_view markdown);

/// The paragraphs' text without emphasis, separated by blank lines (spreadsheet cells).
std::string plain_text(const std::vector<RichParagraph>& paragraphs);

}  // namespace storybank::render
