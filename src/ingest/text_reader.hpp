#pragma once

#include "ingest/document_text.hpp"
#include "ingest/source_file.hpp"

namespace storybank::ingest {

enum class TextFlavour : std::uint8_t { Plain, Markdown };

/// Reads a .txt or .md file into lines: decodes UTF-8 (with or without BOM), UTF-16 with BOM, and falls back
/// to Windows-1252 with a warning; normalises to NFC; handles CRLF and CR line ends; recognises Markdown
/// headings, list items and images. Throws Error(UnreadableInput) for bytes that are not text.
DocumentText read_text_document(const SourceFile& file, TextFlavour flavour);

}  // namespace storybank::ingest
