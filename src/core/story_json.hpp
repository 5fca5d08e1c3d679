#pragma once

#include "core/story.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace storybank::core {

class MessageCatalog;

enum class JsonLayout : std::uint8_t { Compact, Indented };

/// The canonical JSON of a story (DESIGN.md, schema "storybank.story/1"). Problem messages are rendered in
/// `message_language`.
std::string to_canonical_json(const Story& story,
                              const MessageCatalog& messages,
                              std::string_view message_language,
                              JsonLayout layout = JsonLayout::Indented);

/// Reads canonical JSON back. Unknown keys are ignored; a value of the wrong shape throws
/// Error(InvalidRequest) naming the field. Problems are kept (message IDs and parameters; rendered text is
/// dropped, it is made again at the edge).
Story story_from_json(std::string_view json_text);

}  // namespace storybank::core
