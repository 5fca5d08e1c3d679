#include "text/country_finder.hpp"

#include <gtest/gtest.h>

namespace storybank::text {
namespace {

TEST(CountryFinder, FindsCountriesTownsAndAliases) {
    struct Case {
        const char* text;
        const char* code;
        const char* mention;  // the bytes of the mention in the text
    };
    const Case kCases[] = {
        {"Bamako en République du Mali", "ML", "République du Mali"},
        {"près de Niamey, au Niger", "NE", "Niger"},
        {"Lagos (Nigéria)", "NG", "Nigéria"},
        {"à Abidjan, Côte d’Ivoire", "CI", "Côte d’Ivoire"},
        {"Abidjan, Cote d'Ivoire", "CI", "Cote d'Ivoire"},
        {"Bissau, Guinée-Bissau", "GW", "Guinée-Bissau"},
        {"Kinshasa, RDC", "CD", "RDC"},
        {"Ouagadougou", "BF", "Ouagadougou"},
        {"Gao", "ML", "Gao"},
        {"SEGOU", "ML", "SEGOU"},
        {"Dori, Burkina Faso", "BF", "Burkina Faso"},
        {"Maiduguri, Nigeria", "NG", "Nigeria"},
        {"Ségou, Mali", "ML", "Mali"},
        {"Bobo Dioulasso", "BF", "Bobo Dioulasso"},
    };
    for (const auto& c : kCases) {
        auto found = find_country(c.text);
        ASSERT_TRUE(found.has_value()) << c.text;
        EXPECT_EQ(found->code, c.code) << c.text;
        std::string_view text(c.text);
        EXPECT_EQ(text.substr(found->begin, found->end - found->begin), c.mention) << c.text;
    }
}

TEST(CountryFinder, SaysNothingWhenThereIsNoCountry) {
    EXPECT_FALSE(find_country("Village de Koro-Kanda").has_value());
    EXPECT_FALSE(find_country("").has_value());
    // "Mali" inside another word is not Mali.
    EXPECT_FALSE(find_country("Somaliland road").has_value() && find_country("Somaliland road")->code == "ML");
}

TEST(CountryFinder, NamesCountries) {
    EXPECT_EQ(country_name("ML", "fr"), "Mali");
    EXPECT_EQ(country_name("SN", "fr"), "Sénégal");
    EXPECT_EQ(country_name("CI", "en"), "Côte d’Ivoire");
    EXPECT_TRUE(is_country_code("BF"));
    EXPECT_FALSE(is_country_code("XX"));
    EXPECT_FALSE(is_country_code("MLI"));
}

}  // namespace
}  // namespace storybank::text
