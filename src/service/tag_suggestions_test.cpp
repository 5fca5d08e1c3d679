#include "service/tag_suggestions.hpp"

#include "service/template_catalog.hpp"

#include <gtest/gtest.h>

namespace {

using namespace storybank;

TEST(TagSuggestions, FindsKeywordsIgnoringCaseAndAccentsAsWholeWords) {
    auto catalog = service::TemplateCatalog::load();
    const core::Template& story_template = catalog.get("success-story");
    core::Story story;
    story.template_id = "success-story";
    story.set("title", std::string("Les FEMMES et les jeunes de Ségou"));
    story.set("introduction", std::string("Des femmes leaders ; la jeunesse s'engage. Les Autorités écoutent."));
    story.set("solution", std::string("Un jeu de rôle (pas « jeunes » : « jeu »)."));

    auto suggestions = service::suggest_tags(story, story_template, {});
    ASSERT_GE(suggestions.size(), 3U);
    EXPECT_EQ(suggestions[0].key, "youth") << "jeunes ×2 and jeunesse";
    EXPECT_EQ(suggestions[0].occurrences, 3);
    EXPECT_EQ(suggestions[1].key, "gender");
    EXPECT_EQ(suggestions[1].occurrences, 2);
    bool governance = false;
    for (const auto& suggestion : suggestions) {
        governance = governance || suggestion.key == "governance";
    }
    EXPECT_TRUE(governance) << "« Autorités » matches the keyword « autorités »";

    auto without_youth = service::suggest_tags(story, story_template, {"youth"});
    EXPECT_EQ(without_youth[0].key, "gender") << "a tag already set is not suggested again";
}

TEST(TagSuggestions, NothingToSuggestInAStoryWithoutKeywords) {
    auto catalog = service::TemplateCatalog::load();
    core::Story story;
    story.template_id = "success-story";
    story.set("title", std::string("Un puits"));
    EXPECT_TRUE(service::suggest_tags(story, catalog.get("success-story"), {}).empty());
}

}  // namespace
