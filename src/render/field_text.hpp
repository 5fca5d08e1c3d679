#pragma once

#include "core/story.hpp"
#include "core/template.hpp"

#include <string>
#include <string_view>

namespace storybank::render {

/// A short field's value as one line of plain text: "Abdoul Kassim FOMBA, Coordonnateur…",
/// "+22379959269, fomba3@hotmail.com", "Bamako (Mali)". Rich text, quotes and photos give "".
std::string field_as_line(const core::FieldValue& value, const core::FieldDefinition& field, std::string_view language);

}  // namespace storybank::render
