#include "render/rich_text.hpp"

#include <gtest/gtest.h>

namespace storybank::render {
namespace {

TEST(RichText, KeepsEmphasisAsRuns) {
    auto paragraphs = rich_text_paragraphs("Un *grand* jour pour **Awa KONÉ**.\n\nDeuxième paragraphe");
    ASSERT_EQ(paragraphs.size(), 2u);
    std::vector<TextRun> expected = {{"Un ", false, false},
                                     {"grand", false, true},
                                     {" jour pour ", false, false},
                                     {"Awa KONÉ", true, false},
                                     {".", false, false}};
    EXPECT_EQ(paragraphs[0].runs, expected);
    EXPECT_EQ(paragraphs[1].runs.front().text, "Deuxième paragraphe");
}

TEST(RichText, ListsAndQuotesAreTheirOwnBlocks) {
    auto paragraphs = rich_text_paragraphs("- un\n- deux\n\n> cité");
    ASSERT_EQ(paragraphs.size(), 3u);
    EXPECT_EQ(paragraphs[0].kind, BlockKind::ListItem);
    EXPECT_EQ(paragraphs[1].kind, BlockKind::ListItem);
    EXPECT_EQ(paragraphs[2].kind, BlockKind::Quote);
}

TEST(RichText, RawHtmlIsDroppedAndPlainTextHasNoMarkers) {
    auto paragraphs = rich_text_paragraphs("Un <img src=x onerror=alert(1)> *jour*");
    std::string text = plain_text(paragraphs);
    EXPECT_EQ(text.find("<img"), std::string::npos) << text;
    EXPECT_EQ(text.find('*'), std::string::npos) << text;
    EXPECT_NE(text.find("jour"), std::string::npos) << text;
}

}  // namespace
}  // namespace storybank::render
