#include "auth/content_hash.hpp"

#include "core/error.hpp"

#include <sodium.h>

#include <array>

namespace storybank::auth {

std::string sha256_hex(std::string_view bytes) {
    if (sodium_init() < 0) {
        throw Error(ErrorKind::Internal, "the cryptography library could not start", "sodium_init failed");
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return hex.data();
}

}  // namespace storybank::auth
