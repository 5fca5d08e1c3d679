#pragma once

#include <string>
#include <string_view>

namespace storybank::render {

struct PageImage {
    std::string png;     ///< the page as a PNG image
    int page_count = 0;  ///< pages in the whole document
};

/// Page `page` (from 1) of a PDF that storybank wrote, drawn as a PNG `width` pixels wide (the height follows
/// the page's proportions): a preview of a booklet before it is downloaded. Only for PDFs of our own making;
/// uploaded PDFs are read as text (ingest), never drawn.
/// Throws Error(InvalidRequest) naming the page count when there is no such page.
PageImage pdf_page_image(std::string_view pdf, int page, int width);

}  // namespace storybank::render
