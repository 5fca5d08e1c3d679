// The API as people use it, over a real socket: logging in and out, the anti-forgery token, API tokens, who sees
// which story, the review workflow, updates that must name the revision they change, and the audit log.
#include "consortium.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace {

using namespace storybank;
using storybank::testing::Consortium;
using storybank::testing::Credentials;
using storybank::testing::TestServer;
using Json = nlohmann::json;

class ApiTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_server = std::make_unique<TestServer>("api-test");
        s_consortium = std::make_unique<Consortium>(*s_server);
    }
    static void TearDownTestSuite() {
        s_consortium.reset();
        s_server.reset();
    }

    static Consortium& consortium() { return *s_consortium; }
    static TestServer& server() { return *s_server; }

    static httplib::Result get(const std::string& path, const Credentials& credentials = {}) {
        return server().client().Get(path, credentials.headers());
    }
    static int status_of(const httplib::Result& result) { return result ? result->status : 0; }
    static std::string url(std::int64_t id, const std::string& rest = "") {
        return "/api/v1/stories/" + std::to_string(id) + rest;
    }
    static std::vector<std::int64_t> listed(const std::string& path, const Credentials& credentials = {}) {
        auto result = get(path, credentials);
        std::vector<std::int64_t> ids;
        EXPECT_EQ(status_of(result), 200) << path << ": " << (result ? result->body : "no answer");
        if (result && result->status == 200) {
            Json body = Json::parse(result->body);
            for (const auto& story : body["stories"]) {
                ids.push_back(story["id"].get<std::int64_t>());
            }
        }
        return ids;
    }
    static bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }

    static inline std::unique_ptr<TestServer> s_server;
    static inline std::unique_ptr<Consortium> s_consortium;
};

TEST_F(ApiTest, LoginSetsProtectedCookiesAndLogoutEndsTheSession) {
    auto client = server().client();
    Json body = {{"email", "reviewer@hsc.org"}, {"password", TestServer::kPassword}};
    auto result = client.Post("/api/v1/session", body.dump(), "application/json");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 201) << result->body;
    std::string session_cookie = storybank::testing::set_cookie(*result, "storybank_session");
    std::string csrf_cookie = storybank::testing::set_cookie(*result, "storybank_csrf");
    EXPECT_NE(session_cookie.find("HttpOnly"), std::string::npos) << session_cookie;
    EXPECT_NE(session_cookie.find("SameSite=Lax"), std::string::npos) << session_cookie;
    EXPECT_EQ(session_cookie.find("Secure"), std::string::npos) << "plain http on 127.0.0.1: " << session_cookie;
    EXPECT_EQ(csrf_cookie.find("HttpOnly"), std::string::npos) << "the web app must read it: " << csrf_cookie;
    Json answer = Json::parse(result->body);
    EXPECT_EQ(answer["user"]["email"], "reviewer@hsc.org");
    EXPECT_EQ(answer["user"]["memberships"][0]["role"], "reviewer");
    EXPECT_EQ(answer["csrf_token"], storybank::testing::cookie_token(csrf_cookie));
    EXPECT_EQ(result->body.find(storybank::testing::cookie_token(session_cookie)), std::string::npos)
        << "the session id travels only in its HttpOnly cookie";

    Credentials credentials{storybank::testing::cookie_token(session_cookie), answer["csrf_token"], ""};
    auto me = get("/api/v1/session", credentials);
    ASSERT_EQ(status_of(me), 200);
    EXPECT_EQ(Json::parse(me->body)["user"]["email"], "reviewer@hsc.org");

    // Logging out is a write: without the anti-forgery header it is refused and the session lives on.
    httplib::Headers no_csrf = {{"Cookie", "storybank_session=" + credentials.session}};
    EXPECT_EQ(status_of(client.Delete("/api/v1/session", no_csrf)), 403);
    EXPECT_EQ(status_of(get("/api/v1/session", credentials)), 200);
    auto logout = client.Delete("/api/v1/session", credentials.headers());
    ASSERT_EQ(status_of(logout), 204);
    EXPECT_NE(storybank::testing::set_cookie(*logout, "storybank_session").find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(status_of(get("/api/v1/session", credentials)), 401) << "the old cookie is dead on the server too";
}

TEST_F(ApiTest, AnIdleSessionEndsOnTheServer) {
    Credentials credentials = storybank::testing::login(server(), "donor@bailleur.org");
    EXPECT_EQ(status_of(get("/api/v1/session", credentials)), 200);
    server().advance(std::chrono::minutes(29));
    EXPECT_EQ(status_of(get("/api/v1/session", credentials)), 200) << "activity keeps it alive";
    server().advance(std::chrono::minutes(31));
    EXPECT_EQ(status_of(get("/api/v1/session", credentials)), 401) << "30 minutes without activity end it";
    EXPECT_EQ(status_of(get("/api/v1/session", storybank::testing::login(server(), "donor@bailleur.org"))), 200);
}

TEST_F(ApiTest, WrongPasswordsAreRefusedThenSlowedDown) {
    auto client = server().client();
    Json wrong = {{"email", "writer@autre.org"}, {"password", "not the password at all"}};
    auto result = client.Post("/api/v1/session", wrong.dump(), "application/json");
    ASSERT_EQ(status_of(result), 401);
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/problem+json");
    Json problem = Json::parse(result->body);
    EXPECT_EQ(problem["problems"][0]["message_id"], "login-failed");
    EXPECT_FALSE(problem["problems"][0]["message"].get<std::string>().empty());
    int locked = 0;
    for (int attempt = 0; attempt < 6 && locked == 0; ++attempt) {
        result = client.Post("/api/v1/session", wrong.dump(), "application/json");
        if (status_of(result) == 429) {
            locked = attempt + 2;
            EXPECT_GE(std::stoi(result->get_header_value("Retry-After")), 1);
            EXPECT_EQ(Json::parse(result->body)["problems"][0]["message_id"], "login-locked");
        }
    }
    EXPECT_GT(locked, 0) << "five failures lock the account for a while";
    // Locked means locked: the right password waits too.
    Json right = {{"email", "writer@autre.org"}, {"password", TestServer::kPassword}};
    EXPECT_EQ(status_of(client.Post("/api/v1/session", right.dump(), "application/json")), 429);
    server().advance(std::chrono::hours(2));
    EXPECT_EQ(status_of(client.Post("/api/v1/session", right.dump(), "application/json")), 201);
}

TEST_F(ApiTest, WritesUnderASessionNeedTheAntiForgeryToken) {
    const Credentials& writer = consortium().as("writer@thinkpeace.org");
    httplib::Headers forged = {{"Cookie", "storybank_session=" + writer.session + "; storybank_csrf=" + writer.csrf}};
    auto client = server().client();
    auto result = client.Post("/api/v1/stories", forged, Consortium::story_json("Forgée"), "application/json");
    EXPECT_EQ(status_of(result), 403) << "a page on another site sends the cookie but cannot read it";
    forged.emplace("X-CSRF-Token", "0123456789abcdef");
    EXPECT_EQ(status_of(client.Post("/api/v1/stories", forged, Consortium::story_json("Forgée"), "application/json")),
              403);
    // A form post (not JSON) is refused before anything is read.
    EXPECT_EQ(
        status_of(client.Post("/api/v1/stories", writer.headers(), "title=x", "application/x-www-form-urlencoded")),
        400);
    EXPECT_GT(consortium().write("writer@thinkpeace.org", "Avec le jeton"), 0);
}

TEST_F(ApiTest, ApiTokensAreScopedAndRevocable) {
    auto read_only = server().accounts->create_api_token(service::Actor::command_line(), "reviewer@hsc.org",
                                                         "tableau de bord", {"stories:read"});
    ASSERT_TRUE(read_only.ok());
    Credentials token{"", "", read_only.value->token};
    std::int64_t submitted = consortium().story_in("submitted", "Soumise pour le jeton");
    auto result = get(url(submitted), token);
    ASSERT_EQ(status_of(result), 200) << "the reviewer's token sees what the reviewer sees";
    EXPECT_NE(result->body.find("awa@example.org"), std::string::npos);
    EXPECT_EQ(status_of(server().client().Post(url(submitted, "/transitions"), token.headers(),
                                               Json({{"to", "approved"}}).dump(), "application/json")),
              403)
        << "no stories:write scope";
    EXPECT_EQ(status_of(get("/api/v1/audit", token)), 403) << "tokens never read the audit log";
    EXPECT_TRUE(server().accounts->revoke_api_token(service::Actor::command_line(), read_only.value->id).empty());
    EXPECT_EQ(status_of(get(url(submitted), token)), 401);
    EXPECT_EQ(status_of(get("/api/v1/stories", Credentials{"", "", "made-up-token"})), 401);
}

TEST_F(ApiTest, EachRoleSeesOnlyItsStories) {
    std::int64_t draft = consortium().write("writer@thinkpeace.org", "Brouillon de Think Peace");
    std::int64_t other_draft = consortium().write("writer@autre.org", "Brouillon d'Autre ONG", "Autre ONG");
    std::int64_t submitted = consortium().story_in("submitted", "Soumise de Think Peace");
    std::int64_t published = consortium().story_in("published", "Publiée de Think Peace");

    auto sees = [&](const std::string& email, std::int64_t id) {
        Credentials credentials = email.empty() ? Credentials{} : consortium().as(email);
        int status = status_of(get(url(id), credentials));
        bool listed_too = contains(listed("/api/v1/stories?limit=500", credentials), id);
        EXPECT_EQ(status == 200, listed_too) << email << " story " << id << ": the list and the page must agree";
        return status == 200;
    };
    EXPECT_TRUE(sees("writer@thinkpeace.org", draft));
    EXPECT_FALSE(sees("writer@autre.org", draft));
    EXPECT_TRUE(sees("writer@autre.org", other_draft));
    EXPECT_FALSE(sees("reviewer@hsc.org", draft)) << "drafts are the writers' own until submitted";
    EXPECT_TRUE(sees("reviewer@hsc.org", submitted));
    EXPECT_FALSE(sees("reviewer@cordaid.org", submitted)) << "Cordaid does not work with Think Peace";
    EXPECT_TRUE(sees("coordinator@lead.org", draft));
    EXPECT_TRUE(sees("coordinator@lead.org", other_draft));
    EXPECT_FALSE(sees("donor@bailleur.org", submitted));
    EXPECT_TRUE(sees("donor@bailleur.org", published));
    EXPECT_FALSE(sees("", draft));
    EXPECT_TRUE(sees("", published));

    // Published stories reach the public without the author's contact details.
    auto public_copy = get(url(published));
    ASSERT_EQ(status_of(public_copy), 200);
    EXPECT_EQ(public_copy->body.find("awa@example.org"), std::string::npos);
    EXPECT_EQ(public_copy->body.find("+22376000001"), std::string::npos);
    auto writer_copy = get(url(published), consortium().as("writer@thinkpeace.org"));
    EXPECT_NE(writer_copy->body.find("awa@example.org"), std::string::npos);
}

TEST_F(ApiTest, TheWorkflowRecordsWhoMovedAStoryWhenAndWhy) {
    std::int64_t id = consortium().write("writer@thinkpeace.org", "Le puits de Ségou");
    auto waiting = [&](const std::string& email) { return listed("/api/v1/waiting", consortium().as(email)); };
    EXPECT_TRUE(contains(waiting("writer@thinkpeace.org"), id));
    EXPECT_EQ(consortium().move("reviewer@hsc.org", id, "submitted"), 404) << "the reviewer cannot see a draft";
    EXPECT_EQ(consortium().move("writer@thinkpeace.org", id, "approved"), 422) << "a draft is submitted first";
    EXPECT_EQ(consortium().move("writer@thinkpeace.org", id, "submitted"), 200);
    EXPECT_FALSE(contains(waiting("writer@thinkpeace.org"), id));
    EXPECT_TRUE(contains(waiting("reviewer@hsc.org"), id));
    EXPECT_FALSE(contains(waiting("reviewer@cordaid.org"), id));
    EXPECT_EQ(consortium().move("writer@thinkpeace.org", id, "approved"), 403) << "writers do not approve";

    auto client = server().client();
    auto refused = client.Post(url(id, "/transitions"), consortium().as("reviewer@hsc.org").headers(),
                               Json({{"to", "changes_requested"}}).dump(), "application/json");
    ASSERT_EQ(status_of(refused), 422);
    EXPECT_EQ(Json::parse(refused->body)["problems"][0]["message_id"], "transition-reason-missing");
    EXPECT_EQ(consortium().move("reviewer@hsc.org", id, "changes_requested", "Ajoutez un témoignage"), 200);
    EXPECT_TRUE(contains(waiting("writer@thinkpeace.org"), id));
    EXPECT_EQ(consortium().move("writer@thinkpeace.org", id, "submitted"), 200);
    EXPECT_EQ(consortium().move("reviewer@hsc.org", id, "approved"), 200);
    EXPECT_TRUE(contains(waiting("coordinator@lead.org"), id));
    EXPECT_EQ(consortium().move("reviewer@hsc.org", id, "published"), 403) << "the lead publishes";
    EXPECT_EQ(consortium().move("coordinator@lead.org", id, "published"), 200);
    EXPECT_FALSE(contains(waiting("coordinator@lead.org"), id));

    auto moves = get(url(id, "/transitions"), consortium().as("writer@thinkpeace.org"));
    ASSERT_EQ(status_of(moves), 200);
    Json transitions = Json::parse(moves->body)["transitions"];
    ASSERT_EQ(transitions.size(), 5U);
    EXPECT_EQ(transitions[0]["to"], "published");
    EXPECT_EQ(transitions[0]["actor"], "coordinator@lead.org");
    EXPECT_EQ(transitions[3]["to"], "changes_requested");
    EXPECT_EQ(transitions[3]["from"], "submitted");
    EXPECT_EQ(transitions[3]["reason"], "Ajoutez un témoignage");
    EXPECT_EQ(transitions[3]["actor"], "reviewer@hsc.org");
    EXPECT_FALSE(transitions[3]["at"].get<std::string>().empty());
}

TEST_F(ApiTest, AStoryWithoutPartnerIsTheWritersOrganisationsWhenCreatedAndWhenSaved) {
    const Credentials& writer = consortium().as("writer@thinkpeace.org");
    Json story = Json::parse(Consortium::story_json("Sans ONG partenaire"));
    story["fields"].erase("partner_ngo");
    auto created = server().client().Post("/api/v1/stories", writer.headers(), story.dump(), "application/json");
    ASSERT_EQ(status_of(created), 201) << created->body;
    EXPECT_EQ(Json::parse(created->body)["fields"]["partner_ngo"], "Think Peace");

    // The draft on the writer's phone still has no partner NGO: saving it again keeps the story theirs.
    story["fields"]["title"] = "Sans ONG partenaire, complétée";
    auto headers = writer.headers();
    headers.emplace("If-Match", "\"1\"");
    std::string location = created->get_header_value("Location");
    std::string id = location.substr(location.rfind('/') + 1);
    auto saved = server().client().Put("/api/v1/stories/" + id, headers, story.dump(), "application/json");
    ASSERT_EQ(status_of(saved), 200) << saved->body;
    Json current = Json::parse(get("/api/v1/stories/" + id, writer)->body);
    EXPECT_EQ(current["fields"]["partner_ngo"], "Think Peace");
    EXPECT_EQ(current["fields"]["title"], "Sans ONG partenaire, complétée");
}

TEST_F(ApiTest, UpdatesNameTheRevisionTheyChange) {
    std::int64_t id = consortium().write("writer@thinkpeace.org", "Première version");
    const Credentials& writer = consortium().as("writer@thinkpeace.org");
    auto client = server().client();
    auto read = get(url(id), writer);
    ASSERT_EQ(status_of(read), 200);
    EXPECT_EQ(read->get_header_value("ETag"), "\"1\"");
    Json story = Json::parse(read->body);
    story["fields"]["title"] = "Deuxième version";

    EXPECT_EQ(status_of(client.Put(url(id), writer.headers(), story.dump(), "application/json")), 428);
    httplib::Headers headers = writer.headers();
    headers.emplace("If-Match", "\"1\"");
    auto saved = client.Put(url(id), headers, story.dump(), "application/json");
    ASSERT_EQ(status_of(saved), 200) << saved->body;
    EXPECT_EQ(saved->get_header_value("ETag"), "\"2\"");
    EXPECT_EQ(Json::parse(saved->body)["fields"]["title"], "Deuxième version");

    story["fields"]["title"] = "Version perdue";
    auto stale = client.Put(url(id), headers, story.dump(), "application/json");
    ASSERT_EQ(status_of(stale), 409);
    EXPECT_EQ(Json::parse(stale->body)["current_revision"], 2);
    EXPECT_EQ(stale->get_header_value("ETag"), "\"2\"");

    auto diff = get(url(id, "/diff?from=1&to=2"), writer);
    ASSERT_EQ(status_of(diff), 200);
    Json changes = Json::parse(diff->body)["changes"];
    ASSERT_EQ(changes.size(), 1U) << diff->body;
    EXPECT_EQ(changes[0]["field"], "title");
    EXPECT_EQ(changes[0]["change"], "changed");
    EXPECT_EQ(changes[0]["before"], "Première version");
    EXPECT_EQ(changes[0]["after"], "Deuxième version");
    auto history = get(url(id, "/history"), writer);
    EXPECT_EQ(Json::parse(history->body)["revisions"].size(), 2U);

    // Moving the story to an NGO the writer does not belong to is refused, and nothing is saved.
    story["fields"]["title"] = "Deuxième version";
    story["fields"]["partner_ngo"] = "Autre ONG";
    headers = writer.headers();
    headers.emplace("If-Match", "\"2\"");
    EXPECT_EQ(status_of(client.Put(url(id), headers, story.dump(), "application/json")), 403);
    EXPECT_EQ(get(url(id), writer)->get_header_value("ETag"), "\"2\"");
}

TEST_F(ApiTest, TwentyWritersAtOnceLoseNoUpdate) {
    std::int64_t id = consortium().write("writer@thinkpeace.org", "Écrite à plusieurs");
    const Credentials writer = consortium().as("writer@thinkpeace.org");
    constexpr int kWriters = 20;
    std::atomic<int> conflicts = 0;
    std::atomic<int> failures = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < kWriters; ++i) {
        threads.emplace_back([&, i] {
            auto client = server().client();
            // Read, change, write with If-Match; on 409, read again and redo the change: what a careful client does.
            for (int attempt = 0; attempt < 200; ++attempt) {
                auto read = client.Get(url(id), writer.headers());
                if (!read || read->status != 200) {
                    ++failures;
                    return;
                }
                Json story = Json::parse(read->body);
                story["fields"]["lessons"] =
                    story["fields"].value("lessons", std::string()) + "[writer " + std::to_string(i) + "]";
                httplib::Headers headers = writer.headers();
                headers.emplace("If-Match", read->get_header_value("ETag"));
                auto saved = client.Put(url(id), headers, story.dump(), "application/json");
                if (saved && saved->status == 200) {
                    return;
                }
                if (!saved || saved->status != 409) {
                    ++failures;
                    return;
                }
                ++conflicts;
            }
            ++failures;
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.load(), 0);
    auto final_story = get(url(id), writer);
    std::string lessons = Json::parse(final_story->body)["fields"]["lessons"];
    for (int i = 0; i < kWriters; ++i) {
        EXPECT_NE(lessons.find("[writer " + std::to_string(i) + "]"), std::string::npos) << "writer " << i << " lost";
    }
    auto history = get(url(id, "/history"), writer);
    EXPECT_EQ(Json::parse(history->body)["revisions"].size(), static_cast<std::size_t>(kWriters + 1))
        << "every save is its own revision";
    std::cout << "20 writers: " << conflicts.load() << " stale writes answered 409 and retried\n";
}

TEST_F(ApiTest, JsonAnswersAreCompressedForClientsThatAcceptIt) {
    auto client = server().client();
    client.set_decompress(false);
    auto plain = client.Get("/api/v1/templates");
    ASSERT_EQ(status_of(plain), 200);
    EXPECT_EQ(plain->get_header_value("Content-Encoding"), "");
    auto gzipped = client.Get("/api/v1/templates", {{"Accept-Encoding", "gzip"}});
    ASSERT_EQ(status_of(gzipped), 200);
    EXPECT_EQ(gzipped->get_header_value("Content-Encoding"), "gzip");
    EXPECT_LT(gzipped->body.size() * 3, plain->body.size()) << "the templates are a third of the form's first load";
}

TEST_F(ApiTest, MarkupInAFieldComesBackAsData) {
    std::string title = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    std::int64_t id = consortium().write("writer@thinkpeace.org", title);
    auto read = get(url(id), consortium().as("writer@thinkpeace.org"));
    ASSERT_EQ(status_of(read), 200);
    EXPECT_EQ(read->get_header_value("Content-Type"), "application/json");
    EXPECT_EQ(Json::parse(read->body)["fields"]["title"], title) << "stored and returned exactly, as a JSON string";
    auto page = get("/stories/" + std::to_string(id), consortium().as("writer@thinkpeace.org"));
    ASSERT_EQ(status_of(page), 200);
    EXPECT_EQ(page->body.find("<script>alert"), std::string::npos);
    EXPECT_EQ(page->body.find("<img src=x"), std::string::npos);
    EXPECT_NE(page->body.find("&lt;script&gt;"), std::string::npos);
}

TEST_F(ApiTest, ACreationSentAgainWithItsKeyMakesNoCopy) {
    const Credentials& writer = consortium().as("writer@thinkpeace.org");
    auto headers = writer.headers();
    headers.emplace("Idempotency-Key", "draft-7f3c2a");
    std::string body = Consortium::story_json("Envoyée deux fois");
    auto first = server().client().Post("/api/v1/stories", headers, body, "application/json");
    ASSERT_EQ(status_of(first), 201) << first->body;
    auto again = server().client().Post("/api/v1/stories", headers, body, "application/json");
    ASSERT_EQ(status_of(again), 200) << again->body;
    EXPECT_EQ(again->get_header_value("Location"), first->get_header_value("Location"));
    EXPECT_EQ(Json::parse(again->body)["fields"]["title"], "Envoyée deux fois");
    int copies = 0;
    Json listed_stories = Json::parse(get("/api/v1/stories?limit=200", writer)->body);
    for (const auto& story : listed_stories["stories"]) {
        copies += story["title"] == "Envoyée deux fois" ? 1 : 0;
    }
    EXPECT_EQ(copies, 1);

    auto other_writer = consortium().as("writer@autre.org").headers();
    other_writer.emplace("Idempotency-Key", "draft-7f3c2a");
    EXPECT_EQ(status_of(server().client().Post("/api/v1/stories", other_writer,
                                               Consortium::story_json("La même clé", "Autre ONG"), "application/json")),
              201)
        << "keys are per user";
    auto bad = writer.headers();
    bad.emplace("Idempotency-Key", std::string(201, 'k'));
    auto refused = server().client().Post("/api/v1/stories", bad, body, "application/json");
    EXPECT_EQ(status_of(refused), 400);
    EXPECT_NE(refused->body.find("Idempotency-Key"), std::string::npos) << refused->body;
}

TEST_F(ApiTest, PlacesAreSuggestedAsTheirNameIsTyped) {
    auto result = get("/api/v1/places?q=tombou");
    ASSERT_EQ(status_of(result), 200) << result->body;
    Json places = Json::parse(result->body)["places"];
    ASSERT_FALSE(places.empty());
    EXPECT_EQ(places[0]["name"], "Tombouctou");
    EXPECT_EQ(places[0]["country"], "ML");
    EXPECT_NEAR(places[0]["latitude"].get<double>(), 16.77, 0.05);
    EXPECT_NEAR(places[0]["longitude"].get<double>(), -3.0, 0.05);

    Json in_burkina = Json::parse(get("/api/v1/places?q=KAYA&country=BF&limit=3")->body)["places"];
    ASSERT_FALSE(in_burkina.empty());
    EXPECT_LE(in_burkina.size(), 3U);
    for (const auto& place : in_burkina) {
        EXPECT_EQ(place["country"], "BF");
    }
    EXPECT_EQ(Json::parse(get("/api/v1/places?q=s%C3%A9gou")->body)["places"][0]["name"], "Ségou") << "accents kept";
    EXPECT_TRUE(Json::parse(get("/api/v1/places?q=qqqzzz")->body)["places"].empty());
    for (const char* bad : {"/api/v1/places", "/api/v1/places?q=ba&country=mali", "/api/v1/places?q=ba&limit=500"}) {
        auto refused = get(bad);
        EXPECT_EQ(status_of(refused), 400) << bad;
    }
}

TEST_F(ApiTest, AStoryMustFitItsTemplate) {
    const Credentials& writer = consortium().as("writer@thinkpeace.org");
    auto client = server().client();
    Json story = Json::parse(Consortium::story_json("Hors modèle"));
    story["fields"]["colour"] = "bleu";
    story["fields"]["author"] = "Awa";  // a person is {name, function}
    story["problems"] = Json::array({{{"field", "title"}, {"severity", "error"}, {"id", "made-up"}}});
    auto refused = client.Post("/api/v1/stories", writer.headers(), story.dump(), "application/json");
    ASSERT_EQ(status_of(refused), 422) << refused->body;
    Json problems = Json::parse(refused->body)["problems"];
    ASSERT_EQ(problems.size(), 2U);
    EXPECT_EQ(problems[0]["message_id"], "field-wrong-type");
    EXPECT_EQ(problems[0]["field"], "author");
    EXPECT_EQ(problems[1]["message_id"], "field-unknown");
    EXPECT_EQ(status_of(client.Post("/api/v1/stories", writer.headers(), "{not json", "application/json")), 400);

    // Accepted, the story's problems are the server's, not what the client claimed.
    story["fields"].erase("colour");
    story["fields"]["author"] = {{"name", "Awa TRAORÉ"}, {"function", "animatrice"}};
    story["fields"].erase("lessons");
    auto created = client.Post("/api/v1/stories", writer.headers(), story.dump(), "application/json");
    ASSERT_EQ(status_of(created), 201) << created->body;
    Json saved = Json::parse(created->body);
    ASSERT_EQ(saved["problems"].size(), 1U) << created->body;
    EXPECT_EQ(saved["problems"][0]["message_id"], "field-missing-recommended");
    EXPECT_EQ(saved["problems"][0]["field"], "lessons");
}

TEST_F(ApiTest, TheLeadSelectsStoriesForAReportWithAReason) {
    std::int64_t approved = consortium().story_in("approved", "Sélectionnable");
    std::int64_t draft = consortium().write("writer@thinkpeace.org", "Pas prête");
    auto select = [&](const std::string& email, std::int64_t id, const std::string& report, const std::string& reason) {
        return server().client().Post(url(id, "/selections"), consortium().as(email).headers(),
                                      Json({{"report", report}, {"reason", reason}}).dump(), "application/json");
    };
    EXPECT_EQ(status_of(select("reviewer@hsc.org", approved, "Rapport 2026", "Forte")), 403);
    auto no_reason = select("coordinator@lead.org", approved, "Rapport 2026", " ");
    ASSERT_EQ(status_of(no_reason), 422);
    EXPECT_EQ(Json::parse(no_reason->body)["problems"][0]["message_id"], "selection-reason-missing");
    auto not_ready = select("coordinator@lead.org", draft, "Rapport 2026", "Touchante");
    ASSERT_EQ(status_of(not_ready), 422);
    EXPECT_EQ(Json::parse(not_ready->body)["problems"][0]["message_id"], "selection-not-ready");
    auto chosen = select("coordinator@lead.org", approved, "Rapport  2026", "Le changement le plus significatif");
    ASSERT_EQ(status_of(chosen), 201) << chosen->body;
    auto twice = select("coordinator@lead.org", approved, "Rapport 2026", "Encore");
    EXPECT_EQ(Json::parse(twice->body)["problems"][0]["message_id"], "selection-exists");

    auto listed_selections = get("/api/v1/selections?report=Rapport%202026", consortium().as("coordinator@lead.org"));
    ASSERT_EQ(status_of(listed_selections), 200);
    Json selections = Json::parse(listed_selections->body)["selections"];
    ASSERT_EQ(selections.size(), 1U);
    EXPECT_EQ(selections[0]["story_id"], approved);
    EXPECT_EQ(selections[0]["reason"], "Le changement le plus significatif");
    EXPECT_EQ(selections[0]["selected_by"], "coordinator@lead.org");
    EXPECT_EQ(Json::parse(get("/api/v1/selections")->body)["selections"].size(), 0U)
        << "an approved story is not public yet, nor its selection";
}

TEST_F(ApiTest, TheAuditLogIsForCoordinators) {
    std::int64_t id = consortium().story_in("submitted", "Pour l'audit");
    auto log =
        get("/api/v1/audit?target_type=story&target_id=" + std::to_string(id), consortium().as("coordinator@lead.org"));
    ASSERT_EQ(status_of(log), 200);
    Json entries = Json::parse(log->body)["entries"];
    ASSERT_EQ(entries.size(), 2U) << log->body;
    EXPECT_EQ(entries[0]["action"], "story.transition");
    EXPECT_EQ(entries[0]["actor"], "writer@thinkpeace.org");
    EXPECT_EQ(entries[0]["address"], "127.0.0.1");
    EXPECT_EQ(entries[0]["detail"]["to"], "submitted");
    EXPECT_EQ(entries[1]["action"], "story.create");
    EXPECT_EQ(status_of(get("/api/v1/audit", consortium().as("reviewer@hsc.org"))), 403);
    EXPECT_EQ(status_of(get("/api/v1/audit")), 401);
}

TEST_F(ApiTest, InvitationsAreAcceptedOnce) {
    auto invitation = server().accounts->invite(service::Actor::command_line(), "nouvelle@thinkpeace.org",
                                                "Think Peace", "contributor", 7);
    ASSERT_TRUE(invitation.ok());
    Json body = {{"token", invitation.value->token}, {"password", TestServer::kPassword}, {"display_name", "Fanta"}};
    auto client = server().client();
    EXPECT_EQ(status_of(client.Post("/api/v1/invitations/accept", body.dump(), "application/json")), 201);
    auto again = client.Post("/api/v1/invitations/accept", body.dump(), "application/json");
    ASSERT_EQ(status_of(again), 422);
    EXPECT_EQ(Json::parse(again->body)["problems"][0]["message_id"], "invitation-invalid");
    EXPECT_GT(consortium().write("nouvelle@thinkpeace.org", "Première histoire de Fanta"), 0);
}

}  // namespace
