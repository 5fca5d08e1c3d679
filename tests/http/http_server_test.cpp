// The server over a real socket as an anonymous reader sees it: JSON API, HTML pages, errors as problem+json, and
// what a public reader must never see (contact details, unescaped HTML from a story, unpublished stories).
#include "test_server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <thread>

namespace {

namespace fs = std::filesystem;
using namespace storybank;
using storybank::testing::TestServer;
using Json = nlohmann::json;

// A story whose author tried to put markup in every place a page shows.
constexpr const char* kHostileStory =
    "Nom et fonction de l'auteur : Awa <b>TRAORÉ</b>, animatrice\n"
    "Contact de l'auteur : +223 76 00 00 01 awa@example.org\n"
    "Membre du Consortium : Human Security Collective\n"
    "Nom de l'ONG partenaire : <img src=x onerror=alert(2)>\n"
    "Localité : Ségou, Mali\n"
    "Titre : <script>alert(1)</script> Puits de Ségou\n"
    "Introduction\nLe village manquait d'eau <script>alert(3)</script> potable.\n"
    "Description de la solution\nUn puits a été creusé avec les habitants.\n"
    "Changement apporté\nLes enfants vont à l'école.\n";

constexpr const char* kDraftStory =
    "Nom et fonction de l'auteur : Moussa KEITA, animateur\n"
    "Nom de l'ONG partenaire : Think Peace\n"
    "Localité : Mopti, Mali\n"
    "Titre : Brouillon secret de Mopti\n"
    "Introduction\nUn brouillon que personne ne doit voir.\n";

class HttpServerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_server = std::make_unique<TestServer>("http-test");
        auto& stories = *s_server->stories;
        fs::path seed = fs::path(storybank::testing::source_dir()) / "tests/data/think-peace-mali.txt";
        s_seed_id =
            stories.import_file({"think-peace-mali.txt", storybank::testing::read_bytes(seed)}, "", "test").story_id;
        s_hostile_id = stories.import_file({"hostile.txt", kHostileStory}, "", "test").story_id;
        s_draft_id = stories.import_file({"draft.txt", kDraftStory}, "", "test").story_id;
        // Published by hand: anonymous readers see published stories only.
        store::AuditEntry audit;
        audit.at = "2026-11-29T10:00:00Z";
        audit.actor = "test";
        audit.action = "story.transition";
        audit.target_type = "story";
        s_server->store->set_status(s_seed_id, core::WorkflowState::Published, audit);
        s_server->store->set_status(s_hostile_id, core::WorkflowState::Published, audit);
    }

    static void TearDownTestSuite() { s_server.reset(); }

    static httplib::Result get(const std::string& path) { return s_server->client().Get(path); }

    static Json get_json(const std::string& path, int expected_status = 200) {
        auto result = get(path);
        EXPECT_TRUE(result) << path;
        if (!result) {
            return {};
        }
        EXPECT_EQ(result->status, expected_status) << path << ": " << result->body;
        return Json::parse(result->body);
    }

    static inline std::unique_ptr<TestServer> s_server;
    static inline std::int64_t s_seed_id = 0;
    static inline std::int64_t s_hostile_id = 0;
    static inline std::int64_t s_draft_id = 0;
};

TEST_F(HttpServerTest, HealthCheckAnswers) {
    auto result = get("/healthz");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->body, "ok\n");
}

TEST_F(HttpServerTest, ListsStoriesAsJson) {
    Json body = get_json("/api/v1/stories");
    ASSERT_TRUE(body["stories"].is_array());
    ASSERT_EQ(body["stories"].size(), 2U);
    EXPECT_TRUE(body["next_after"].is_null());
    bool seed_found = false;
    for (const auto& story : body["stories"]) {
        if (story["id"] == s_seed_id) {
            seed_found = true;
            EXPECT_EQ(story["country"], "ML");
            EXPECT_EQ(story["partner_ngo"], "Think Peace");
            EXPECT_EQ(story["status"], "published");
            EXPECT_EQ(story["revision"], 1);
        }
    }
    EXPECT_TRUE(seed_found);
}

TEST_F(HttpServerTest, PagesThroughStoriesWithLimitAndAfter) {
    Json first = get_json("/api/v1/stories?limit=1");
    ASSERT_EQ(first["stories"].size(), 1U);
    ASSERT_TRUE(first["next_after"].is_number());
    Json second = get_json("/api/v1/stories?limit=1&after=" + std::to_string(first["next_after"].get<int>()));
    ASSERT_EQ(second["stories"].size(), 1U);
    EXPECT_NE(first["stories"][0]["id"], second["stories"][0]["id"]);
}

TEST_F(HttpServerTest, FiltersStoriesByCountry) {
    EXPECT_EQ(get_json("/api/v1/stories?country=ML")["stories"].size(), 2U);
    EXPECT_EQ(get_json("/api/v1/stories?country=NE")["stories"].size(), 0U);
}

TEST_F(HttpServerTest, StoryLeavesPersonalFieldsOut) {
    auto result = get("/api/v1/stories/" + std::to_string(s_seed_id));
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("ETag"), "\"1\"");
    Json story = Json::parse(result->body);
    EXPECT_EQ(story["fields"]["title"], "ENGAGEMENT DU RESEAU THINK PEACE-ARC CONTRE L'EXTREMISME VIOLENT");
    EXPECT_FALSE(story["fields"].contains("contact"));
    EXPECT_EQ(result->body.find("fomba3@hotmail.com"), std::string::npos);
    EXPECT_EQ(result->body.find("79 95 92 69"), std::string::npos);
    EXPECT_EQ(result->body.find("+22379959269"), std::string::npos);
}

TEST_F(HttpServerTest, AnonymousReadersSeeNoDraftAndNoHistory) {
    auto draft = get("/api/v1/stories/" + std::to_string(s_draft_id));
    ASSERT_TRUE(draft);
    EXPECT_EQ(draft->status, 404) << "a draft is answered as if it did not exist";
    EXPECT_EQ(draft->body.find("Brouillon secret"), std::string::npos);
    EXPECT_EQ(get("/stories/" + std::to_string(s_draft_id))->status, 404);
    EXPECT_EQ(get_json("/api/v1/search?q=brouillon")["total"], 0);
    EXPECT_EQ(get("/?q=brouillon")->body.find("Brouillon secret"), std::string::npos);
    // The revisions of a published story hold what was written before (contacts included): not for the public.
    EXPECT_EQ(get("/api/v1/stories/" + std::to_string(s_seed_id) + "/history")->status, 403);
}

TEST_F(HttpServerTest, SearchFindsInflectedWordsAndMarksThem) {
    Json body = get_json("/api/v1/search?q=extremisme&country=ML");
    ASSERT_GE(body["total"].get<int>(), 1);
    EXPECT_EQ(body["hits"][0]["story"]["id"], s_seed_id);
    std::string snippet = body["hits"][0]["snippet"];
    EXPECT_NE(snippet.find("<mark>"), std::string::npos) << snippet;
}

TEST_F(HttpServerTest, SearchSnippetsAreEscaped) {
    Json body = get_json("/api/v1/search?q=potable");
    ASSERT_EQ(body["total"], 1);
    std::string snippet = body["hits"][0]["snippet"];
    EXPECT_EQ(snippet.find("<script"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("&lt;script&gt;"), std::string::npos) << snippet;
}

TEST_F(HttpServerTest, UnknownStoryIsProblemJson) {
    auto result = get("/api/v1/stories/999999");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 404);
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/problem+json");
    Json problem = Json::parse(result->body);
    EXPECT_EQ(problem["status"], 404);
    EXPECT_FALSE(problem["message"].get<std::string>().empty());
}

TEST_F(HttpServerTest, MalformedParametersAreBadRequests) {
    for (const std::string path :
         {"/api/v1/stories/abc", "/api/v1/stories?limit=0", "/api/v1/stories?limit=x", "/api/v1/stories?status=lost",
          "/api/v1/search?q=a&limit=9999", "/api/v1/stories/-1", "/api/v1/stories/1?revision=-2"}) {
        auto result = get(path);
        ASSERT_TRUE(result) << path;
        EXPECT_EQ(result->status, 400) << path << ": " << result->body;
        EXPECT_EQ(result->get_header_value("Content-Type"), "application/problem+json") << path;
        Json problem = Json::parse(result->body);
        EXPECT_EQ(problem["status"], 400) << path;
    }
}

TEST_F(HttpServerTest, UnknownRouteIsNotFound) {
    auto result = get("/api/v1/nothing-here");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 404);
    EXPECT_EQ(Json::parse(result->body)["status"], 404);
}

TEST_F(HttpServerTest, OversizedRequestIsRefused) {
    auto result = s_server->client().Post("/api/v1/stories", std::string(200 * 1024, 'x'), "application/json");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 413);
}

TEST_F(HttpServerTest, ListPageEscapesStoryText) {
    auto result = get("/");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(result->body.find("ENGAGEMENT DU RESEAU THINK PEACE"), std::string::npos);
    EXPECT_EQ(result->body.find("<script>"), std::string::npos);
    EXPECT_EQ(result->body.find("<img src=x"), std::string::npos);
    EXPECT_NE(result->body.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
}

TEST_F(HttpServerTest, StoryPageEscapesAndOmitsContact) {
    auto result = get("/stories/" + std::to_string(s_hostile_id));
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200);
    EXPECT_EQ(result->body.find("<script>"), std::string::npos);
    EXPECT_EQ(result->body.find("onerror=alert(2)>"), std::string::npos);
    EXPECT_EQ(result->body.find("awa@example.org"), std::string::npos);
    EXPECT_NE(result->body.find("Puits de Ségou"), std::string::npos);
    EXPECT_NE(result->body.find(" UTC</p>"), std::string::npos) << "the revision line shows a readable UTC time";
}

TEST_F(HttpServerTest, SearchPageMarksMatches) {
    auto result = get("/?q=extremisme");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200);
    EXPECT_NE(result->body.find("<mark>"), std::string::npos);
    EXPECT_NE(result->body.find("/stories/" + std::to_string(s_seed_id)), std::string::npos);
}

TEST_F(HttpServerTest, MissingStoryPageIsHtml404) {
    auto result = get("/stories/424242");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 404);
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(result->body.find("<h1>404</h1>"), std::string::npos);
    EXPECT_NE(result->body.find("Cette page n&#39;existe pas"), std::string::npos) << result->body;
}

TEST_F(HttpServerTest, SnippetsShowNoEmphasisMarkers) {
    Json body = get_json("/api/v1/search?q=Aissata");
    ASSERT_EQ(body["total"], 1);
    std::string snippet = body["hits"][0]["snippet"];
    EXPECT_NE(snippet.find("<mark>Aissata</mark>"), std::string::npos) << snippet;
    EXPECT_EQ(snippet.find('*'), std::string::npos) << snippet;
}

TEST_F(HttpServerTest, EveryAnswerCarriesSecurityHeaders) {
    for (const std::string path : {"/", "/api/v1/stories", "/api/v1/stories/999999", "/stories/abc"}) {
        auto result = get(path);
        ASSERT_TRUE(result) << path;
        EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff") << path;
        EXPECT_NE(result->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos)
            << path;
        EXPECT_EQ(result->get_header_value("X-Frame-Options"), "DENY") << path;
    }
}

TEST_F(HttpServerTest, ServesManyClientsAtOnce) {
    std::vector<std::thread> clients;
    std::atomic<int> successes = 0;
    for (int i = 0; i < 8; ++i) {
        clients.emplace_back([&successes] {
            httplib::Client client = s_server->client();
            for (int j = 0; j < 25; ++j) {
                auto result = client.Get("/api/v1/search?q=paix");
                if (result && result->status == 200) {
                    ++successes;
                }
            }
        });
    }
    for (auto& client : clients) {
        client.join();
    }
    EXPECT_EQ(successes.load(), 200);
}

}  // namespace
