#pragma once

#include "core/problem.hpp"
#include "core/story.hpp"
#include "core/template.hpp"

#include <vector>

namespace storybank::core {

/// Makes a story written by a client (canonical JSON through the API) what a reader would have produced: its
/// fields in template order without empty values, and its problems worked out again from the template (missing
/// required and recommended fields), whatever problems the client sent. Returns the refusals that make the story
/// unacceptable, and then leaves it unchanged: a field the template does not have (field-unknown), a value of the
/// wrong shape for its field (field-wrong-type), a choice that is not one of the field's (field-choice-unknown), a
/// date that is not YYYY, YYYY-MM or YYYY-MM-DD (field-date-invalid).
std::vector<Problem> conform_to_template(Story& story, const Template& story_template);

}  // namespace storybank::core
