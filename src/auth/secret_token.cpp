#include "auth/secret_token.hpp"

#include "auth/content_hash.hpp"
#include "auth/detail/sodium_runtime.hpp"

#include <sodium.h>

#include <array>

namespace storybank::auth {

SecretToken SecretToken::generate() {
    detail::start_sodium();
    std::array<unsigned char, 32> random{};
    randombytes_buf(random.data(), random.size());
    constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::array<char, sodium_base64_ENCODED_LEN(32, kVariant)> text{};
    sodium_bin2base64(text.data(), text.size(), random.data(), random.size(), kVariant);
    sodium_memzero(random.data(), random.size());
    return SecretToken(text.data());
}

std::string SecretToken::digest() const {
    return digest_of(m_text);
}

std::string SecretToken::digest_of(std::string_view text) {
    return sha256_hex(text);
}

bool SecretToken::matches(std::string_view text, std::string_view stored_digest) {
    return equal_in_constant_time(digest_of(text), stored_digest);
}

bool equal_in_constant_time(std::string_view left, std::string_view right) {
    if (left.size() != right.size()) {
        return false;
    }
    if (left.empty()) {
        return true;
    }
    detail::start_sodium();
    return sodium_memcmp(left.data(), right.data(), left.size()) == 0;
}

}  // namespace storybank::auth
