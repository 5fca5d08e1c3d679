#include "render/story_layout.hpp"

#include <gtest/gtest.h>

namespace storybank::render {
namespace {

core::Template layout_template() {
    core::Template story_template;
    story_template.id = "t";
    story_template.sections = {{"summary", {{{"fr", "Sommaire"}}}, {}}, {"case", {{{"fr", "Le cas"}}}, {}}};
    auto add = [&](const char* key, core::FieldType type, core::FieldRole role, bool personal) {
        core::FieldDefinition field;
        field.key = key;
        field.type = type;
        field.role = role;
        field.personal = personal;
        field.label.by_language = {{"fr", std::string("FR ") + key}};
        story_template.fields.push_back(field);
    };
    add("contact", core::FieldType::Contact, core::FieldRole::None, true);
    add("locality", core::FieldType::Place, core::FieldRole::Place, false);
    add("title", core::FieldType::Text, core::FieldRole::Title, false);
    add("lessons", core::FieldType::RichText, core::FieldRole::None, false);
    add("quotes", core::FieldType::Quotes, core::FieldRole::None, false);
    add("photos", core::FieldType::Photos, core::FieldRole::None, false);
    return story_template;
}

core::Story layout_story(bool consent) {
    core::Story story;
    story.language = "fr";
    story.set("contact", core::Contact{{"+22379959269"}, {"fomba3@hotmail.com"}});
    story.set("locality", core::Place{"Bamako", "ML", "Bamako en République du Mali"});
    story.set("title", std::string("Le réseau"));
    story.set("lessons",
              std::string("*Les ateliers ont aidé. « La sensibilisation change tout » **Aissata KANE**, Trésorière. "
                          "Fin.*"));
    story.set("quotes", core::QuoteList{{"La sensibilisation change tout", "Aissata KANE", "Trésorière", consent}});
    core::Photo photo;
    photo.caption = "Atelier";
    photo.consent = consent;
    story.set("photos", core::PhotoList{photo});
    return story;
}

TEST(StoryLayout, PublicProfileLeavesOutContactsAndWhatHasNoConsent) {
    DocumentLabels labels;
    labels.quote_withheld = "[retiré]";
    StoryLayout layout = make_story_layout(layout_story(false), layout_template(), "fr", PersonalData::Omit, labels);
    EXPECT_TRUE(layout.omitted);
    EXPECT_TRUE(layout.quotes.empty());
    EXPECT_TRUE(layout.photos.empty());
    ASSERT_EQ(layout.summary.size(), 1u);
    EXPECT_EQ(layout.summary[0].label, "FR locality");
    EXPECT_EQ(layout.summary[0].as_written, "Bamako en République du Mali");
    ASSERT_EQ(layout.sections.size(), 1u);
    std::string text = plain_text(layout.sections[0].paragraphs);
    EXPECT_EQ(text.find("sensibilisation"), std::string::npos) << text;
    EXPECT_EQ(text.find("KANE"), std::string::npos) << text;
    EXPECT_NE(text.find("[retiré]"), std::string::npos) << text;
    EXPECT_NE(text.find("Fin."), std::string::npos) << text;
}

TEST(StoryLayout, ConsentedQuotesAndPhotosStayInPublic) {
    StoryLayout layout = make_story_layout(layout_story(true), layout_template(), "fr", PersonalData::Omit, {});
    EXPECT_TRUE(layout.omitted) << "the contact is still left out";
    EXPECT_EQ(layout.quotes.size(), 1u);
    EXPECT_EQ(layout.photos.size(), 1u);
}

TEST(StoryLayout, InternalProfileKeepsEverything) {
    StoryLayout layout = make_story_layout(layout_story(false), layout_template(), "fr", PersonalData::Include, {});
    EXPECT_FALSE(layout.omitted);
    ASSERT_EQ(layout.summary.size(), 2u);
    EXPECT_EQ(layout.summary[0].value, "+22379959269, fomba3@hotmail.com");
    EXPECT_EQ(layout.quotes.size(), 1u);
    EXPECT_EQ(layout.title, "Le réseau");
    EXPECT_EQ(layout.country_code, "ML");
    EXPECT_EQ(layout.summary_heading, "Sommaire");
}

}  // namespace
}  // namespace storybank::render
