#include "core/template_json.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace storybank::core {
namespace {

std::string read_resource(const std::string& relative) {
    const char* root = std::getenv("STORYBANK_SOURCE_DIR");
    std::ifstream in(std::string(root ? root : ".") + "/" + relative, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

TEST(TemplateJson, ReadsTheSuccessStoryTemplate) {
    Template story_template =
        template_from_json(read_resource("resources/templates/success-story.json"), "success-story.json");
    EXPECT_EQ(story_template.id, "success-story");
    const FieldDefinition* author = story_template.find_field("author");
    ASSERT_NE(author, nullptr);
    EXPECT_EQ(author->type, FieldType::Person);
    EXPECT_EQ(author->presence, Presence::Required);
    EXPECT_EQ(author->label.in("fr"), "Nom et fonction de l'auteur");
    EXPECT_EQ(author->label.in("en"), "Name and function of the author");
    EXPECT_TRUE(story_template.find_field("contact")->personal);
    EXPECT_EQ(story_template.field_with_role(FieldRole::Title)->key, "title");
    EXPECT_EQ(story_template.fields.size(), 12U);
}

TEST(TemplateJson, ReadsTheMostSignificantChangeTemplate) {
    Template story_template = template_from_json(read_resource("resources/templates/most-significant-change.json"),
                                                 "most-significant-change.json");
    const FieldDefinition* significance = story_template.find_field("significance");
    ASSERT_NE(significance, nullptr);
    EXPECT_EQ(significance->type, FieldType::RichText);
    EXPECT_EQ(story_template.find_field("domain")->choices.size(), 5U);
}

TEST(TemplateJson, RoundTrips) {
    Template original =
        template_from_json(read_resource("resources/templates/success-story.json"), "success-story.json");
    Template again = template_from_json(template_to_json(original), "again");
    EXPECT_EQ(again.fields.size(), original.fields.size());
    EXPECT_EQ(again.find_field("lessons")->aliases, original.find_field("lessons")->aliases);
}

TEST(TemplateJson, ErrorsNameTheFileAndTheEntry) {
    struct Case {
        const char* json;
        const char* expected;
    };
    const Case kCases[] = {
        {"[]", "is not a JSON object"},
        {R"({"id": "x", "name": {"fr": "X"}, "fields": [{"key": "a", "type": "blob", "label": {"fr": "A"}}]})",
         "field 'a'.type is 'blob'"},
        {R"({"id": "x", "name": {"fr": "X"}, "fields": [{"key": "a", "type": "text"}]})", "field 'a'.label is missing"},
        {R"({"id": "x", "name": {"fr": "X"}, "fields": []})", "at least one field"},
        {R"({"id": "x", "name": {"fr": "X"}, "fields": [{"key": "a", "type": "text", "label": {"fr": "A"}},
            {"key": "a", "type": "text", "label": {"fr": "A"}}]})",
         "declared twice"},
    };
    for (const auto& c : kCases) {
        try {
            template_from_json(c.json, "broken.json");
            ADD_FAILURE() << "no error for " << c.json;
        } catch (const Error& error) {
            EXPECT_NE(error.public_message().find("broken.json"), std::string::npos) << error.public_message();
            EXPECT_NE(error.public_message().find(c.expected), std::string::npos) << error.public_message();
        }
    }
}

}  // namespace
}  // namespace storybank::core
