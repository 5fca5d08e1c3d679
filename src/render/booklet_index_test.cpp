#include "render/booklet_index.hpp"

#include <gtest/gtest.h>

namespace {

using namespace storybank::render;

TEST(BookletIndex, GroupsFollowTheDictionaryOrderWithTheUnknownLast) {
    std::vector<BookletChapter> chapters = {{"A", "ONG Zèbre", "Zambie", "", 3},
                                            {"B", "", "Éthiopie", "", 5},
                                            {"C", "ONG Abeille", "", "", 7},
                                            {"D", "ONG Zèbre", "Burkina Faso", "", 9},
                                            {"E", "Élan", "Éthiopie", "", 11}};
    auto by_country = index_groups(chapters, &BookletChapter::country, "Non précisé", "fr");
    ASSERT_EQ(by_country.size(), 4u);
    EXPECT_EQ(by_country[0].name, "Burkina Faso");
    EXPECT_EQ(by_country[1].name, "Éthiopie");
    EXPECT_EQ(by_country[1].chapters, (std::vector<std::size_t>{1, 4})) << "in booklet order";
    EXPECT_EQ(by_country[2].name, "Zambie");
    EXPECT_EQ(by_country[3].name, "Non précisé");
    EXPECT_EQ(by_country[3].chapters, (std::vector<std::size_t>{2}));

    auto by_partner = index_groups(chapters, &BookletChapter::partner, "Non précisé", "fr");
    ASSERT_EQ(by_partner.size(), 4u);
    EXPECT_EQ(by_partner[0].name, "Élan");
    EXPECT_EQ(by_partner[1].name, "ONG Abeille");
    EXPECT_EQ(by_partner[2].name, "ONG Zèbre");
    EXPECT_EQ(by_partner[2].chapters, (std::vector<std::size_t>{0, 3}));
}

TEST(BookletIndex, AChapterNamesItsPlace) {
    StoryLayout story;
    story.title = "Titre";
    story.locality = "Ségou";
    story.country = "Mali";
    EXPECT_EQ(chapter_of(story, 4).place, "Ségou, Mali");
    EXPECT_EQ(chapter_of(story, 4).page, 4);
    story.locality = "Mali";
    EXPECT_EQ(chapter_of(story).place, "Mali");
}

}  // namespace
