#pragma once

#include "core/message_catalog.hpp"
#include "render/story_layout.hpp"

#include <string_view>

namespace storybank::service {

/// The words of printed documents and data exports in `language`, from resources/i18n ("document-*",
/// "column-*", "sheet-*").
render::DocumentLabels document_labels(const core::MessageCatalog& messages, std::string_view language);

}  // namespace storybank::service
