#pragma once

#include "render/story_layout.hpp"

#include <ostream>
#include <string>

namespace storybank::render {

struct PdfOptions {
    PaperSize paper = PaperSize::A4;
    std::string date;  ///< printed in the footer ("2026-11-29"); the caller's clock decides
};

/// One story as a PDF in the house layout (Cairo + Pango, fonts embedded as subsets, photos embedded as their
/// JPEG bytes): kicker, title, summary table, sections, testimonies, photos with captions, a running header and
/// a footer with the organisation, the date and "Page n / N". Throws Error(Unavailable) when `out` fails.
void write_story_pdf(std::ostream& out,
                     const StoryLayout& story,
                     const DocumentLabels& labels,
                     const PhotoBytes& photo_bytes,
                     const PdfOptions& options);

}  // namespace storybank::render
