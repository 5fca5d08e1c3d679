// Comments, tags and facets over a real socket, with the rights of each role.
#include "consortium.hpp"

#include <gtest/gtest.h>

namespace {

using namespace storybank;
using storybank::testing::Consortium;
using storybank::testing::Credentials;
using storybank::testing::TestServer;
using Json = nlohmann::json;

class AnnotationTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_server = std::make_unique<TestServer>("annotation-test");
        s_consortium = std::make_unique<Consortium>(*s_server);
    }
    static void TearDownTestSuite() {
        s_consortium.reset();
        s_server.reset();
    }
    static int status_of(const httplib::Result& result) { return result ? result->status : 0; }
    static httplib::Result post(const std::string& path, const std::string& email, const Json& body) {
        return s_server->client().Post(path, s_consortium->as(email).headers(), body.dump(), "application/json");
    }
    static httplib::Result put(const std::string& path, const std::string& email, const Json& body) {
        return s_server->client().Put(path, s_consortium->as(email).headers(), body.dump(), "application/json");
    }
    static httplib::Result get(const std::string& path, const std::string& email = "") {
        Credentials credentials = email.empty() ? Credentials{} : s_consortium->as(email);
        return s_server->client().Get(path, credentials.headers());
    }

    static inline std::unique_ptr<TestServer> s_server;
    static inline std::unique_ptr<Consortium> s_consortium;
};

TEST_F(AnnotationTest, ReviewersAndWritersTalkInComments) {
    std::int64_t id = s_consortium->story_in("submitted", "Commentée");
    std::string path = "/api/v1/stories/" + std::to_string(id) + "/comments";
    auto added =
        post(path, "reviewer@hsc.org", {{"field", "lessons"}, {"body", "  Quelles leçons ?\nDonnez un exemple.  "}});
    ASSERT_EQ(status_of(added), 201) << added->body;
    ASSERT_EQ(status_of(post(path, "writer@thinkpeace.org", {{"body", "Je complète demain."}})), 201);
    auto listed = get(path, "writer@thinkpeace.org");
    ASSERT_EQ(status_of(listed), 200);
    Json comments = Json::parse(listed->body)["comments"];
    ASSERT_EQ(comments.size(), 2U);
    EXPECT_EQ(comments[0]["author"], "reviewer@hsc.org");
    EXPECT_EQ(comments[0]["field"], "lessons");
    EXPECT_EQ(comments[0]["body"], "Quelles leçons ?\nDonnez un exemple.") << "trimmed, line break kept";
    EXPECT_EQ(comments[0]["revision"], 1);
    EXPECT_EQ(comments[1]["field"], "");

    auto empty = post(path, "reviewer@hsc.org", {{"body", "   "}});
    ASSERT_EQ(status_of(empty), 422);
    EXPECT_EQ(Json::parse(empty->body)["problems"][0]["message_id"], "comment-empty");
    auto unknown = post(path, "reviewer@hsc.org", {{"field", "no_such_field"}, {"body", "?"}});
    EXPECT_EQ(Json::parse(unknown->body)["problems"][0]["message_id"], "comment-field-unknown");
    auto too_long = post(path, "reviewer@hsc.org", {{"body", std::string(10001, 'a')}});
    EXPECT_EQ(Json::parse(too_long->body)["problems"][0]["message_id"], "comment-too-long");
    EXPECT_EQ(status_of(post(path, "reviewer@cordaid.org", {{"body", "intrus"}})), 404);
    EXPECT_EQ(status_of(get(path)), 404) << "comments are for the people working on the story";
}

TEST_F(AnnotationTest, TagsComeFromTheVocabularyWithSuggestions) {
    std::int64_t id = s_consortium->write("writer@thinkpeace.org", "Les femmes et les jeunes de Ségou");
    std::string base = "/api/v1/stories/" + std::to_string(id);
    auto suggestions = get(base + "/tag-suggestions", "writer@thinkpeace.org");
    ASSERT_EQ(status_of(suggestions), 200);
    Json suggested = Json::parse(suggestions->body)["suggestions"];
    std::vector<std::string> keys;
    for (const auto& suggestion : suggested) {
        keys.push_back(suggestion["tag"]);
    }
    EXPECT_NE(std::find(keys.begin(), keys.end(), "gender"), keys.end()) << suggestions->body;
    EXPECT_NE(std::find(keys.begin(), keys.end(), "youth"), keys.end()) << suggestions->body;

    auto refused = put(base + "/tags", "writer@thinkpeace.org", {{"tags", {"gender", "made-up"}}});
    ASSERT_EQ(status_of(refused), 422);
    Json problem = Json::parse(refused->body)["problems"][0];
    EXPECT_EQ(problem["message_id"], "tag-unknown");
    EXPECT_NE(problem["message"].get<std::string>().find("child-protection"), std::string::npos)
        << "the message lists the vocabulary";
    auto saved = put(base + "/tags", "writer@thinkpeace.org", {{"tags", {"youth", "gender", "youth"}}});
    ASSERT_EQ(status_of(saved), 200) << saved->body;
    EXPECT_EQ(Json::parse(saved->body)["tags"], Json({"gender", "youth"}));
    EXPECT_EQ(status_of(put(base + "/tags", "donor@bailleur.org", {{"tags", Json::array()}})), 404);
    EXPECT_EQ(status_of(put(base + "/tags", "writer@autre.org", {{"tags", Json::array()}})), 404);

    auto templates = get("/api/v1/templates");
    ASSERT_EQ(status_of(templates), 200);
    EXPECT_NE(templates->body.find("\"security-sector-reform\""), std::string::npos);
    Json listed = Json::parse(templates->body)["templates"];
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0]["id"], "success-story") << "the default template first";
    EXPECT_EQ(listed[1]["id"], "most-significant-change");
    EXPECT_EQ(status_of(get("/api/v1/templates/success-story")), 200);
    EXPECT_EQ(status_of(get("/api/v1/templates/nothing")), 404);
}

TEST_F(AnnotationTest, SearchCountsFacetsOfWhatTheReaderSees) {
    std::int64_t first = s_consortium->story_in("published", "Le marché de Gao");
    s_consortium->story_in("published", "Le marché de Kidal");
    s_consortium->write("writer@thinkpeace.org", "Le marché secret");  // a draft: not for the public
    ASSERT_EQ(status_of(put("/api/v1/stories/" + std::to_string(first) + "/tags", "coordinator@lead.org",
                            {{"tags", {"governance"}}})),
              200);
    auto result = get("/api/v1/search?q=marche&facets=true");
    ASSERT_EQ(status_of(result), 200);
    Json body = Json::parse(result->body);
    EXPECT_EQ(body["total"], 2);
    Json facets = body["facets"];
    EXPECT_EQ(facets["status"], Json::array({{{"value", "published"}, {"count", 2}}}));
    EXPECT_EQ(facets["country"], Json::array({{{"value", "ML"}, {"count", 2}}}));
    EXPECT_EQ(facets["partner_ngo"], Json::array({{{"value", "Think Peace"}, {"count", 2}}}));
    EXPECT_EQ(facets["tag"], Json::array({{{"value", "governance"}, {"count", 1}}}));
    auto coordinator = get("/api/v1/search?q=marche&facets=true", "coordinator@lead.org");
    Json all = Json::parse(coordinator->body);
    EXPECT_EQ(all["total"], 3);
    EXPECT_EQ(all["facets"]["status"].size(), 2U) << "draft and published";
    EXPECT_FALSE(Json::parse(get("/api/v1/search?q=marche")->body).contains("facets")) << "only when asked";
}

}  // namespace
