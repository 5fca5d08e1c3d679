#pragma once

#include "core/template.hpp"

#include <string>
#include <string_view>

namespace storybank::core {

/// Reads a template from its JSON text (resources/templates/*.json). `origin` names the file in messages.
/// Throws Error(InvalidRequest) naming the file and the entry that is wrong.
Template template_from_json(std::string_view json_text, std::string_view origin);

/// The template as JSON, in the same shape it is read from (for `template show` and the API).
std::string template_to_json(const Template& story_template);

}  // namespace storybank::core
