#include "core/story_check.hpp"

#include "core/template_json.hpp"

#include <gtest/gtest.h>

namespace {

using namespace storybank::core;

Template test_template() {
    return template_from_json(R"({
      "id": "t", "version": 1, "name": {"fr": "T"},
      "sections": [{"key": "s", "label": {"fr": "S"}}],
      "fields": [
        {"key": "title", "section": "s", "type": "text", "presence": "required", "role": "title", "label": {"fr": "Titre"}},
        {"key": "author", "section": "s", "type": "person", "presence": "recommended", "label": {"fr": "Auteur"}},
        {"key": "date", "section": "s", "type": "date", "presence": "optional", "label": {"fr": "Date"}},
        {"key": "domain", "section": "s", "type": "choice", "presence": "optional", "label": {"fr": "Domaine"},
         "choices": [{"key": "governance", "label": {"fr": "Gouvernance"}}]}
      ]})",
                              "test-template");
}

TEST(StoryCheck, OrdersFieldsAndWorksOutProblemsAgain) {
    Template story_template = test_template();
    Story story;
    story.set("date", std::string("2024-05"));
    story.set("title", std::string("Un titre"));
    story.set("domain", std::string(""));
    story.problems.push_back({"title", Severity::Error, "made-up-by-the-client", {}, ""});
    EXPECT_TRUE(conform_to_template(story, story_template).empty());
    ASSERT_EQ(story.fields.size(), 2U);
    EXPECT_EQ(story.fields[0].first, "title");
    EXPECT_EQ(story.fields[1].first, "date");
    ASSERT_EQ(story.problems.size(), 1U);
    EXPECT_EQ(story.problems[0].message_id, "field-missing-recommended");
    EXPECT_EQ(story.problems[0].field, "author");
}

TEST(StoryCheck, RefusesWhatTheTemplateCannotHoldAndChangesNothing) {
    Template story_template = test_template();
    Story story;
    story.set("title", Person{"Awa", ""});
    story.set("colour", std::string("bleu"));
    story.set("domain", std::string("cooking"));
    story.set("date", std::string("2024-13-01"));
    Story before = story;
    auto refusals = conform_to_template(story, story_template);
    ASSERT_EQ(refusals.size(), 4U);
    EXPECT_EQ(refusals[0].message_id, "field-wrong-type");
    EXPECT_EQ(refusals[1].message_id, "field-unknown");
    EXPECT_EQ(refusals[2].message_id, "field-choice-unknown");
    EXPECT_EQ(refusals[3].message_id, "field-date-invalid");
    EXPECT_EQ(story, before);
}

}  // namespace
