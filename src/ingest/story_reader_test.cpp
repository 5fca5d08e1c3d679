#include "ingest/story_reader.hpp"

#include "core/error.hpp"
#include "ingest/test_template.hpp"

#include <gtest/gtest.h>

namespace storybank::ingest {
namespace {

using testing::read_source_file;
using testing::success_story_template;

core::Story read(const std::string& name, const std::string& bytes) {
    return read_story({name, bytes}, success_story_template());
}

TEST(StoryReader, ReadsTheSeedStory) {
    core::Story story = read("think-peace-mali.txt", read_source_file("tests/data/think-peace-mali.txt"));
    EXPECT_EQ(story.template_id, "success-story");
    EXPECT_EQ(story.language, "fr");
    const auto& author = std::get<core::Person>(*story.find("author"));
    EXPECT_EQ(author.name, "Abdoul Kassim FOMBA");
    EXPECT_EQ(author.function, "Coordonnateur National Think Peace");
    const auto& contact = std::get<core::Contact>(*story.find("contact"));
    EXPECT_EQ(contact.phones, std::vector<std::string>{"+22379959269"});
    EXPECT_EQ(contact.emails, std::vector<std::string>{"fomba3@hotmail.com"});
    EXPECT_EQ(story.text("consortium_member"), "Human Security Collective (HSC)");
    EXPECT_EQ(story.text("partner_ngo"), "Think Peace");
    const auto& locality = std::get<core::Place>(*story.find("locality"));
    EXPECT_EQ(locality, (core::Place{"Bamako", "ML", "Bamako en République du Mali"}));
    EXPECT_EQ(story.text("title"), "ENGAGEMENT DU RESEAU THINK PEACE-ARC CONTRE L'EXTREMISME VIOLENT");
    EXPECT_TRUE(story.text("introduction").starts_with("Depuis 2012, le Mali a connu"));
    EXPECT_TRUE(story.text("lessons").starts_with("*La réalisation des deux ateliers"));
    const auto& quotes = std::get<core::QuoteList>(*story.find("quotes"));
    ASSERT_EQ(quotes.size(), 1U);
    EXPECT_TRUE(quotes[0].text.starts_with("La sensibilisation à la base des thèmes appris"));
    EXPECT_TRUE(quotes[0].text.ends_with("dans cette crise"));
    EXPECT_EQ(quotes[0].speaker, "Aissata KANE");
    EXPECT_EQ(quotes[0].role,
              "Trésorière Adjointe du Réseau Paix et Sécurité des Femmes dans l'espace CEDEAO/ REPSFECO");
    const auto& photos = std::get<core::PhotoList>(*story.find("photos"));
    ASSERT_EQ(photos.size(), 3U);
    EXPECT_TRUE(photos[0].caption.starts_with("Image de la cérémonie d'ouverture de l'atelier"));
    for (const auto& problem : story.problems) {
        ADD_FAILURE() << "unexpected problem " << problem.field << " " << problem.message_id;
    }
}

TEST(StoryReader, KeepsMarkdownStructure) {
    const std::string markdown =
        "| Rubrique | Réponse |\n|---|---|\n| Nom et fonction de l'auteur | Awa KONÉ, animatrice |\n"
        "| Localité | Gao |\n\n## Titre\n\nLe titre\n\n## Leçons apprises\n\nLeçons apprises : \n\n"
        "1. Premier point.\n2) Deuxième point.\n- Troisième point.\n";
    core::Story story = read("story.md", markdown);
    EXPECT_EQ(story.text("lessons"), "1. Premier point.\n2) Deuxième point.\n- Troisième point.");
    EXPECT_EQ(std::get<core::Person>(*story.find("author")).name, "Awa KONÉ");
    for (const auto& problem : story.problems) {
        // Neither the table's header row nor the heading followed by its label is a problem.
        EXPECT_NE(problem.message_id, "text-not-attributed") << problem.location;
        EXPECT_NE(problem.message_id, "field-repeated") << problem.field;
    }
}

}  // namespace
}  // namespace storybank::ingest
