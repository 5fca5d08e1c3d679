#include "service/email_address.hpp"

#include <gtest/gtest.h>

namespace storybank::service {
namespace {

TEST(EmailAddress, KeepsTheLocalPartAndLowersTheDomain) {
    struct Case {
        std::string_view input;
        std::optional<std::string> expected;
    };
    const Case kCases[] = {
        {"awa@example.org", "awa@example.org"},
        {"  Awa.Traore@EXAMPLE.Org ", "Awa.Traore@example.org"},
        {"fomba3@hotmail.com", "fomba3@hotmail.com"},
        {"aïssata@exemple.ml", "aïssata@exemple.ml"},
        {"", std::nullopt},
        {"awa", std::nullopt},
        {"@example.org", std::nullopt},
        {"awa@", std::nullopt},
        {"awa@example", std::nullopt},
        {"awa@.org", std::nullopt},
        {"awa@example.", std::nullopt},
        {"awa@example..org", std::nullopt},
        {"awa@@example.org", std::nullopt},
        {"a@b@example.org", std::nullopt},
        {"awa traore@example.org", std::nullopt},
        {"Awa <awa@example.org>", std::nullopt},
        {"awa@example.org,moussa@example.org", std::nullopt},
        {"awa\n@example.org", std::nullopt},
    };
    for (const auto& test_case : kCases) {
        EXPECT_EQ(normalized_email(test_case.input), test_case.expected) << test_case.input;
    }
    EXPECT_FALSE(normalized_email(std::string(250, 'a') + "@example.org")) << "longer than 254 bytes";
}

TEST(EmailAddress, LoginKeysIgnoreCaseAndSpaces) {
    EXPECT_EQ(login_key_of(" Awa@Example.ORG "), "awa@example.org");
    EXPECT_EQ(login_key_of("no address"), "no address");
}

}  // namespace
}  // namespace storybank::service
