#include "render/html_writer.hpp"
#include "render/markdown_writer.hpp"

#include <gtest/gtest.h>

namespace storybank::render {
namespace {

core::Template small_template() {
    core::Template story_template;
    story_template.id = "t";
    auto add = [&](const char* key, core::FieldType type, core::FieldRole role, bool personal) {
        core::FieldDefinition field;
        field.key = key;
        field.type = type;
        field.role = role;
        field.personal = personal;
        field.label.by_language = {{"fr", std::string("FR ") + key}, {"en", std::string("EN ") + key}};
        story_template.fields.push_back(field);
    };
    add("title", core::FieldType::Text, core::FieldRole::Title, false);
    add("contact", core::FieldType::Contact, core::FieldRole::None, true);
    add("locality", core::FieldType::Place, core::FieldRole::Place, false);
    add("body", core::FieldType::RichText, core::FieldRole::None, false);
    add("quotes", core::FieldType::Quotes, core::FieldRole::None, false);
    return story_template;
}

core::Story small_story() {
    core::Story story;
    story.set("title", std::string("<script>alert(1)</script> Le puits"));
    story.set("contact", core::Contact{{"+22376000000"}, {"awa@example.org"}});
    story.set("locality", core::Place{"Ségou", "ML", "Ségou, Mali"});
    story.set("body", std::string("Un *grand* jour <img src=x onerror=alert(1)>"));
    story.set("quotes", core::QuoteList{{"Merci à tous", "Awa KONÉ", "présidente"}});
    return story;
}

TEST(MarkdownWriter, LaysOutTheFormAndOmitsPersonalData) {
    std::string markdown = write_markdown(small_story(), small_template(), "fr", PersonalData::Omit);
    EXPECT_NE(markdown.find("# <script>"), std::string::npos);
    EXPECT_NE(markdown.find("| **FR locality** | Ségou (Mali) |"), std::string::npos) << markdown;
    EXPECT_NE(markdown.find("## FR body\n\nUn *grand* jour"), std::string::npos);
    EXPECT_NE(markdown.find("> — Awa KONÉ, présidente"), std::string::npos);
    EXPECT_EQ(markdown.find("+22376000000"), std::string::npos);
    std::string with_personal = write_markdown(small_story(), small_template(), "en", PersonalData::Include);
    EXPECT_NE(with_personal.find("+22376000000, awa@example.org"), std::string::npos);
    EXPECT_NE(with_personal.find("EN locality"), std::string::npos);
}

TEST(HtmlWriter, EscapesEveryValue) {
    std::string html = write_story_html(small_story(), small_template(), "fr", PersonalData::Omit);
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
    EXPECT_NE(html.find("<em>grand</em>"), std::string::npos);
    EXPECT_EQ(html.find("awa@example.org"), std::string::npos);
    EXPECT_EQ(escape_html("a&b<\"'>"), "a&amp;b&lt;&quot;&#39;&gt;");
}

}  // namespace
}  // namespace storybank::render
