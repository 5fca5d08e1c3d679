#include "core/story_index.hpp"

#include <gtest/gtest.h>

namespace storybank::core {
namespace {

FieldDefinition field(const char* key, FieldType type, FieldRole role, SearchColumn search, bool personal = false) {
    FieldDefinition out;
    out.key = key;
    out.type = type;
    out.role = role;
    out.search = search;
    out.personal = personal;
    return out;
}

TEST(StoryIndex, UsesTemplateRolesAndKeepsContactsOutOfSearch) {
    Template story_template;
    story_template.fields = {
        field("who", FieldType::Person, FieldRole::Author, SearchColumn::Summary),
        field("phone", FieldType::Contact, FieldRole::None, SearchColumn::Summary, true),
        field("where", FieldType::Place, FieldRole::Place, SearchColumn::Summary),
        field("headline", FieldType::Text, FieldRole::Title, SearchColumn::Title),
        field("when", FieldType::Date, FieldRole::Date, SearchColumn::None),
        field("body", FieldType::RichText, FieldRole::None, SearchColumn::Body),
    };
    Story story;
    story.set("who", Person{"Awa TRAORÉ", "animatrice"});
    story.set("phone", Contact{{"+22376000000"}, {"awa@example.org"}});
    story.set("where", Place{"Ségou", "ML", "Ségou au Mali"});
    story.set("headline", std::string("Le puits"));
    story.set("when", std::string("2024-03-02"));
    story.set("body", std::string("Texte."));
    StoryIndexEntry entry = make_index_entry(story, story_template);
    EXPECT_EQ(entry.title, "Le puits");
    EXPECT_EQ(entry.author, "Awa TRAORÉ");
    EXPECT_EQ(entry.country, "ML");
    EXPECT_EQ(entry.locality, "Ségou");
    EXPECT_EQ(entry.year, 2024);
    EXPECT_EQ(entry.search_title, "Le puits");
    EXPECT_NE(entry.search_summary.find("animatrice"), std::string::npos);
    EXPECT_EQ(entry.search_summary.find("awa@example.org"), std::string::npos);
    EXPECT_EQ(entry.search_body, "Texte.");
}

}  // namespace
}  // namespace storybank::core
