#include "service/template_catalog.hpp"

#include "core/error.hpp"
#include "service/message_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace storybank::service {
namespace {

TEST(TemplateCatalog, HoldsTheBuiltInTemplates) {
    TemplateCatalog catalog = TemplateCatalog::load();
    EXPECT_EQ(catalog.default_template().id, "success-story");
    EXPECT_NE(catalog.find("most-significant-change"), nullptr);
    try {
        catalog.get("nope");
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::NotFound);
        EXPECT_NE(error.public_message().find("success-story"), std::string::npos);
    }
}

TEST(TemplateCatalog, AddsTemplatesFromAFolderWithoutCodeChanges) {
    auto folder = std::filesystem::temp_directory_path() / "storybank-template-catalog-test";
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "water.json") << R"({"id": "water-point", "name": {"fr": "Point d'eau"},
        "fields": [{"key": "title", "type": "text", "label": {"fr": "Titre"}, "presence": "required", "role": "title"}]})";
    TemplateCatalog catalog = TemplateCatalog::load(folder);
    EXPECT_EQ(catalog.get("water-point").fields.size(), 1U);
    EXPECT_NE(catalog.find("success-story"), nullptr);
    std::ofstream(folder / "broken.json") << "{";
    try {
        TemplateCatalog::load(folder);
        FAIL();
    } catch (const Error& error) {
        EXPECT_NE(error.public_message().find("broken.json"), std::string::npos) << error.public_message();
    }
    std::filesystem::remove_all(folder);
}

TEST(MessageLoader, LoadsFrenchAndEnglish) {
    core::MessageCatalog messages = load_messages();
    EXPECT_TRUE(messages.has_language("fr"));
    EXPECT_TRUE(messages.has_language("en"));
    EXPECT_NE(messages.render("fr", "field-missing-required", {{"label", "Titre"}}).find("Titre"), std::string::npos);
}

}  // namespace
}  // namespace storybank::service
