#include "text/place_gazetteer.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using storybank::text::PlaceGazetteer;

// Lines as scripts/make_gazetteer.py writes them, sorted by key; "paris" twice, most populous first.
constexpr const char* kLines =
    "bamako\tBamako\tML\t12.6500\t-8.0000\t1297281\t2460596\t1\n"
    "gao\tGao\tML\t16.2666\t-0.0400\t86633\t2457163\t1\n"
    "kaya\tKaya\tBF\t13.0917\t-1.0844\t39229\t2359608\t1\n"
    "mopti\tMopti\tML\t14.4843\t-4.1830\t108456\t2453348\t1\n"
    "n djamena\tN'Djamena\tTD\t12.1067\t15.0444\t721081\t2427123\t1\n"
    "ndjamena\tNdjamena\tTD\t12.1067\t15.0444\t721081\t2427123\t0\n"
    "paris\tParis\tFR\t48.8534\t2.3488\t2138551\t2988507\t1\n"
    "paris\tParis\tUS\t33.6609\t-95.5555\t24782\t4717560\t1\n"
    "segi\tSegi\tML\t13.4317\t-6.2157\t130690\t2451185\t0\n"
    "segou\tSégou\tML\t13.4317\t-6.2157\t130690\t2451185\t1\n"
    "timbuktu\tTimbuktu\tML\t16.7735\t-3.0074\t32460\t2449067\t1\n"
    "tombouctou\tTombouctou\tML\t16.7735\t-3.0074\t32460\t2449067\t0\n"
    "tombuctu\tTombuctu\tML\t16.7735\t-3.0074\t32460\t2449067\t0\n"
    "tomina\tTomina\tML\t13.6000\t-5.9000\t1500\t1111111\t1\n";

TEST(PlaceGazetteer, FindsAPlaceWhateverTheCaseAccentsOrApostrophe) {
    PlaceGazetteer gazetteer(kLines);
    auto place = gazetteer.find("TOMBOUCTOU");
    ASSERT_TRUE(place);
    EXPECT_EQ(place->name, "Tombouctou");
    EXPECT_EQ(place->country, "ML");
    EXPECT_DOUBLE_EQ(place->latitude, 16.7735);
    EXPECT_DOUBLE_EQ(place->longitude, -3.0074);
    EXPECT_EQ(place->population, 32460);
    EXPECT_EQ(gazetteer.find("N’Djaména")->country, "TD");
    EXPECT_EQ(gazetteer.find("  n'djamena ")->name, "N'Djamena");
    EXPECT_EQ(gazetteer.find("Bamako")->id, 2460596);
}

TEST(PlaceGazetteer, ACountryChoosesAmongPlacesOfOneName) {
    PlaceGazetteer gazetteer(kLines);
    EXPECT_EQ(gazetteer.find("Paris")->country, "FR");  // the most populous
    EXPECT_EQ(gazetteer.find("Paris", "US")->population, 24782);
    EXPECT_FALSE(gazetteer.find("Paris", "ML"));
    EXPECT_FALSE(gazetteer.find("Kidal"));
    EXPECT_FALSE(gazetteer.find("zzz"));  // after the last key
    EXPECT_FALSE(gazetteer.find("aaa"));  // before the first
    EXPECT_FALSE(gazetteer.find(" ' "));  // nothing left to look for
    EXPECT_FALSE(gazetteer.find("Tombouctou", "BF"));
}

TEST(PlaceGazetteer, ALocalityIsFoundByItsNameBeforeTheRegion) {
    PlaceGazetteer gazetteer(kLines);
    EXPECT_EQ(gazetteer.find_locality("Kaya, Centre-Nord", "BF")->name, "Kaya");
    EXPECT_EQ(gazetteer.find_locality("Kaya (Sanmatenga)", "BF")->name, "Kaya");
    EXPECT_EQ(gazetteer.find_locality("Mopti", "ML")->name, "Mopti");
    EXPECT_FALSE(gazetteer.find_locality("Kaya, Centre-Nord", "ML"));
    EXPECT_FALSE(gazetteer.find_locality("Village de Sobane", "ML"));
}

TEST(PlaceGazetteer, SuggestsEachPlaceOnceMostPopulousFirst) {
    PlaceGazetteer gazetteer(kLines);
    auto places = gazetteer.suggest("tom", "", 8);
    ASSERT_EQ(places.size(), 2U);  // Tombouctou by two of its names, once
    EXPECT_EQ(places[0].name, "Tombouctou");
    EXPECT_EQ(places[1].name, "Tomina");
    EXPECT_EQ(gazetteer.suggest("tom", "", 1).size(), 1U);
    EXPECT_EQ(gazetteer.suggest("Pa", "US", 8).at(0).country, "US");
    auto segou = gazetteer.suggest("seg", "ML", 8);
    ASSERT_EQ(segou.size(), 1U);
    EXPECT_EQ(segou[0].name, "Ségou") << "its own name, not the other name Segi that sorts first";
    EXPECT_EQ(gazetteer.suggest("tombo", "", 8).at(0).name, "Tombouctou")
        << "the name typed when its own does not match";
    EXPECT_TRUE(gazetteer.suggest("x", "", 8).empty());
    EXPECT_TRUE(gazetteer.suggest("", "", 8).empty());
    EXPECT_TRUE(gazetteer.suggest("tom", "", 0).empty());
}

TEST(PlaceGazetteer, AnEmptyGazetteerFindsNothing) {
    PlaceGazetteer gazetteer("");
    EXPECT_FALSE(gazetteer.find("Bamako"));
    EXPECT_TRUE(gazetteer.suggest("ba", "", 5).empty());
}

TEST(PlaceGazetteer, KeysFoldLikeTheScriptThatWritesTheFile) {
    EXPECT_EQ(PlaceGazetteer::key_of("Ségou"), "segou");
    EXPECT_EQ(PlaceGazetteer::key_of("Côte-d’Ivoire"), "cote d ivoire");
    EXPECT_EQ(PlaceGazetteer::key_of("Œuvre (Nord)"), "oeuvre nord");
    EXPECT_EQ(PlaceGazetteer::key_of("  Dori,  "), "dori");
}

// The file shipped in the binary: sorted as the binary search needs, and it knows the Sahel's towns.
TEST(PlaceGazetteer, TheShippedFileIsSortedAndKnowsTheSahel) {
    const char* source_dir = std::getenv("STORYBANK_SOURCE_DIR");
    if (source_dir == nullptr) {
        GTEST_SKIP() << "STORYBANK_SOURCE_DIR is not set (ctest sets it)";
    }
    std::ifstream file(std::string(source_dir) + "/resources/places/gazetteer.tsv", std::ios::binary);
    ASSERT_TRUE(file);
    std::stringstream buffer;
    buffer << file.rdbuf();
    std::string lines = buffer.str();
    std::istringstream reader(lines);
    std::string line;
    std::string previous;
    std::size_t count = 0;
    while (std::getline(reader, line)) {
        std::string key = line.substr(0, line.find('\t'));
        ASSERT_LE(previous, key) << "line " << count + 1;
        ASSERT_EQ(key, PlaceGazetteer::key_of(key)) << "line " << count + 1 << " has a key the server cannot type";
        previous = key;
        ++count;
    }
    EXPECT_GT(count, 10000U);
    PlaceGazetteer gazetteer(lines);
    for (const char* town : {"Tombouctou", "Timbuktu", "Bamako", "Ségou", "Mopti", "Gao", "Kidal", "Niamey", "Agadez",
                             "Ouagadougou", "Dori", "N'Djamena", "Nouakchott", "Dakar"}) {
        EXPECT_TRUE(gazetteer.find(town)) << town;
    }
    EXPECT_EQ(gazetteer.find("Tombouctou")->country, "ML");
    EXPECT_EQ(gazetteer.find("Kaya", "BF")->country, "BF");
    EXPECT_EQ(gazetteer.find("Londres")->country, "GB");
}

}  // namespace
