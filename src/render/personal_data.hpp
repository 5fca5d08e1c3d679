#pragma once

#include <cstdint>

namespace storybank::render {

/// Whether an output may show what the template marks personal (contact details and the like).
enum class PersonalData : std::uint8_t { Include, Omit };

}  // namespace storybank::render
