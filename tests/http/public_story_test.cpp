// A published story as the public reads it: served from the per-revision cache, yet a withdrawal or a new
// revision made through this server is seen at once.
#include "consortium.hpp"

namespace storybank::testing {
namespace {

TEST(PublicStory, CachedCopyFollowsEveryChangeMadeThroughTheServer) {
    TestServer server("public-story");
    Consortium consortium(server);
    std::int64_t id = consortium.story_in("published", "Publiée pour le public");
    std::string url = "/api/v1/stories/" + std::to_string(id);
    auto client = server.client();

    auto first = client.Get(url);
    ASSERT_TRUE(first && first->status == 200);
    EXPECT_EQ(first->get_header_value("ETag"), "\"1\"");
    EXPECT_EQ(first->body.find("awa@example.org"), std::string::npos) << "no contact details for the public";
    auto again = client.Get(url);
    ASSERT_TRUE(again && again->status == 200);
    EXPECT_EQ(again->body, first->body) << "the same bytes for every anonymous reader";
    EXPECT_EQ(again->get_header_value_count("ETag"), 1u);
    auto unchanged = client.Get(url, {{"If-None-Match", "\"1\""}});
    ASSERT_TRUE(unchanged);
    EXPECT_EQ(unchanged->status, 304);

    // Withdrawn: gone for the public at once, though its text was cached a moment ago.
    ASSERT_EQ(consortium.move("coordinator@lead.org", id, "archived", "retirée à la demande de l'auteur"), 200);
    auto withdrawn = client.Get(url);
    ASSERT_TRUE(withdrawn);
    EXPECT_EQ(withdrawn->status, 404);
}

}  // namespace
}  // namespace storybank::testing
