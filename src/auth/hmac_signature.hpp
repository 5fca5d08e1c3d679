#pragma once

#include <string>
#include <string_view>

namespace storybank::auth {

/// HMAC-SHA256 of `message` under `key` (the key's bytes as given, any length), as 64 lower-case hex digits: what
/// a webhook receiver recomputes with its copy of the secret to check that a delivery came from this server.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

}  // namespace storybank::auth
