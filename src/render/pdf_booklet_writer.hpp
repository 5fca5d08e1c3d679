#pragma once

#include "render/pdf_story_writer.hpp"
#include "render/story_layout.hpp"

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace storybank::render {

struct BookletOptions {
    PdfOptions pdf;
    std::string title;       ///< on the cover and in the running header
    std::string consortium;  ///< on the cover and in the footer
    std::string period;      ///< on the cover ("2025–2026"); empty: left off
};

/// The story at `index` (0 ≤ index < count) laid out; called twice per story, in order (the first pass measures,
/// the second prints), so a booklet of any length holds one story in memory at a time.
using StoryLoader = std::function<StoryLayout(std::size_t index)>;

/// Called after each story of each pass: done out of total (twice the number of stories).
using Progress = std::function<void(std::size_t done, std::size_t total)>;

/// A donor booklet as a PDF: a cover (title, consortium, period, number of stories), a table of contents with
/// page numbers, one chapter per story (as write_story_pdf prints it), and an index of the stories by country
/// and by partner NGO with their pages. Throws Error(Unavailable) when `out` fails.
void write_booklet_pdf(std::ostream& out,
                       std::size_t count,
                       const StoryLoader& load,
                       const DocumentLabels& labels,
                       const PhotoBytes& photo_bytes,
                       const BookletOptions& options,
                       const Progress& progress = {});

}  // namespace storybank::render
