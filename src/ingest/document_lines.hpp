#pragma once

#include "ingest/document_text.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::ingest {

/// A story form has tens of paragraphs, a long report a few thousand: past this many, a document is refused
/// rather than held in memory line by line.
constexpr int kMaxParagraphs = 100'000;

/// Throws Error(UnreadableInput) naming the file once `count` passes kMaxParagraphs.
void check_paragraph_count(int count, const std::string& file_name);

/// A paragraph's text as every reader hands it over: NFC, runs of spaces collapsed, trimmed, and a tab kept
/// (only one) between a label and its value, as in "Localité<TAB>Bamako".
std::string tidy_paragraph(std::string_view text);

/// A list item typed by hand rather than made with the editor's list tool: "- text", "* text", "• text",
/// "– text" (given back as "- text"), or "1. text", "2) text" (as they are). nullopt for anything else.
std::optional<std::string> typed_list_item(std::string_view line);

/// What a word processor's paragraph holds besides its own text: the pictures anchored in it and the paragraphs
/// of text boxes anchored to it.
struct ParagraphExtras {
    std::vector<DocumentLine> images;
    bool text_before_images = false;  ///< the paragraph's text came before its first picture
    std::vector<DocumentLine> boxed;
};

/// Adds a paragraph's line and its extras to `out` in reading order: the pictures before the text when they came
/// first (a picture, then its caption typed after it), else after; a paragraph holding only pictures adds no
/// blank line of its own; text boxes last. Empties `extras`.
void append_paragraph(DocumentLine line, ParagraphExtras& extras, std::vector<DocumentLine>& out);

/// Adds one table row, given as the lines read from each of its cells, to `out`:
/// - cells holding text become one line "cell<TAB>cell…" (empty cells left out; the paragraphs of one cell
///   separated by a blank line, which the assembler keeps as paragraphs of a rich-text value), so that a
///   two-column summary table reads exactly like the "label<TAB>value" rows of a text export;
/// - a row with a single filled cell (a title row, a layout box) or with a picture gives its cells' lines as
///   they are, so that headings, labels, pictures and captions inside stay visible to the assembler.
void append_table_row(std::vector<std::vector<DocumentLine>> cells, bool header_row, std::vector<DocumentLine>& out);

}  // namespace storybank::ingest
