#pragma once

#include "core/problem.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace storybank::ingest {

/// One line (or paragraph, for formats that have them) of a document, with inline emphasis as CommonMark.
struct DocumentLine {
    /// TableHeader: the first row of a table (Markdown `| a | b |` above `|---|---|`), cells separated by tabs.
    /// Caption: a paragraph the author styled as a caption (Word's Caption/Légende, pandoc's ImageCaption).
    enum class Kind : std::uint8_t { Text, Blank, Heading, ListItem, Image, TableHeader, Caption };

    Kind kind = Kind::Text;
    std::string text;      ///< for Image: its caption when the format gives one (Markdown's alt text), else ""
    std::string location;  ///< "line 12", "paragraph 3", …
    std::string image;     ///< for Image: the EmbeddedImage's name, the path a Markdown file links to, or ""
    std::string alt_text;  ///< for Image: the picture's own description, the caption of last resort
};

/// An image found inside the document (a DOCX media part, an ODT picture, a PDF image), raw as it was found.
/// Readers never decode it: media:: does, with its own limits.
struct EmbeddedImage {
    std::string name;  ///< the part name inside the file ("word/media/image1.jpeg"), for messages
    std::string bytes;
};

/// What a format reader hands to the story assembler: the text in reading order, format-independent.
struct DocumentText {
    std::vector<DocumentLine> lines;
    /// True when consecutive Text lines belong to one paragraph (Markdown, hard-wrapped text);
    /// false when each line is a paragraph (Word's text export, DOCX paragraphs).
    bool lines_join_into_paragraphs = false;
    std::vector<EmbeddedImage> images;  ///< referred to by name from Image lines
    std::vector<core::Problem> problems;
};

}  // namespace storybank::ingest
