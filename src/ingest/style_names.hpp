#pragma once

#include <string>
#include <string_view>

namespace storybank::ingest {

// What a word processor's style is, told from its name: the readers judge styles by name because ids are
// localised or generated while the built-in names stay the same.

/// ASCII lower case: style names are compared without case.
std::string lower_ascii(std::string_view text);

/// "heading 1" … "heading 9", "title", and their French names ("titre 1", "titre").
bool is_heading_style_name(std::string_view lower_name);

/// Word's "caption" (shown as "Légende" in French Word), pandoc's "Image Caption", LibreOffice's "Caption",
/// "Illustration" and "Figure".
bool is_caption_style_name(std::string_view lower_name);

}  // namespace storybank::ingest
