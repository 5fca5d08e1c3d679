#include "auth/password_policy.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace storybank::auth {
namespace {

std::vector<std::string> message_ids(const std::vector<core::Problem>& problems) {
    std::vector<std::string> ids;
    for (const auto& problem : problems) {
        EXPECT_EQ(problem.field, "password");
        EXPECT_EQ(problem.severity, core::Severity::Error);
        ids.push_back(problem.message_id);
    }
    return ids;
}

std::string shipped_list() {
    const char* root = std::getenv("STORYBANK_SOURCE_DIR");
    std::filesystem::path path =
        std::filesystem::path(root != nullptr ? root : ".") / "resources/auth/common-passwords.txt";
    std::ifstream in(path);
    EXPECT_TRUE(in) << "cannot read " << path;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

const PasswordPolicy& shipped_policy() {
    static const PasswordPolicy kPolicy(shipped_list());
    return kPolicy;
}

TEST(PasswordPolicy, ReadsTheListIgnoringCommentsBlankLinesAndCase) {
    PasswordPolicy policy("# a comment\n\nSoleil\r\n  azerty  \nmotdepasse");
    EXPECT_EQ(policy.common_password_count(), 3u);
    EXPECT_EQ(message_ids(policy.check("SOLEIL", "")),
              (std::vector<std::string>{"password-too-short", "password-too-common"}));
}

TEST(PasswordPolicy, TheShippedListHasTheCommonFrenchAndEnglishPasswords) {
    EXPECT_GE(shipped_policy().common_password_count(), 300u);
    for (std::string_view password : {"azertyuiop", "motdepasse", "1234567890", "password123", "qwertyuiop"}) {
        EXPECT_EQ(message_ids(shipped_policy().check(password, "")), std::vector<std::string>{"password-too-common"})
            << password;
    }
}

TEST(PasswordPolicy, RefusesCommonWordsDressedUpWithDigitsSymbolsAndLookAlikes) {
    struct Case {
        std::string_view password;
        bool refused;
    };
    const Case kCases[] = {
        {"Soleil2024!", true},         {"2024motdepasse", true},
        {"MotDePasse!!!", true},       {"m0tdep@sse2023", true},
        {"P@ssw0rd2024", true},        {"Bamako2023!!", true},
        {"azerty123456", true},        {"0123456789012", true},  // digits only: a date or a phone number
        {"+223 76 00 00 00", true},                              // a phone number
        {"aaaaaaaaaaaa", true},        {"soleil de minuit sur le fleuve", false},
        {"x7Soleil-de-minuit", false}, {"Tinariwen-joue-a-Gao", false},
        {"9Xq!mZ2#pLw", false},
    };
    for (const auto& test_case : kCases) {
        auto ids = message_ids(shipped_policy().check(test_case.password, "awa@example.org"));
        bool common = std::find(ids.begin(), ids.end(), "password-too-common") != ids.end();
        EXPECT_EQ(common, test_case.refused) << test_case.password;
    }
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
    PasswordPolicy policy("");
    EXPECT_EQ(message_ids(policy.check("éééééééééé", "")).size(), 1u) << "ten é are ten characters, but repeated";
    EXPECT_TRUE(policy.check("àéîõüçñßøå", "").empty()) << "ten characters in twenty bytes";
    EXPECT_EQ(message_ids(policy.check("àéîõüçñßø", "")), std::vector<std::string>{"password-too-short"});
    EXPECT_EQ(policy.check("", "")[0].params.at("minimum"), "10");
}

TEST(PasswordPolicy, RefusesTheEmailAddressOrAPartOfIt) {
    PasswordPolicy policy("");
    struct Case {
        std::string_view password;
        std::string_view email;
        bool refused;
    };
    const Case kCases[] = {
        {"awa.traore", "awa.traore@example.org", true},
        {"AWA.TRAORE-2024", "awa.traore@example.org", true},
        {"mon-traore-a-moi", "awa.traore@example.org", true},
        {"une longue phrase", "awa.traore@example.org", false},
        {"awa est ici ce soir", "awa.traore@example.org", false},  // "awa" alone is too short to count
        {"ab-cd-ef-gh-ij", "ab@example.org", false},
        {"fomba3-et-fomba3", "fomba3@hotmail.com", true},
        {"une longue phrase", "", false},
    };
    for (const auto& test_case : kCases) {
        auto ids = message_ids(policy.check(test_case.password, test_case.email));
        bool refused = std::find(ids.begin(), ids.end(), "password-contains-email") != ids.end();
        EXPECT_EQ(refused, test_case.refused) << test_case.password << " / " << test_case.email;
    }
}

TEST(PasswordPolicy, AcceptsALongUncommonPassword) {
    EXPECT_TRUE(shipped_policy().check("le fleuve Niger à Ségou, en crue", "awa.traore@example.org").empty());
}

}  // namespace
}  // namespace storybank::auth
