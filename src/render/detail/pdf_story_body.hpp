#pragma once

#include "render/detail/pdf_canvas.hpp"
#include "render/story_layout.hpp"

namespace storybank::render::detail {

/// The house style of printed stories, shared by the one-story PDF and the booklet's chapters.
namespace style {
inline constexpr Colour kInk{0.11, 0.14, 0.19};
inline constexpr Colour kHeading{0.12, 0.23, 0.37};
inline constexpr Colour kAccent{0.71, 0.33, 0.18};
inline constexpr Colour kMuted{0.36, 0.40, 0.45};
inline constexpr Colour kRule{0.79, 0.82, 0.86};
inline constexpr Colour kLabelShade{0.93, 0.95, 0.97};
}  // namespace style

/// The small accent-coloured heading of a story's parts, its kicker and the booklet index's groups (set in
/// capitals by the caller).
TextStyle part_style();

/// Text as printed in `language`: French typography for French, as written otherwise.
std::string printed(std::string_view text, std::string_view language);

/// Text in capitals (Unicode-aware), for kickers and small headings.
std::string capitals(std::string_view text);

/// Prints a story from the cursor: kicker, title, the note on what was left out, the summary table, the
/// sections, the testimonies and the photos with their captions.
void print_story(PdfCanvas& canvas,
                 const StoryLayout& story,
                 const DocumentLabels& labels,
                 const PhotoBytes& photo_bytes);

}  // namespace storybank::render::detail
