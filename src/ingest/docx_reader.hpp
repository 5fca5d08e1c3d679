#pragma once

#include "ingest/document_text.hpp"
#include "ingest/source_file.hpp"

namespace storybank::ingest {

/// Reads a Word document (.docx, and .docm/.dotx which share the format) into lines, one per paragraph in
/// reading order: headings and captions by style, list items with their marker, tables row by row (a
/// label/value table as "label<TAB>value"), text boxes after the paragraph that anchors them, tracked
/// deletions left out, bold and italic as CommonMark, and each picture as an Image line whose bytes are in
/// DocumentText::images. Pictures the document only links to are never fetched (a warning instead).
/// Throws Error(UnreadableInput), naming the file, when it is not a readable DOCX.
DocumentText read_docx_document(const SourceFile& file);

}  // namespace storybank::ingest
