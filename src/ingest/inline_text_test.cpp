#include "ingest/inline_text.hpp"

#include <gtest/gtest.h>

namespace storybank::ingest {
namespace {

constexpr Emphasis kPlain{};
constexpr Emphasis kBold{true, false};
constexpr Emphasis kItalic{false, true};
constexpr Emphasis kBoth{true, true};

struct Piece {
    std::string_view text;
    Emphasis emphasis;
};

std::string markdown(const std::vector<Piece>& runs) {
    InlineText text;
    for (const auto& run : runs) {
        text.add(run.text, run.emphasis);
    }
    return text.markdown();
}

TEST(InlineText, WritesEmphasisAsCommonMark) {
    struct Case {
        const char* name;
        std::string expected;
        std::vector<Piece> runs;
    };
    const Case kCases[] = {
        {"plain", "a b", {{"a ", kPlain}, {"b", kPlain}}},
        {"split word merged", "**Bamako**", {{"Bam", kBold}, {"ako", kBold}}},
        {"markers hug the text (readers tidy the double space)",
         "Titre :  *LE TITRE* suite",
         {{"Titre : ", kPlain}, {" LE TITRE ", kItalic}, {"suite", kPlain}}},
        {"whitespace alone", "a b", {{"a", kPlain}, {" ", kBold}, {"b", kPlain}}},
        {"bold inside italic",
         "*dit **Awa**, animatrice*",
         {{"dit ", kItalic}, {"Awa", kBoth}, {", animatrice", kItalic}}},
        {"italic inside bold", "**a *b* c**", {{"a ", kBold}, {"b", kBoth}, {" c", kBold}}},
        {"both at once", "***tout***", {{"tout", kBoth}}},
        {"bold then italic", "**a***b*", {{"a", kBold}, {"b", kItalic}}},
        {"no-break space kept outside",
         "*«\xC2\xA0mot\xC2\xA0»*\xC2\xA0"
         "fin",
         {{"«\xC2\xA0mot\xC2\xA0»\xC2\xA0", kItalic}, {"fin", kPlain}}},
        {"line break inside", "*un\ndeux*", {{"un\ndeux", kItalic}}},
    };
    for (const auto& test : kCases) {
        EXPECT_EQ(markdown(test.runs), test.expected) << test.name;
    }
}

TEST(InlineText, TellsBlankAndLength) {
    InlineText text;
    EXPECT_TRUE(text.blank());
    text.add(" \t", kBold);
    EXPECT_TRUE(text.blank());
    EXPECT_EQ(text.length(), 2U);
    text.add("x", kPlain);
    EXPECT_FALSE(text.blank());
    text.clear();
    EXPECT_TRUE(text.blank());
}

}  // namespace
}  // namespace storybank::ingest
