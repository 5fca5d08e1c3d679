#pragma once

#include "ingest/document_text.hpp"
#include "ingest/source_file.hpp"

#include <cstddef>

namespace storybank::ingest {

/// How much of a PDF is read at all.
struct PdfLimits {
    int max_pages = 200;  ///< a story is a few pages; a long report is refused whole
    /// Characters of one page. A dense page holds about 10 000; poppler's reading-order pass takes time growing
    /// faster than the square of a page's words when they are scattered, so a page of a million costs hours.
    std::size_t max_page_characters = 30'000;
    std::size_t max_characters = 1'000'000;                  ///< over all pages: what the layout holds in memory
    std::size_t max_bytes = std::size_t{100} * 1024 * 1024;  ///< the file itself
};

/// Reads the text layer of a PDF, page by page, into paragraphs (see lay_out_pdf: a label/value table reads as
/// "label<TAB>value", running headers, footers and page numbers are left out, bold and italic kept from the
/// fonts). Pictures are not taken from a PDF (poppler-cpp gives no access to them): a story's photos keep
/// their captions only, and a document that holds pictures gets one warning, pdf-photos-not-extracted, saying
/// to send them separately. Throws Error(UnreadableInput), naming the file and saying what to do, for a PDF
/// that is protected by a password, damaged or cut short, has no text (a scan), or is past the limits.
DocumentText read_pdf_document(const SourceFile& file, const PdfLimits& limits = {});

}  // namespace storybank::ingest
