// Administration over a real socket: organisations, users and roles, invitations; who may, what is audited.
#include "consortium.hpp"

#include <gtest/gtest.h>

namespace {

using namespace storybank;
using storybank::testing::Consortium;
using storybank::testing::Credentials;
using storybank::testing::TestServer;
using Json = nlohmann::json;

constexpr const char* kCoordinator = "coordinator@lead.org";

class AdminTest : public storybank::testing::ConsortiumTest {
protected:
    AdminTest() : ConsortiumTest("admin-test") {}
    static int status_of(const httplib::Result& result) { return result ? result->status : 0; }
    httplib::Result post(const std::string& path, const Json& body, const std::string& email = kCoordinator) {
        return m_server->client().Post(path, m_consortium->as(email).headers(), body.dump(), "application/json");
    }
    httplib::Result put(const std::string& path, const Json& body, const std::string& email = kCoordinator) {
        return m_server->client().Put(path, m_consortium->as(email).headers(), body.dump(), "application/json");
    }
    httplib::Result get(const std::string& path, const std::string& email = kCoordinator) {
        Credentials credentials = email.empty() ? Credentials{} : m_consortium->as(email);
        return m_server->client().Get(path, credentials.headers());
    }
    /// The newest audit entry's action.
    std::string last_action() {
        return Json::parse(get("/api/v1/audit?limit=1")->body)["entries"][0]["action"].get<std::string>();
    }
};

TEST_F(AdminTest, CoordinatorsAddOrganisationsWithTheirLinks) {
    auto listed = get("/api/v1/organisations");
    ASSERT_EQ(status_of(listed), 200);
    Json organisations = Json::parse(listed->body)["organisations"];
    ASSERT_EQ(organisations.size(), 6U);
    auto think_peace = std::find_if(organisations.begin(), organisations.end(),
                                    [](const Json& organisation) { return organisation["name"] == "Think Peace"; });
    ASSERT_NE(think_peace, organisations.end());
    EXPECT_EQ((*think_peace)["kind"], "partner");
    EXPECT_EQ((*think_peace)["works_with"], Json::array({"Human Security Collective"}));

    auto added = post("/api/v1/organisations",
                      {{"name", "Jeunes de Gao"}, {"kind", "partner"}, {"works_with", {"Cordaid", "Bailleur"}}});
    ASSERT_EQ(status_of(added), 201) << added->body;
    EXPECT_EQ(Json::parse(added->body)["kind"], "partner");
    EXPECT_EQ(last_action(), "organisation.save");
    organisations = Json::parse(get("/api/v1/organisations")->body)["organisations"];
    EXPECT_EQ(organisations.size(), 7U);
    auto cordaid = std::find_if(organisations.begin(), organisations.end(),
                                [](const Json& organisation) { return organisation["name"] == "Cordaid"; });
    EXPECT_EQ((*cordaid)["works_with"], Json::array({"Autre ONG", "Jeunes de Gao"}));

    auto refused = post("/api/v1/organisations", {{"name", "Sans lien"}, {"kind", "member"}, {"works_with", {"X"}}});
    ASSERT_EQ(status_of(refused), 422);
    Json problems = Json::parse(refused->body)["problems"];
    EXPECT_EQ(problems[0]["message_id"], "organisation-works-with-partner-only");
    EXPECT_EQ(problems[0]["field"], "works_with");
    auto malformed = post("/api/v1/organisations", {{"name", 3}});
    ASSERT_EQ(status_of(malformed), 400);
    EXPECT_NE(malformed->body.find("'name'"), std::string::npos) << "the message names the field";
}

TEST_F(AdminTest, CoordinatorsSeeUsersAndSetTheirRoles) {
    auto listed = get("/api/v1/users");
    ASSERT_EQ(status_of(listed), 200);
    Json users = Json::parse(listed->body)["users"];
    ASSERT_EQ(users.size(), 6U);
    EXPECT_EQ(users[0]["email"], "coordinator@lead.org") << "by e-mail address";
    EXPECT_EQ(users[0]["memberships"][0]["organisation"], "Consortium Sahel");
    EXPECT_EQ(users[0]["memberships"][0]["role"], "coordinator");
    EXPECT_FALSE(users[0].contains("password_hash"));

    auto set = put("/api/v1/memberships",
                   {{"email", "reviewer@cordaid.org"}, {"organisation", "Bailleur"}, {"role", "reviewer"}});
    ASSERT_EQ(status_of(set), 200) << set->body;
    EXPECT_EQ(last_action(), "user.role-set");
    users = Json::parse(get("/api/v1/users")->body)["users"];
    auto reviewer = std::find_if(users.begin(), users.end(),
                                 [](const Json& user) { return user["email"] == "reviewer@cordaid.org"; });
    EXPECT_EQ((*reviewer)["memberships"].size(), 2U);

    auto refused = put("/api/v1/memberships",
                       {{"email", "writer@autre.org"}, {"organisation", "Autre ONG"}, {"role", "coordinator"}});
    ASSERT_EQ(status_of(refused), 422);
    EXPECT_EQ(Json::parse(refused->body)["problems"][0]["message_id"], "role-not-allowed");
    auto unknown =
        put("/api/v1/memberships", {{"email", "personne@nulle.part"}, {"organisation", "Cordaid"}, {"role", "viewer"}});
    ASSERT_EQ(status_of(unknown), 422);
    EXPECT_EQ(Json::parse(unknown->body)["problems"][0]["field"], "email");
}

TEST_F(AdminTest, AnInvitationIsShownOnceListedAndRevoked) {
    auto created =
        post("/api/v1/invitations",
             {{"email", "Nouvelle@ThinkPeace.org"}, {"organisation", "Think Peace"}, {"role", "contributor"}});
    ASSERT_EQ(status_of(created), 201) << created->body;
    EXPECT_EQ(created->get_header_value("Cache-Control"), "no-store");
    Json invitation = Json::parse(created->body);
    std::string token = invitation["token"];
    EXPECT_EQ(invitation["link"], "/app/invitation#" + token);
    EXPECT_EQ(invitation["expires_at"], "2026-12-13T10:00:00Z") << "14 days unless told";
    EXPECT_EQ(last_action(), "invitation.create");

    auto listed = get("/api/v1/invitations");
    ASSERT_EQ(status_of(listed), 200);
    Json open = Json::parse(listed->body)["invitations"];
    ASSERT_EQ(open.size(), 1U);
    EXPECT_EQ(open[0]["email"], "Nouvelle@thinkpeace.org") << "the domain in lower case";
    EXPECT_EQ(open[0]["organisation"], "Think Peace");
    EXPECT_FALSE(open[0].contains("token")) << "the token is shown once, at creation";
    EXPECT_EQ(listed->body.find(token), std::string::npos);

    std::string path = "/api/v1/invitations/" + std::to_string(invitation["id"].get<std::int64_t>());
    auto client = m_server->client();
    EXPECT_EQ(status_of(client.Delete(path, m_consortium->as(kCoordinator).headers())), 204);
    EXPECT_EQ(last_action(), "invitation.revoke");
    EXPECT_EQ(Json::parse(get("/api/v1/invitations")->body)["invitations"].size(), 0U);
    auto again = client.Delete(path, m_consortium->as(kCoordinator).headers());
    ASSERT_EQ(status_of(again), 404);
    EXPECT_EQ(Json::parse(again->body)["problems"][0]["message_id"], "invitation-unknown");

    Json accept = {{"token", token}, {"password", TestServer::kPassword}};
    auto refused = client.Post("/api/v1/invitations/accept", accept.dump(), "application/json");
    ASSERT_EQ(status_of(refused), 422) << "a revoked link opens nothing";
    EXPECT_EQ(Json::parse(refused->body)["problems"][0]["message_id"], "invitation-invalid");
}

TEST_F(AdminTest, AnInvitationIsAcceptedThroughItsLink) {
    auto created = post(
        "/api/v1/invitations",
        {{"email", "fanta@hsc.org"}, {"organisation", "Human Security Collective"}, {"role", "reviewer"}, {"days", 3}});
    ASSERT_EQ(status_of(created), 201);
    std::string token = Json::parse(created->body)["token"];
    Json accept = {{"token", token}, {"password", TestServer::kPassword}, {"display_name", "Fanta"}};
    auto client = m_server->client();
    EXPECT_EQ(status_of(client.Post("/api/v1/invitations/accept", accept.dump(), "application/json")), 201);
    EXPECT_EQ(Json::parse(get("/api/v1/invitations")->body)["invitations"].size(), 0U) << "used: not pending";
    EXPECT_EQ(status_of(get("/api/v1/waiting", "fanta@hsc.org")), 200) << "the invitee signs in";

    auto bad_days = post("/api/v1/invitations",
                         {{"email", "x@hsc.org"}, {"organisation", "Cordaid"}, {"role", "viewer"}, {"days", "trois"}});
    ASSERT_EQ(status_of(bad_days), 400);
    EXPECT_NE(bad_days->body.find("'days'"), std::string::npos);
    auto too_long = post("/api/v1/invitations",
                         {{"email", "x@hsc.org"}, {"organisation", "Cordaid"}, {"role", "viewer"}, {"days", 365}});
    ASSERT_EQ(status_of(too_long), 422);
    EXPECT_EQ(Json::parse(too_long->body)["problems"][0]["message_id"], "invitation-days-invalid");
}

TEST_F(AdminTest, OnlyCoordinatorsWithASessionAdminister) {
    for (const char* email : {"reviewer@hsc.org", "writer@thinkpeace.org", "donor@bailleur.org"}) {
        for (const char* path : {"/api/v1/organisations", "/api/v1/users", "/api/v1/invitations"}) {
            EXPECT_EQ(status_of(get(path, email)), 403) << email << " " << path;
        }
        EXPECT_EQ(status_of(post("/api/v1/invitations",
                                 {{"email", "a@b.org"}, {"organisation", "Cordaid"}, {"role", "viewer"}}, email)),
                  403)
            << email;
    }
    EXPECT_EQ(status_of(get("/api/v1/users", "")), 401);
    auto token = m_server->accounts->create_api_token(service::Actor::command_line(), kCoordinator, "script",
                                                      {"stories:read", "stories:write", "import"});
    ASSERT_TRUE(token.ok());
    Credentials bearer{"", "", token.value->token};
    EXPECT_EQ(status_of(m_server->client().Get("/api/v1/users", bearer.headers())), 403)
        << "an integration's token does not administer";
}

TEST_F(AdminTest, StatisticsCountOnlyTheStoriesTheCallerSees) {
    m_consortium->story_in("published", "Publiée");
    m_consortium->story_in("submitted", "Soumise");
    m_consortium->write("writer@autre.org", "Brouillon d'Autre ONG", "Autre ONG");
    m_consortium->write("writer@thinkpeace.org", "Un autre brouillon");

    auto coordinator = get("/api/v1/statistics");
    ASSERT_EQ(status_of(coordinator), 200) << coordinator->body;
    Json all = Json::parse(coordinator->body);
    EXPECT_EQ(all["total"], 4);
    EXPECT_EQ(all["counts"]["status"], Json::array({{{"value", "draft"}, {"count", 2}},
                                                    {{"value", "published"}, {"count", 1}},
                                                    {{"value", "submitted"}, {"count", 1}}}));
    EXPECT_EQ(all["counts"]["country"], Json::array({{{"value", "ML"}, {"count", 4}}}));
    EXPECT_EQ(all["counts"]["locality"], Json::array({{{"value", "Ségou"}, {"count", 4}}}));
    EXPECT_EQ(all["counts"]["partner_ngo"],
              Json::array({{{"value", "Think Peace"}, {"count", 3}}, {{"value", "Autre ONG"}, {"count", 1}}}));
    std::string created_at = Json::parse(get("/api/v1/stories?limit=1")->body)["stories"][0]["created_at"];
    EXPECT_EQ(all["counts"]["month"], Json::array({{{"value", created_at.substr(0, 7)}, {"count", 4}}}))
        << "the month each story was recorded";
    EXPECT_TRUE(all["counts"]["tag"].is_array());
    ASSERT_EQ(all["counts"]["place"].size(), 1U) << all["counts"]["place"];
    Json segou = all["counts"]["place"][0];
    EXPECT_EQ(segou["value"], "Ségou");
    EXPECT_EQ(segou["country"], "ML");
    EXPECT_EQ(segou["count"], 4);
    EXPECT_NEAR(segou["latitude"].get<double>(), 13.43, 0.05) << "Ségou from the gazetteer";
    EXPECT_NEAR(segou["longitude"].get<double>(), -6.26, 0.05);

    Json anonymous = Json::parse(get("/api/v1/statistics", "")->body);
    EXPECT_EQ(anonymous["total"], 1) << "published only";
    Json reviewer = Json::parse(get("/api/v1/statistics", "reviewer@hsc.org")->body);
    EXPECT_EQ(reviewer["total"], 2) << "submitted and published, not drafts";
    Json filtered = Json::parse(get("/api/v1/statistics?partner=autre%20ong")->body);
    EXPECT_EQ(filtered["total"], 1) << "the list's filters apply";
}

}  // namespace
