#include "text/collation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using storybank::text::collation_key;

std::vector<std::string> sorted(std::vector<std::string> names, const std::string& language) {
    std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
        return collation_key(a, language) < collation_key(b, language);
    });
    return names;
}

TEST(Collation, FrenchNamesSortAsInADictionary) {
    EXPECT_EQ(sorted({"Zambie", "Éthiopie", "Burkina Faso", "Érythrée", "côte d'Ivoire", "Gambie", "Niger"}, "fr"),
              (std::vector<std::string>{"Burkina Faso", "côte d'Ivoire", "Érythrée", "Éthiopie", "Gambie", "Niger",
                                        "Zambie"}));
}

TEST(Collation, CaseAndAccentsOnlyBreakTies) {
    EXPECT_LT(collation_key("ecole", "fr"), collation_key("École", "fr"));
    EXPECT_LT(collation_key("École", "fr"), collation_key("écoles", "fr"));
    EXPECT_EQ(collation_key("Mali", "fr"), collation_key("Mali", "fr"));
    EXPECT_NE(collation_key("Mali", "fr"), collation_key("mali", "fr"));
}

TEST(Collation, AnUnknownLanguageStillSorts) {
    EXPECT_EQ(sorted({"b", "Á", "a"}, "xx-unknown"), (std::vector<std::string>{"a", "Á", "b"}));
    EXPECT_LT(collation_key("", "fr"), collation_key("a", "fr")) << "nothing sorts first";
}

}  // namespace
