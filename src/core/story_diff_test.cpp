#include "core/story_diff.hpp"

#include <gtest/gtest.h>

namespace {

using namespace storybank::core;

TEST(StoryDiff, ReportsAddedChangedAndRemovedFieldsInOrder) {
    Story before;
    before.set("title", std::string("Puits de Ségou"));
    before.set("problem", std::string("Pas d'eau"));
    before.set("quotes", QuoteList{{"Merci", "Awa", ""}});
    before.set("locality", std::string("Ségou"));
    Story after = before;
    after.set("title", std::string("Le puits de Ségou"));
    after.erase("locality");
    after.set("quotes", QuoteList{{"Merci", "Awa", "animatrice"}});
    after.set("lessons", std::string("Écouter"));
    after.set("problem", std::string(""));  // cleared: a removal

    auto changes = diff_stories(before, after);
    ASSERT_EQ(changes.size(), 5U);
    EXPECT_EQ(changes[0].key, "title");
    EXPECT_EQ(changes[0].kind, FieldChangeKind::Changed);
    EXPECT_EQ(std::get<std::string>(*changes[0].before), "Puits de Ségou");
    EXPECT_EQ(std::get<std::string>(*changes[0].after), "Le puits de Ségou");
    EXPECT_EQ(changes[1].key, "quotes");
    EXPECT_EQ(changes[1].kind, FieldChangeKind::Changed);
    EXPECT_EQ(changes[2].key, "lessons");
    EXPECT_EQ(changes[2].kind, FieldChangeKind::Added);
    EXPECT_FALSE(changes[2].before.has_value());
    EXPECT_EQ(changes[3].key, "problem");
    EXPECT_EQ(changes[3].kind, FieldChangeKind::Removed);
    EXPECT_EQ(changes[4].key, "locality");
    EXPECT_EQ(changes[4].kind, FieldChangeKind::Removed);
    EXPECT_FALSE(changes[4].after.has_value());
}

TEST(StoryDiff, IdenticalStoriesHaveNoChanges) {
    Story story;
    story.set("title", std::string("Titre"));
    EXPECT_TRUE(diff_stories(story, story).empty());
    EXPECT_EQ(field_change_kind_name(FieldChangeKind::Removed), "removed");
}

}  // namespace
