#include "auth/secret_token.hpp"

#include "auth/content_hash.hpp"

#include <gtest/gtest.h>

#include <set>

namespace storybank::auth {
namespace {

TEST(SecretToken, Is43Base64UrlCharactersOf32RandomBytes) {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        SecretToken token = SecretToken::generate();
        ASSERT_EQ(token.text().size(), 43u) << token.text();
        for (char c : token.text()) {
            EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_')
                << token.text();
        }
        seen.insert(token.text());
    }
    EXPECT_EQ(seen.size(), 50u);
}

TEST(SecretToken, IsKeptAsTheSha256OfItsText) {
    SecretToken token = SecretToken::generate();
    EXPECT_EQ(token.digest(), sha256_hex(token.text()));
    EXPECT_EQ(token.digest().size(), 64u);
    EXPECT_EQ(SecretToken::digest_of(token.text()), token.digest());
}

TEST(SecretToken, MatchesOnlyItsOwnDigest) {
    SecretToken token = SecretToken::generate();
    SecretToken other = SecretToken::generate();
    EXPECT_TRUE(SecretToken::matches(token.text(), token.digest()));
    EXPECT_FALSE(SecretToken::matches(other.text(), token.digest()));
    EXPECT_FALSE(SecretToken::matches("", token.digest()));
    EXPECT_FALSE(SecretToken::matches(token.text(), ""));
    EXPECT_FALSE(SecretToken::matches(token.text(), token.digest().substr(1)));
}

TEST(SecretToken, ComparesInConstantTime) {
    EXPECT_TRUE(equal_in_constant_time("", ""));
    EXPECT_TRUE(equal_in_constant_time("abc", "abc"));
    EXPECT_FALSE(equal_in_constant_time("abc", "abd"));
    EXPECT_FALSE(equal_in_constant_time("abc", "abcd"));
}

}  // namespace
}  // namespace storybank::auth
