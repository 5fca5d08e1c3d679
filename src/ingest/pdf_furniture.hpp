#pragma once

#include "ingest/pdf_lines.hpp"

#include <vector>

namespace storybank::ingest {

/// Removes what a word processor repeats on every page rather than what the author wrote once: a running
/// header or footer (the same line, page numbers aside, at the top or the bottom of most pages) and bare page
/// numbers ("3", "- 3 -", "Page 3 sur 10") as the first or last line of a page. `pages` holds the lines of
/// each page, `heights` each page's height.
void drop_page_furniture(std::vector<std::vector<PdfLine>>& pages, const std::vector<double>& heights);

}  // namespace storybank::ingest
