#pragma once

#include "core/message_catalog.hpp"
#include "core/story.hpp"
#include "core/template.hpp"
#include "render/personal_data.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace storybank::service {

enum class ExportFormat : std::uint8_t { Json, Markdown, Html };

/// "json", "md" or "html"; throws Error(InvalidRequest) naming the accepted formats otherwise.
ExportFormat parse_export_format(std::string_view name);

/// One story as a document of the format. Personal data is left out unless `personal_data` includes it.
std::string export_story(const core::Story& story,
                         const core::Template& story_template,
                         ExportFormat format,
                         const core::MessageCatalog& messages,
                         std::string_view language,
                         render::PersonalData personal_data);

}  // namespace storybank::service
