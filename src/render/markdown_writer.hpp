#pragma once

#include "core/story.hpp"
#include "core/template.hpp"
#include "render/personal_data.hpp"

#include <string>
#include <string_view>

namespace storybank::render {

/// The story as a Markdown document laid out like the collection form: title, a summary table, then one
/// section per rich-text field, testimonies as block quotes and the photos' captions. Labels in `language`.
std::string write_markdown(const core::Story& story,
                           const core::Template& story_template,
                           std::string_view language,
                           PersonalData personal_data);

}  // namespace storybank::render
