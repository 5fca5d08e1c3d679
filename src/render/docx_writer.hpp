#pragma once

#include "render/pdf_booklet_writer.hpp"
#include "render/story_layout.hpp"

#include <cstddef>
#include <string>

namespace storybank::render {

struct DocxOptions {
    PaperSize paper = PaperSize::A4;
    std::string title;     ///< document property; with several stories, also a title page
    std::string footer;    ///< left of the page number in every page's footer (organisation · date)
    bool booklet = false;  ///< a title page and contents first, an index last, even for one story
};

/// Stories as a Word document in the form's layout: the title, the summary as a two-column table (label, value,
/// as in the collection form), each section under its heading with the author's emphasis, testimonies as
/// set-off quotes, photos embedded with their captions, page numbers in the footer. Several stories are
/// separated by page breaks; a booklet has a title page and a table of contents first and an index by country
/// and partner NGO last (page numbers as fields the word processor fills in). Values are written as stored (no
/// typographic rewriting), so that storybank's own reader reads the same fields back. Returns the .docx bytes.
std::string write_docx(std::size_t count,
                       const StoryLoader& load,
                       const DocumentLabels& labels,
                       const PhotoBytes& photo_bytes,
                       const DocxOptions& options,
                       const Progress& progress = {});

}  // namespace storybank::render
