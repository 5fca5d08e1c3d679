#pragma once

#include "ingest/document_text.hpp"
#include "ingest/pdf_page.hpp"

#include <vector>

namespace storybank::ingest {

/// Lays the text of a PDF's pages out as the lines a story is assembled from, one per paragraph, in reading
/// order (top to bottom of each page):
/// - a table row or a tab-stop line becomes "label<TAB>value", a value on several lines or a label centred
///   beside it included, so that a summary table reads like the text export's tab rows; a first row all in
///   bold is the table's header;
/// - lines join into a paragraph until a wider vertical gap, a change of size, a line that stops short of the
///   margin (its next word would have fitted), a bullet, or a bold line followed by plain text; a word cut by a
///   hyphen at the line end is joined again; a paragraph goes on over a page break only when its last line
///   ran to the margin;
/// - text set clearly larger than the body is a heading; bold and italic come from the font names;
/// - running headers and footers and bare page numbers are left out.
/// Each line's location is "page N, line M" of its first line.
std::vector<DocumentLine> lay_out_pdf(const std::vector<PdfPage>& pages);

}  // namespace storybank::ingest
