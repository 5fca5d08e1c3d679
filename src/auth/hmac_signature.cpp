#include "auth/hmac_signature.hpp"

#include "auth/detail/sodium_runtime.hpp"

#include <sodium.h>

#include <array>

namespace storybank::auth {

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
    detail::start_sodium();
    // The init/update/final form takes a key of any length (hashed first when longer than a block), as standard
    // HMAC libraries do; crypto_auth_hmacsha256() alone wants exactly 32 bytes.
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    crypto_auth_hmacsha256_final(&state, mac.data());
    std::array<char, crypto_auth_hmacsha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
    return std::string(hex.data(), crypto_auth_hmacsha256_BYTES * 2);
}

}  // namespace storybank::auth
