#pragma once

#include "core/story.hpp"
#include "core/template.hpp"
#include "render/personal_data.hpp"

#include <string>
#include <string_view>

namespace storybank::render {

/// Text made safe to place in HTML content or a quoted attribute.
std::string escape_html(std::string_view text);

/// Rich text (CommonMark) as safe HTML: raw HTML and unsafe links dropped (cmark's safe mode).
std::string rich_text_to_html(std::string_view markdown);

/// The story as an HTML fragment (<article>) laid out like the form; every value escaped.
std::string write_story_html(const core::Story& story,
                             const core::Template& story_template,
                             std::string_view language,
                             PersonalData personal_data);

/// A whole, standalone HTML page around a body fragment, with a title and no script.
std::string html_page(std::string_view title, std::string_view body_html, std::string_view language);

}  // namespace storybank::render
