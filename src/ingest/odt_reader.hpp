#pragma once

#include "ingest/document_text.hpp"
#include "ingest/source_file.hpp"

namespace storybank::ingest {

/// Reads an OpenDocument text (.odt, as LibreOffice and Word save it) into lines, one per paragraph of
/// content.xml in reading order, the same way as read_docx_document: headings, captions, list items, table
/// rows, frames and text boxes, bold and italic (from automatic and character styles) as CommonMark, tracked
/// deletions left out, and the pictures of Pictures/ as Image lines. Linked pictures are never fetched.
/// Throws Error(UnreadableInput), naming the file, when it is not a readable ODT text document.
DocumentText read_odt_document(const SourceFile& file);

}  // namespace storybank::ingest
