#pragma once

// A small consortium on a test server: the lead with its coordinator, two members with a reviewer each, a partner
// NGO for each member with a contributor, and a donor with a viewer account. Stories are written over HTTP.
#include "test_server.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>

namespace storybank::testing {

struct Consortium {
    explicit Consortium(TestServer& test_server) : server(test_server) {
        server.organisation("Consortium Sahel", "lead");
        server.organisation("Human Security Collective", "member");
        server.organisation("Cordaid", "member");
        server.organisation("Bailleur", "member");
        server.organisation("Think Peace", "partner", {"Human Security Collective"});
        server.organisation("Autre ONG", "partner", {"Cordaid"});
        server.user("coordinator@lead.org", "Consortium Sahel", "coordinator");
        server.user("reviewer@hsc.org", "Human Security Collective", "reviewer");
        server.user("reviewer@cordaid.org", "Cordaid", "reviewer");
        server.user("writer@thinkpeace.org", "Think Peace", "contributor");
        server.user("writer@autre.org", "Autre ONG", "contributor");
        server.user("donor@bailleur.org", "Bailleur", "viewer");
    }

    /// Logs in once per account and keeps the session, until the test moves the server's clock.
    const Credentials& as(const std::string& email) {
        if (m_clock_moves != server.clock_moves) {
            m_sessions.clear();
            m_clock_moves = server.clock_moves;
        }
        auto found = m_sessions.find(email);
        if (found == m_sessions.end()) {
            found = m_sessions.emplace(email, login(server, email)).first;
        }
        return found->second;
    }

    /// Drops the kept session (after a logout), so the next as() logs in again.
    void forget(const std::string& email) { m_sessions.erase(email); }

    /// A story as canonical JSON, written for `partner` (the default template's keys).
    static std::string story_json(const std::string& title, const std::string& partner = "Think Peace") {
        nlohmann::json story = {
            {"schema", "storybank.story/1"},
            {"template", "success-story"},
            {"language", "fr"},
            {"fields",
             {{"author", {{"name", "Awa TRAORÉ"}, {"function", "animatrice"}}},
              {"contact", {{"phones", {"+22376000001"}}, {"emails", {"awa@example.org"}}}},
              {"partner_ngo", partner},
              {"consortium_member", partner == "Think Peace" ? "Human Security Collective" : "Cordaid"},
              {"locality", {{"name", "Ségou"}, {"country", "ML"}, {"text", "Ségou, Mali"}}},
              {"title", title},
              {"introduction", "Le village manquait d'eau."},
              {"solution", "Un puits a été creusé."},
              {"change", "Les enfants vont à l'école."}}}};
        return story.dump();
    }

    /// Creates a story over HTTP as `email`; returns its id (0 when refused, with a test failure).
    std::int64_t write(const std::string& email, const std::string& title, const std::string& partner = "Think Peace") {
        auto result = server.client().Post("/api/v1/stories", as(email).headers(), story_json(title, partner),
                                           "application/json");
        EXPECT_TRUE(result && result->status == 201) << (result ? result->body : "no answer");
        if (!result || result->status != 201) {
            return 0;
        }
        std::string location = result->get_header_value("Location");
        return std::stoll(location.substr(location.rfind('/') + 1));
    }

    /// Moves a story over HTTP; returns the status.
    int move(const std::string& email, std::int64_t id, const std::string& to, const std::string& reason = "") {
        nlohmann::json body = {{"to", to}, {"reason", reason}};
        auto result = server.client().Post("/api/v1/stories/" + std::to_string(id) + "/transitions",
                                           as(email).headers(), body.dump(), "application/json");
        return result ? result->status : 0;
    }

    /// Brings a new story of Think Peace to `state` through the workflow, as the people who may.
    std::int64_t story_in(const std::string& state, const std::string& title = "Une histoire") {
        std::int64_t id = write("writer@thinkpeace.org", title);
        auto step = [&](const std::string& email, const std::string& to, const std::string& reason = "") {
            EXPECT_EQ(move(email, id, to, reason), 200) << "to " << to;
        };
        if (state == "draft") {
            return id;
        }
        if (state == "archived") {
            step("coordinator@lead.org", "archived", "doublon");
            return id;
        }
        step("writer@thinkpeace.org", "submitted");
        if (state == "submitted") {
            return id;
        }
        if (state == "changes_requested") {
            step("reviewer@hsc.org", "changes_requested", "il manque les leçons");
            return id;
        }
        step("reviewer@hsc.org", "approved");
        if (state == "approved") {
            return id;
        }
        step("coordinator@lead.org", "published");
        return id;
    }

    TestServer& server;

private:
    std::map<std::string, Credentials> m_sessions;
    int m_clock_moves = 0;
};

/// A fixture with a fresh server (its data folder named after the suite) and its consortium for each test.
class ConsortiumTest : public ::testing::Test {
protected:
    explicit ConsortiumTest(std::string name) : m_name(std::move(name)) {}
    void SetUp() override {
        m_server = std::make_unique<TestServer>(m_name);
        m_consortium = std::make_unique<Consortium>(*m_server);
    }
    void TearDown() override {
        m_consortium.reset();
        m_server.reset();
    }

    std::string m_name;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Consortium> m_consortium;
};

}  // namespace storybank::testing
