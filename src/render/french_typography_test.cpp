#include "render/french_typography.hpp"

#include <gtest/gtest.h>

namespace storybank::render {
namespace {

struct Case {
    std::string_view name;
    std::string_view input;
    std::string_view expected;
};

// "\u202F" narrow no-break space, "\u00A0" no-break space.
const Case kCases[] = {
    {"space before question mark", "Pourquoi ?", "Pourquoi\u202F?"},
    {"missing space before exclamation", "Enfin!", "Enfin\u202F!"},
    {"colon gets a full no-break space", "Titre : la paix", "Titre\u00A0: la paix"},
    {"glued colon before a space", "Note: rien", "Note\u00A0: rien"},
    {"semicolon", "un ; deux", "un\u202F; deux"},
    {"guillemets with spaces", "\u00AB Bonjour \u00BB", "\u00AB\u202FBonjour\u202F\u00BB"},
    {"guillemets without spaces", "\u00ABBonjour\u00BB", "\u00AB\u202FBonjour\u202F\u00BB"},
    {"time stays", "à 10:30 précises", "à 10:30 précises"},
    {"address stays", "voir https://example.org", "voir https://example.org"},
    {"double sign spaced once", "Quoi?!", "Quoi\u202F?!"},
    {"already correct", "Oui\u202F!", "Oui\u202F!"},
    {"sign after closing guillemet", "\u00AB Non \u00BB!", "\u00AB\u202FNon\u202F\u00BB\u202F!"},
};

TEST(FrenchTypography, SpacesPunctuationAsFrenchPrintingDoes) {
    for (const auto& test_case : kCases) {
        EXPECT_EQ(french_typography(test_case.input), test_case.expected) << test_case.name;
    }
}

}  // namespace
}  // namespace storybank::render
