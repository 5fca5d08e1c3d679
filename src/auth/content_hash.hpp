#pragma once

#include <string>
#include <string_view>

namespace storybank::auth {

/// SHA-256 of some bytes as 64 lower-case hex digits (libsodium). Used to address stored photos and to
/// recognise a file imported before.
std::string sha256_hex(std::string_view bytes);

}  // namespace storybank::auth
