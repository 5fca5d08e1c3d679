#pragma once

// A real storybank server on 127.0.0.1 (a free port) over a SQLite store in a temporary folder, with a clock the
// test moves and a cheap password hasher; and an HTTP client that logs in like a browser (session cookie plus
// the anti-forgery header) or like an integration (bearer token).
#include "auth/password_hasher.hpp"
#include "http/server.hpp"
#include "service/account_service.hpp"
#include "service/manual_clock.hpp"
#include "service/message_loader.hpp"
#include "service/password_policy_loader.hpp"
#include "service/story_documents.hpp"
#include "service/story_service.hpp"
#include "service/template_catalog.hpp"
#include "service/webhook_outbox.hpp"
#include "service/webhook_service.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>

namespace storybank::testing {

/// 2026-11-29T10:00:00Z
inline const std::chrono::system_clock::time_point kTestStart = std::chrono::system_clock::from_time_t(1795946400);

inline std::string source_dir() {
    const char* dir = std::getenv("STORYBANK_SOURCE_DIR");
    return dir != nullptr ? dir : STORYBANK_DEFAULT_SOURCE_DIR;
}

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

class TestServer {
public:
    explicit TestServer(std::string name)
        : m_dir(std::filesystem::temp_directory_path() / ("storybank-" + name + "-" + std::to_string(::getpid()))),
          templates(service::TemplateCatalog::load()),
          messages(service::load_messages()),
          policy(service::load_password_policy()),
          reader(templates) {
        std::filesystem::remove_all(m_dir);
        store = store::sqlite::SqliteStore::open(m_dir);
        webhook_outbox = std::make_unique<service::WebhookOutbox>(*store, clock);
        stories = std::make_unique<service::StoryService>(*store, templates, clock, reader, *webhook_outbox);
        accounts = std::make_unique<service::AccountService>(*store, clock, hasher, policy);
        webhooks = std::make_unique<service::WebhookService>(*store, clock);
        documents = std::make_unique<service::StoryDocuments>(*store, templates, messages, clock);
        http::ServerOptions options;
        options.port = 0;
        // Worker threads: the default `serve` gets, which the slow-client test relies on.
        options.json_body_limit = 128 * 1024;
        server = std::make_unique<http::Server>(
            http::ServerServices{*stories, *accounts, *webhooks, *documents, messages}, options);
        port = server->bind();
        m_thread = std::thread([this] { server->serve(); });
    }

    ~TestServer() {
        server->stop();
        m_thread.join();
        server.reset();
        documents.reset();
        webhooks.reset();
        accounts.reset();
        stories.reset();
        webhook_outbox.reset();
        store.reset();
        if (!::testing::Test::HasFailure()) {
            std::filesystem::remove_all(m_dir);
        } else {
            std::cerr << "data folder kept for inspection: " << m_dir << "\n";
        }
    }

    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    httplib::Client client() const {
        httplib::Client out("127.0.0.1", port);
        out.set_connection_timeout(5, 0);
        out.set_read_timeout(20, 0);
        return out;
    }

    std::int64_t organisation(const std::string& name,
                              const std::string& kind,
                              const std::vector<std::string>& works_with = {}) {
        auto outcome = accounts->add_organisation(service::Actor::command_line(), name, kind, works_with);
        EXPECT_TRUE(outcome.ok()) << name;
        return outcome.ok() ? outcome.value->id : 0;
    }

    void user(const std::string& email, const std::string& organisation, const std::string& role) {
        auto outcome = accounts->add_user(service::Actor::command_line(),
                                          {email, email.substr(0, email.find('@')), kPassword, organisation, role});
        EXPECT_TRUE(outcome.ok()) << email;
    }

    /// Moves the clock; sessions kept by clients made before may have ended (see clock_moves).
    void advance(std::chrono::system_clock::duration step) {
        clock.advance(step);
        ++clock_moves;
    }

    static constexpr const char* kPassword = "le fleuve Niger à Ségou";
    int clock_moves = 0;

private:
    std::filesystem::path m_dir;

public:
    service::TemplateCatalog templates;
    core::MessageCatalog messages;
    service::ManualClock clock{kTestStart};
    auth::PasswordHasher hasher{4, auth::PasswordHashCost::Minimal};
    auth::PasswordPolicy policy;
    service::StoryFileReader reader;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<service::WebhookOutbox> webhook_outbox;  ///< story events → the store's webhook outbox
    std::unique_ptr<service::StoryService> stories;
    std::unique_ptr<service::AccountService> accounts;
    std::unique_ptr<service::WebhookService> webhooks;
    std::unique_ptr<service::StoryDocuments> documents;
    std::unique_ptr<http::Server> server;
    int port = 0;

private:
    std::thread m_thread;
};

/// How a test client proves who it is: nobody, a browser session, or an API token.
struct Credentials {
    std::string session;  ///< the session cookie's value
    std::string csrf;     ///< the anti-forgery token
    std::string bearer;   ///< an API token

    httplib::Headers headers() const {
        httplib::Headers out;
        if (!session.empty()) {
            out.emplace("Cookie", "storybank_session=" + session + "; storybank_csrf=" + csrf);
            out.emplace("X-CSRF-Token", csrf);
        }
        if (!bearer.empty()) {
            out.emplace("Authorization", "Bearer " + bearer);
        }
        return out;
    }
};

/// The value of a Set-Cookie header of a response for the cookie `name`, with its attributes.
inline std::string set_cookie(const httplib::Response& response, const std::string& name) {
    std::size_t count = response.get_header_value_count("Set-Cookie");
    for (std::size_t i = 0; i < count; ++i) {
        std::string header = response.get_header_value("Set-Cookie", i);
        if (header.starts_with(name + "=")) {
            return header;
        }
    }
    return {};
}

inline std::string cookie_token(const std::string& set_cookie_header) {
    std::size_t equals = set_cookie_header.find('=');
    std::size_t end = set_cookie_header.find(';');
    return set_cookie_header.substr(equals + 1, end - equals - 1);
}

/// Logs in over HTTP like the web app; fails the test when refused.
inline Credentials login(const TestServer& server, const std::string& email) {
    auto client = server.client();
    nlohmann::json body = {{"email", email}, {"password", TestServer::kPassword}};
    auto result = client.Post("/api/v1/session", body.dump(), "application/json");
    Credentials credentials;
    EXPECT_TRUE(result && result->status == 201) << email << ": " << (result ? result->body : "no answer");
    if (result && result->status == 201) {
        credentials.session = cookie_token(set_cookie(*result, "storybank_session"));
        credentials.csrf = cookie_token(set_cookie(*result, "storybank_csrf"));
    }
    return credentials;
}

}  // namespace storybank::testing
