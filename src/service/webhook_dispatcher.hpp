#pragma once

#include "service/clock.hpp"
#include "store/store.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace storybank::service {

/// One POST to a receiver.
struct WebhookRequest {
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

/// What came back: an HTTP status, or 0 and why nothing usable came back (refused, timed out, bad TLS).
struct WebhookResponse {
    int status = 0;
    std::string error;
};

/// Sends one request, without following redirects, with short timeouts. Implemented over HTTP in
/// http/webhook_sender.hpp (service does not include an HTTP library), injected by the composition root.
class WebhookSender {
public:
    virtual ~WebhookSender() = default;
    virtual WebhookResponse post(const WebhookRequest& request) = 0;
};

/// When to try again after each failed attempt; after the last one the delivery is marked failed.
struct WebhookRetry {
    std::vector<std::chrono::seconds> backoff = {std::chrono::seconds(30), std::chrono::minutes(2),
                                                 std::chrono::minutes(10), std::chrono::hours(1),
                                                 std::chrono::hours(6)};
    /// Real time between two looks at the outbox when nothing wakes the dispatcher (events written by another
    /// process, e.g. `storybank import` while the server runs).
    std::chrono::milliseconds poll = std::chrono::seconds(5);

    int max_attempts() const { return static_cast<int>(backoff.size()) + 1; }
};

/// The headers a delivery carries; receivers check X-Storybank-Signature = "sha256=" + hex HMAC-SHA256 of
/// "<X-Storybank-Timestamp>.<body>" under the subscription's secret, and refuse old timestamps (replays).
inline constexpr const char* kEventHeader = "X-Storybank-Event";
inline constexpr const char* kDeliveryHeader = "X-Storybank-Delivery";
inline constexpr const char* kTimestampHeader = "X-Storybank-Timestamp";
inline constexpr const char* kSignatureHeader = "X-Storybank-Signature";

/// Sends what the outbox holds (store::WebhookDelivery) when it is due by the injected clock: signed, 2xx counts
/// as delivered, anything else is retried after the next backoff step until the last attempt. A background
/// thread does it (start/stop), woken when an event is stored or the clock may have moved (wake), and otherwise
/// every `poll`. State lives in the store only, so a restart resumes where it stopped.
class WebhookDispatcher {
public:
    WebhookDispatcher(store::Store& store, const Clock& clock, WebhookSender& sender, WebhookRetry retry = {});
    ~WebhookDispatcher();
    WebhookDispatcher(const WebhookDispatcher&) = delete;
    WebhookDispatcher& operator=(const WebhookDispatcher&) = delete;

    /// Starts the background thread (once).
    void start();
    /// Stops it after the attempt in progress, if any; idempotent.
    void stop();
    /// Makes the thread look at the outbox now.
    void wake();
    /// One pass: sends every delivery due now, records each attempt; returns how many were attempted. Passes
    /// never overlap (the thread and a direct caller take turns).
    int deliver_due();
    /// Attempts recorded since this dispatcher was made, and a wait (real time, at most `timeout`) until there
    /// have been at least `count`: how tests and operators know a pass has happened without sleeping.
    std::uint64_t attempts_made();
    bool wait_for_attempts(std::uint64_t count, std::chrono::milliseconds timeout);

private:
    void run();
    void attempt(const store::WebhookDelivery& delivery);
    /// How long the thread may wait: until the next due delivery by the clock, at most `poll`.
    std::chrono::milliseconds idle_time();

private:  // data
    store::Store& m_store;
    const Clock& m_clock;
    WebhookSender& m_sender;
    WebhookRetry m_retry;
    std::mutex m_pass;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_stopping = false;
    bool m_woken = false;
    std::uint64_t m_attempts = 0;
    std::thread m_thread;
};

}  // namespace storybank::service
