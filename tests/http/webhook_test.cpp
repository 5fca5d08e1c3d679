// Webhooks end to end: subscriptions made over the API, stories written and moved over the API, deliveries sent
// by the real dispatcher over HTTP to a receiver on 127.0.0.1 that checks each signature. Time moves by the test's
// ManualClock; nothing sleeps: the test waits, with a deadline, for the dispatcher's attempts.
#include "auth/hmac_signature.hpp"
#include "consortium.hpp"
#include "http/webhook_sender.hpp"
#include "service/webhook_dispatcher.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>

namespace storybank::testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kDeadline = 20s;

/// One request the receiver got.
struct Received {
    std::string event;
    std::string delivery;
    std::string timestamp;
    std::string signature;
    std::string body;
};

/// A webhook receiver on 127.0.0.1: answers with the statuses it is given in turn (then 200), keeps what it got.
class Receiver {
public:
    explicit Receiver(std::deque<int> statuses = {}) : m_statuses(std::move(statuses)) {
        m_server.Post("/hook", [this](const httplib::Request& request, httplib::Response& response) {
            std::lock_guard lock(m_mutex);
            m_received.push_back({request.get_header_value(service::kEventHeader),
                                  request.get_header_value(service::kDeliveryHeader),
                                  request.get_header_value(service::kTimestampHeader),
                                  request.get_header_value(service::kSignatureHeader), request.body});
            response.status = 200;
            if (!m_statuses.empty()) {
                response.status = m_statuses.front();
                m_statuses.pop_front();
            }
            response.set_content("ok", "text/plain");
        });
        port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        // stop() does nothing to a server that is not running yet: wait until it runs (the socket already listens,
        // so no request is lost meanwhile).
        while (!m_server.is_running()) {
            std::this_thread::yield();
        }
    }
    ~Receiver() {
        m_server.stop();
        m_thread.join();
    }
    Receiver(const Receiver&) = delete;
    Receiver& operator=(const Receiver&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/hook"; }
    std::vector<Received> received() {
        std::lock_guard lock(m_mutex);
        return m_received;
    }

    int port = 0;

private:
    httplib::Server m_server;
    std::mutex m_mutex;
    std::deque<int> m_statuses;
    std::vector<Received> m_received;
    std::thread m_thread;
};

/// A test server with a consortium, and the webhook dispatcher `storybank serve` runs, sending over HTTP.
class WebhookTest : public ::testing::Test {
protected:
    WebhookTest() : server(::testing::UnitTest::GetInstance()->current_test_info()->name()), consortium(server) {
        server.webhook_outbox->set_dispatcher(&dispatcher);
        dispatcher.start();
    }
    ~WebhookTest() override {
        dispatcher.stop();
        server.webhook_outbox->set_dispatcher(nullptr);
    }

    /// Subscribes `url` over the API as the coordinator; returns {id, secret}.
    std::pair<std::int64_t, std::string> subscribe(const std::string& url, const std::vector<std::string>& events) {
        nlohmann::json body = {{"url", url}, {"events", events}};
        auto result = server.client().Post("/api/v1/webhooks", consortium.as("coordinator@lead.org").headers(),
                                           body.dump(), "application/json");
        EXPECT_TRUE(result && result->status == 201) << (result ? result->body : "no answer");
        if (!result || result->status != 201) {
            return {0, ""};
        }
        auto created = nlohmann::json::parse(result->body);
        return {created.at("id").get<std::int64_t>(), created.at("secret").get<std::string>()};
    }

    nlohmann::json deliveries(std::int64_t webhook_id, const std::string& query = "") {
        auto result = server.client().Get("/api/v1/webhooks/" + std::to_string(webhook_id) + "/deliveries" + query,
                                          consortium.as("coordinator@lead.org").headers());
        EXPECT_TRUE(result && result->status == 200) << (result ? result->body : "no answer");
        return result && result->status == 200 ? nlohmann::json::parse(result->body).at("deliveries")
                                               : nlohmann::json::array();
    }

    /// Saves a new revision of a story over the API, as its writer.
    void update(std::int64_t id, int current_revision, const std::string& title) {
        httplib::Headers headers = consortium.as("writer@thinkpeace.org").headers();
        headers.emplace("If-Match", "\"" + std::to_string(current_revision) + "\"");
        auto result = server.client().Put("/api/v1/stories/" + std::to_string(id), headers,
                                          Consortium::story_json(title), "application/json");
        EXPECT_TRUE(result && result->status == 200) << (result ? result->body : "no answer");
    }

    /// Waits until the dispatcher has made `count` attempts in all; fails the test at the deadline.
    void wait_for_attempts(std::uint64_t count) {
        ASSERT_TRUE(dispatcher.wait_for_attempts(count, kDeadline))
            << "waited for " << count << " attempts, saw " << dispatcher.attempts_made();
    }

    /// Moves the clock and lets the dispatcher look at the outbox again.
    void advance(std::chrono::system_clock::duration step) {
        server.clock.advance(step);
        dispatcher.wake();
    }

    TestServer server;
    Consortium consortium;
    // The receivers listen on 127.0.0.1, which only an operator's choice opens to webhooks.
    http::HttpWebhookSender sender{std::chrono::seconds(5), http::PrivateAddresses::Allow};
    service::WebhookDispatcher dispatcher{*server.store, server.clock, sender};
};

void expect_signed(const Received& request, const std::string& secret) {
    EXPECT_EQ(request.signature, "sha256=" + auth::hmac_sha256_hex(secret, request.timestamp + "." + request.body))
        << request.body;
    EXPECT_EQ(request.timestamp, "1795946400") << "the timestamp comes from the server's clock";
}

TEST_F(WebhookTest, EachStoryEventArrivesOnceSignedWithoutPersonalData) {
    Receiver receiver;
    auto [webhook_id, secret] = subscribe(receiver.url(), {"story.created", "story.updated", "story.transitioned"});
    ASSERT_NE(webhook_id, 0);
    EXPECT_EQ(secret.size(), 43u);

    std::int64_t story = consortium.write("writer@thinkpeace.org", "Le puits de Ségou");
    update(story, 1, "Le puits de Ségou, deuxième version");
    ASSERT_EQ(consortium.move("writer@thinkpeace.org", story, "submitted"), 200);
    wait_for_attempts(3);

    auto received = receiver.received();
    ASSERT_EQ(received.size(), 3u);
    const char* kTypes[] = {"story.created", "story.updated", "story.transitioned"};
    const int kRevisions[] = {1, 2, 2};
    std::set<std::string> delivery_ids;
    for (std::size_t i = 0; i < received.size(); ++i) {
        expect_signed(received[i], secret);
        auto body = nlohmann::json::parse(received[i].body);
        EXPECT_EQ(received[i].event, kTypes[i]);
        EXPECT_EQ(body.at("type"), kTypes[i]);
        EXPECT_TRUE(body.at("id").get<std::string>().starts_with("evt_"));
        EXPECT_EQ(body.at("occurred_at"), "2026-11-29T10:00:00Z");
        EXPECT_EQ(body.at("story").at("id"), story);
        EXPECT_EQ(body.at("story").at("revision"), kRevisions[i]) << kTypes[i];
        EXPECT_EQ(body.at("actor").at("type"), "user");
        delivery_ids.insert(received[i].delivery);
        // No story text, no contact details, not even the actor's e-mail address.
        for (const char* personal : {"awa@example.org", "+22376000001", "TRAOR", "puits", "Ségou", "thinkpeace.org"}) {
            EXPECT_EQ(received[i].body.find(personal), std::string::npos) << personal << " in " << received[i].body;
        }
    }
    EXPECT_EQ(delivery_ids.size(), 3u);
    auto transition = nlohmann::json::parse(received[2].body).at("transition");
    EXPECT_EQ(transition.at("from"), "draft");
    EXPECT_EQ(transition.at("to"), "submitted");

    // Delivered once: another pass sends nothing, and the log shows one attempt each.
    EXPECT_EQ(dispatcher.deliver_due(), 0);
    EXPECT_EQ(receiver.received().size(), 3u);
    auto log = deliveries(webhook_id);
    ASSERT_EQ(log.size(), 3u);
    for (const auto& delivery : log) {
        EXPECT_EQ(delivery.at("state"), "delivered");
        EXPECT_EQ(delivery.at("attempts"), 1);
        EXPECT_EQ(delivery.at("last_status"), 200);
    }
}

TEST_F(WebhookTest, AFailingReceiverGetsItAgainAfterTheBackoff) {
    Receiver receiver({500, 503});
    auto [webhook_id, secret] = subscribe(receiver.url(), {"story.created"});
    consortium.write("writer@thinkpeace.org", "Une histoire");
    wait_for_attempts(1);
    auto log = deliveries(webhook_id);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].at("state"), "pending");
    EXPECT_EQ(log[0].at("last_status"), 500);
    EXPECT_EQ(log[0].at("last_error"), "HTTP 500");
    EXPECT_EQ(log[0].at("next_attempt_at"), "2026-11-29T10:00:30Z") << "first retry after 30 s";

    // Not before its time: a pass just before the retry is due sends nothing.
    server.clock.advance(29s);
    EXPECT_EQ(dispatcher.deliver_due(), 0);
    advance(1s);
    wait_for_attempts(2);
    EXPECT_EQ(deliveries(webhook_id)[0].at("next_attempt_at"), "2026-11-29T10:02:30Z") << "then after 2 min";
    advance(2min);
    wait_for_attempts(3);

    auto received = receiver.received();
    ASSERT_EQ(received.size(), 3u);
    for (const auto& request : received) {
        EXPECT_EQ(request.body, received[0].body) << "a retry sends the same event";
        EXPECT_EQ(request.delivery, received[0].delivery);
        EXPECT_EQ(request.signature, "sha256=" + auth::hmac_sha256_hex(secret, request.timestamp + "." + request.body));
    }
    EXPECT_EQ(received[2].timestamp, "1795946550") << "signed again at the time of the attempt";
    log = deliveries(webhook_id);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].at("state"), "delivered");
    EXPECT_EQ(log[0].at("attempts"), 3);
    EXPECT_EQ(log[0].at("delivered_at"), "2026-11-29T10:02:30Z");
}

TEST_F(WebhookTest, ADeadReceiverEndsFailedAfterTheLastAttempt) {
    std::string dead_url;
    {
        Receiver gone;  // a port that was just free, closed again: connections are refused
        dead_url = gone.url();
    }
    auto [webhook_id, secret] = subscribe(dead_url, {"story.created"});
    consortium.write("writer@thinkpeace.org", "Une histoire");
    service::WebhookRetry retry;
    for (int attempt = 1; attempt <= retry.max_attempts(); ++attempt) {
        wait_for_attempts(static_cast<std::uint64_t>(attempt));
        if (attempt < retry.max_attempts()) {
            advance(retry.backoff[static_cast<std::size_t>(attempt - 1)]);
        }
    }
    // Seven hours have passed: the coordinator's session has ended, so the log is read from the store.
    auto log = server.store->webhook_deliveries({webhook_id, true, 50, 0});
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].state, store::DeliveryState::Failed);
    EXPECT_EQ(log[0].attempts, retry.max_attempts());
    EXPECT_EQ(log[0].last_status, 0);
    EXPECT_FALSE(log[0].last_error.empty());
    EXPECT_EQ(log[0].next_attempt_at, "");
    // Given up: a day later nothing is tried again.
    server.clock.advance(24h);
    EXPECT_EQ(dispatcher.deliver_due(), 0);
}

TEST_F(WebhookTest, ASubscriptionGetsOnlyItsEvents) {
    Receiver receiver;
    auto [webhook_id, secret] = subscribe(receiver.url(), {"story.transitioned"});
    std::int64_t story = consortium.write("writer@thinkpeace.org", "Une histoire");
    update(story, 1, "Une histoire, revue");
    ASSERT_EQ(consortium.move("writer@thinkpeace.org", story, "submitted"), 200);
    wait_for_attempts(1);
    EXPECT_EQ(dispatcher.deliver_due(), 0) << "nothing else is waiting";
    auto received = receiver.received();
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].event, "story.transitioned");
    expect_signed(received[0], secret);
    EXPECT_EQ(deliveries(webhook_id).size(), 1u);
}

TEST_F(WebhookTest, OnlyCoordinatorsManageWebhooksAndSecretsAreShownOnce) {
    auto client = server.client();
    nlohmann::json body = {{"url", "https://hooks.example.org/in"}, {"events", {"story.created"}}};
    auto as_reviewer =
        client.Post("/api/v1/webhooks", consortium.as("reviewer@hsc.org").headers(), body.dump(), "application/json");
    ASSERT_TRUE(as_reviewer);
    EXPECT_EQ(as_reviewer->status, 403);
    auto anonymous = client.Get("/api/v1/webhooks");
    ASSERT_TRUE(anonymous);
    EXPECT_EQ(anonymous->status, 401);

    struct Case {
        std::string_view name;
        nlohmann::json body;
        std::string_view message_id;
    };
    const Case kCases[] = {
        {"ftp", {{"url", "ftp://example.org/"}, {"events", {"story.created"}}}, "webhook-url-scheme"},
        {"credentials",
         {{"url", "https://u:p@example.org/"}, {"events", {"story.created"}}},
         "webhook-url-credentials"},
        {"unknown event", {{"url", "https://example.org/"}, {"events", {"story.deleted"}}}, "webhook-event-unknown"},
        {"no events", {{"url", "https://example.org/"}, {"events", nlohmann::json::array()}}, "webhook-events-missing"},
    };
    for (const auto& test_case : kCases) {
        auto refused = client.Post("/api/v1/webhooks", consortium.as("coordinator@lead.org").headers(),
                                   test_case.body.dump(), "application/json");
        ASSERT_TRUE(refused) << test_case.name;
        EXPECT_EQ(refused->status, 422) << test_case.name;
        EXPECT_NE(refused->body.find(test_case.message_id), std::string::npos) << test_case.name << refused->body;
    }

    auto [webhook_id, secret] = subscribe("https://hooks.example.org/in", {"story.created"});
    auto listed = client.Get("/api/v1/webhooks", consortium.as("coordinator@lead.org").headers());
    ASSERT_TRUE(listed && listed->status == 200);
    EXPECT_EQ(listed->body.find(secret), std::string::npos) << "listings never carry the secret";
    EXPECT_EQ(nlohmann::json::parse(listed->body).at("webhooks").at(0).at("active"), true);
    for (const auto& entry : server.store->audit_entries(store::AuditQuery::newest(5))) {
        EXPECT_EQ(entry.detail.find(secret), std::string::npos) << "the audit log never carries the secret";
    }

    auto removed = client.Delete("/api/v1/webhooks/" + std::to_string(webhook_id),
                                 consortium.as("coordinator@lead.org").headers());
    ASSERT_TRUE(removed);
    EXPECT_EQ(removed->status, 204);
    EXPECT_FALSE(server.store->find_webhook(webhook_id)->active);
    auto unknown = client.Delete("/api/v1/webhooks/999", consortium.as("coordinator@lead.org").headers());
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
    // Disabled: a new story makes no delivery.
    consortium.write("writer@thinkpeace.org", "Une histoire");
    EXPECT_TRUE(deliveries(webhook_id).empty());
}

TEST(WebhookSender, RefusesPrivateAddressesUnlessAllowed) {
    http::HttpWebhookSender sender{std::chrono::seconds(2)};
    for (const char* url : {"http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://[::1]:9/hook",
                            "http://169.254.169.254/latest/meta-data/"}) {
        service::WebhookResponse response = sender.post({url, {}, "{}"});
        EXPECT_EQ(response.status, 0) << url;
        EXPECT_NE(response.error.find("not a public internet address"), std::string::npos)
            << url << ": " << response.error;
    }
    service::WebhookResponse unknown = sender.post({"http://no-such-host.invalid/hook", {}, "{}"});
    EXPECT_EQ(unknown.status, 0);
    EXPECT_NE(unknown.error.find("could not be resolved"), std::string::npos) << unknown.error;

    // Allowed, the same private address is tried: nothing listens on port 9, so the failure is the connection's.
    http::HttpWebhookSender allowing{std::chrono::seconds(2), http::PrivateAddresses::Allow};
    service::WebhookResponse tried = allowing.post({"http://127.0.0.1:9/hook", {}, "{}"});
    EXPECT_EQ(tried.status, 0);
    EXPECT_EQ(tried.error.find("not a public internet address"), std::string::npos) << tried.error;
}

}  // namespace
}  // namespace storybank::testing
