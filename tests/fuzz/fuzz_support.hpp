#pragma once

// What the fuzz targets share: the template stories are assembled against, and the bytes as a string.
#include "core/template.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace storybank::fuzz {

/// The default template (success-story), parsed once from the resources compiled into the binary.
const core::Template& story_template();

inline std::string bytes_of(const std::uint8_t* data, std::size_t size) {
    return size == 0 ? std::string() : std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace storybank::fuzz
