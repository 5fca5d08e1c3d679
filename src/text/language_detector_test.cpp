#include "text/language_detector.hpp"

#include <gtest/gtest.h>

namespace storybank::text {
namespace {

TEST(LanguageDetector, TellsFrenchFromEnglish) {
    EXPECT_EQ(detect_language("Depuis 2012, le Mali a connu une crise multidimensionnelle sans précédent avec pour "
                              "corollaires des pertes en vies humaines et des déplacements forcés de la population."),
              "fr");
    EXPECT_EQ(detect_language("Since 2012, Mali has gone through an unprecedented crisis with loss of life, forced "
                              "displacement of the population and the spread of violent extremism."),
              "en");
}

TEST(LanguageDetector, SaysNothingForShortText) {
    EXPECT_EQ(detect_language("Merci"), "");
    EXPECT_EQ(detect_language(""), "");
}

}  // namespace
}  // namespace storybank::text
