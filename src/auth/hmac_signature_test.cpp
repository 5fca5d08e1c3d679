#include "auth/hmac_signature.hpp"

#include <gtest/gtest.h>

#include <string>

namespace storybank::auth {
namespace {

// RFC 4231 test cases: a short key, a key of one block, and a key longer than a block (hashed first).
struct Case {
    std::string_view name;
    std::string key;
    std::string message;
    std::string_view hex;
};

TEST(HmacSignature, MatchesRfc4231) {
    const Case kCases[] = {
        {"case 2, short key", "Jefe", "what do ya want for nothing?",
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
        {"case 1, 20-byte key", std::string(20, '\x0b'), "Hi There",
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
        {"case 6, 131-byte key", std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First",
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
    };
    for (const auto& test_case : kCases) {
        EXPECT_EQ(hmac_sha256_hex(test_case.key, test_case.message), test_case.hex) << test_case.name;
    }
}

TEST(HmacSignature, DependsOnKeyAndMessage) {
    std::string signature = hmac_sha256_hex("secret", "1795946400.{}");
    EXPECT_NE(signature, hmac_sha256_hex("secret2", "1795946400.{}"));
    EXPECT_NE(signature, hmac_sha256_hex("secret", "1795946401.{}"));
    EXPECT_EQ(signature.size(), 64U);
}

}  // namespace
}  // namespace storybank::auth
