#pragma once

#include "core/message_catalog.hpp"

namespace storybank::service {

/// The translations compiled in (resources/i18n/*.json, except the translator notes).
core::MessageCatalog load_messages();

}  // namespace storybank::service
