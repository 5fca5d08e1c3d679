#include "core/story_json.hpp"

#include "core/error.hpp"
#include "core/message_catalog.hpp"

#include <gtest/gtest.h>

namespace storybank::core {
namespace {

Story sample_story() {
    Story story;
    story.template_id = "success-story";
    story.language = "fr";
    story.set("author", Person{"Awa TRAORÉ", "Chargée de suivi"});
    story.set("contact", Contact{{"+22376000000"}, {"awa@example.org"}});
    story.set("locality", Place{"Ségou", "ML", "Ségou, Mali"});
    story.set("title", std::string("Une école à Ségou"));
    story.set("quotes", QuoteList{{"Nous avons réussi", "Fatoumata DIALLO", "présidente"}});
    story.set("photos",
              PhotoList{{"La classe", Attachment{"ab12", "image/jpeg", 800, 600}, true}, {"Le puits", std::nullopt}});
    story.problems.push_back({"lessons", Severity::Warning, "field-missing", {{"label", "Leçons apprises"}}, "line 3"});
    return story;
}

TEST(StoryJson, RoundTripsEveryValueShape) {
    MessageCatalog messages;
    Story story = sample_story();
    std::string json = to_canonical_json(story, messages, "fr");
    EXPECT_NE(json.find("\"schema\": \"storybank.story/1\""), std::string::npos);
    EXPECT_EQ(story_from_json(json), story);
}

TEST(StoryJson, RendersProblemMessagesInTheAskedLanguage) {
    MessageCatalog messages;
    messages.add_language("fr", R"({"field-missing": "Le champ « {label} » manque"})");
    messages.add_language("en", R"({"field-missing": "The field '{label}' is missing"})");
    std::string json = to_canonical_json(sample_story(), messages, "fr", JsonLayout::Compact);
    EXPECT_NE(json.find("Le champ « Leçons apprises » manque"), std::string::npos) << json;
}

TEST(StoryJson, RejectsWrongShapesNamingTheField) {
    try {
        story_from_json(R"({"template": "success-story", "fields": {"title": 12}})");
        FAIL() << "expected an error";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::InvalidRequest);
        EXPECT_NE(error.public_message().find("fields.title"), std::string::npos) << error.public_message();
    }
    EXPECT_THROW(story_from_json("{not json"), Error);
    EXPECT_THROW(story_from_json("[1,2]"), Error);
}

}  // namespace
}  // namespace storybank::core
