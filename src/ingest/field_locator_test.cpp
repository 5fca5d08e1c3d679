#include "ingest/field_locator.hpp"

#include "ingest/test_template.hpp"

#include <gtest/gtest.h>

namespace storybank::ingest {
namespace {

TEST(FieldLocator, FindsLabelsInEveryForm) {
    FieldLocator locator(testing::success_story_template());
    struct Case {
        const char* line;
        const char* key;  // "" for no field
        const char* value;
    };
    const Case kCases[] = {
        {"Nom et fonction de l'auteur:\tAbdoul Kassim FOMBA", "author", "Abdoul Kassim FOMBA"},
        {"Contact de l'auteur: <i>(Tel et email)</i>\t+223 79 95 92 69", "contact", "+223 79 95 92 69"},
        {"Membre du Consortium\tHuman Security Collective (HSC)", "consortium_member",
         "Human Security Collective (HSC)"},
        {"Localite : Bamako", "locality", "Bamako"},
        {"LOCALITÉ\u00A0: Gao", "locality", "Gao"},
        {"Titre : *LE TITRE*", "title", "*LE TITRE*"},
        {"**Titre :** Le titre", "title", "Le titre"},
        {"Introduction – question/problème clé à traiter", "introduction", ""},
        {"2.1 Introduction", "introduction", ""},
        {"Introduction de nouvelles semences dans la zone", "", ""},
        {"Description de la solution", "solution", ""},
        {"Lessons learnt", "lessons", ""},
        {"Name and function of the author: Jane DOE, officer", "author", "Jane DOE, officer"},
        {"Changement apporté : Le réseau s'engage", "change", "Le réseau s'engage"},
        {"Localité Bamako", "locality", "Bamako"},
        {"Le changement est visible dans le village", "", ""},
        {"Contact de l'auteur (Tel et email) : 76 00 00 00", "contact", "76 00 00 00"},
        {"Photos", "photos", ""},
        {"- **Author contact:** 76 54 32 10 jb@example.org", "contact", "76 54 32 10 jb@example.org"},
        {"__Localité :__ gao", "locality", "gao"},
        {"Nom et fonction de l'auteure : Awa KONÉ, animatrice", "", ""},
    };
    for (const auto& c : kCases) {
        LabelMatch match = locator.match(c.line);
        if (std::string(c.key).empty()) {
            EXPECT_NE(match.kind, LabelMatch::Kind::Field) << c.line;
            continue;
        }
        ASSERT_EQ(match.kind, LabelMatch::Kind::Field) << c.line;
        EXPECT_EQ(match.field->key, c.key) << c.line;
        EXPECT_EQ(match.value, c.value) << c.line;
    }
}

TEST(FieldLocator, TakesLabelsWithAComplementWhenAllowed) {
    FieldLocator locator(testing::success_story_template());
    struct Case {
        const char* line;
        const char* key;  // "" for no field
        const char* value;
    };
    const Case kCases[] = {
        {"Nom et fonction de l'auteure : Awa KONÉ, animatrice", "author", "Awa KONÉ, animatrice"},
        {"Contact de la coordinatrice: 76 00 00 00", "contact", "76 00 00 00"},
        {"**Localité du projet :** Gao", "locality", "Gao"},
        {"Localité du projet", "", ""},                                           // no colon
        {"Changement de comportement : les jeunes", "", ""},                      // rich text keeps its sentences
        {"Contact avec les autorités locales et les chefs : difficile", "", ""},  // too many words
    };
    for (const auto& c : kCases) {
        LabelMatch match = locator.match(c.line, true);
        if (std::string(c.key).empty()) {
            EXPECT_NE(match.kind, LabelMatch::Kind::Field) << c.line;
            continue;
        }
        ASSERT_EQ(match.kind, LabelMatch::Kind::Field) << c.line;
        EXPECT_EQ(match.field->key, c.key) << c.line;
        EXPECT_EQ(match.value, c.value) << c.line;
    }
}

TEST(FieldLocator, RecognisesSectionsAndFormTitles) {
    FieldLocator locator(testing::success_story_template());
    EXPECT_EQ(locator.match("1. SOMMAIRE").kind, LabelMatch::Kind::Section);
    EXPECT_EQ(locator.match("2. DESCRIPTION DU CAS (DE L'HISTOIRE)").kind, LabelMatch::Kind::Section);
    EXPECT_EQ(locator.match("FORMAT DE COLLECTE DES HISTORIES DE VIES (SUCCESS STORIES)").kind,
              LabelMatch::Kind::FormTitle);
    EXPECT_EQ(locator.match("Sommaire de la réunion du 3 mars").kind, LabelMatch::Kind::None);
}

}  // namespace
}  // namespace storybank::ingest
