#include "core/message_catalog.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

namespace storybank::core {
namespace {

TEST(MessageCatalog, RendersWithFallbacks) {
    MessageCatalog messages;
    messages.add_language("en", R"({"hello": "Hello {name}", "only-en": "English"})");
    messages.add_language("fr", R"({"hello": "Bonjour {name}"})");
    EXPECT_EQ(messages.render("fr", "hello", {{"name", "Awa"}}), "Bonjour Awa");
    EXPECT_EQ(messages.render("fr", "only-en"), "English");
    EXPECT_EQ(messages.render("fr", "unknown-id", {{"a", "1"}}), "unknown-id a=1");
    EXPECT_EQ(messages.render("fr", "hello"), "Bonjour {name}");
    EXPECT_TRUE(messages.has_language("fr"));
    EXPECT_THROW(messages.add_language("xx", "[]"), Error);
}

}  // namespace
}  // namespace storybank::core
