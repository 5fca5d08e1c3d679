#include "render/pdf_story_writer.hpp"

#include "render/detail/pdf_canvas.hpp"
#include "render/detail/pdf_story_body.hpp"

namespace storybank::render {
namespace {

/// Lays the story out once; with `out` null it only counts the pages.
int print(std::ostream* out,
          const StoryLayout& story,
          const DocumentLabels& labels,
          const PhotoBytes& photo_bytes,
          const PdfOptions& options,
          int total_pages) {
    detail::PdfCanvas canvas(out, options.paper, story.title, story.organisation);
    std::string footer = story.organisation;
    if (!options.date.empty()) {
        footer += (footer.empty() ? "" : "  \u00B7  ") + options.date;
    }
    canvas.set_furniture({detail::printed(story.title, story.story_language), detail::printed(footer, story.language),
                          labels.page, total_pages});
    canvas.outline(story.title);
    detail::print_story(canvas, story, labels, photo_bytes);
    int pages = canvas.page_number();
    canvas.finish();
    return pages;
}

}  // namespace

void write_story_pdf(std::ostream& out,
                     const StoryLayout& story,
                     const DocumentLabels& labels,
                     const PhotoBytes& photo_bytes,
                     const PdfOptions& options) {
    int pages = print(nullptr, story, labels, photo_bytes, options, 0);
    print(&out, story, labels, photo_bytes, options, pages);
}

}  // namespace storybank::render
