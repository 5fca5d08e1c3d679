#include "service/webhook_dispatcher.hpp"

#include "auth/hmac_signature.hpp"
#include "core/error.hpp"
#include "service/iso_time.hpp"

#include <algorithm>
#include <iostream>

namespace storybank::service {
namespace {

constexpr int kDeliveriesPerPass = 100;

}  // namespace

WebhookDispatcher::WebhookDispatcher(store::Store& store, const Clock& clock, WebhookSender& sender, WebhookRetry retry)
    : m_store(store), m_clock(clock), m_sender(sender), m_retry(std::move(retry)) {}

WebhookDispatcher::~WebhookDispatcher() {
    stop();
}

void WebhookDispatcher::start() {
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable()) {
        return;
    }
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void WebhookDispatcher::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void WebhookDispatcher::wake() {
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_changed.notify_all();
}

int WebhookDispatcher::deliver_due() {
    std::lock_guard pass(m_pass);
    int attempted = 0;
    for (;;) {
        std::vector<store::WebhookDelivery> due =
            m_store.due_webhook_deliveries(m_clock.now_iso8601(), kDeliveriesPerPass);
        for (const auto& delivery : due) {
            attempt(delivery);
            ++attempted;
        }
        if (due.size() < static_cast<std::size_t>(kDeliveriesPerPass)) {
            return attempted;
        }
    }
}

void WebhookDispatcher::attempt(const store::WebhookDelivery& delivery) {
    auto now = m_clock.now();
    std::string timestamp =
        std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
    WebhookRequest request;
    request.url = delivery.url;
    request.body = delivery.payload;
    request.headers = {
        {kEventHeader, delivery.event_type},
        {kDeliveryHeader, std::to_string(delivery.id)},
        {kTimestampHeader, timestamp},
        {kSignatureHeader, "sha256=" + auth::hmac_sha256_hex(delivery.secret, timestamp + "." + delivery.payload)},
    };
    WebhookResponse response = m_sender.post(request);

    store::DeliveryAttempt outcome;
    outcome.delivery_id = delivery.id;
    outcome.at = format_iso8601(now);
    outcome.status = response.status;
    int attempts = delivery.attempts + 1;
    if (response.status >= 200 && response.status < 300) {
        outcome.state = store::DeliveryState::Delivered;
    } else {
        if (response.status >= 300 && response.status < 400) {
            outcome.error = "HTTP " + std::to_string(response.status) + ": redirects are not followed";
        } else if (response.status != 0) {
            outcome.error = "HTTP " + std::to_string(response.status);
        } else {
            outcome.error = response.error.empty() ? "no answer" : response.error;
        }
        if (attempts >= m_retry.max_attempts()) {
            outcome.state = store::DeliveryState::Failed;
        } else {
            outcome.state = store::DeliveryState::Pending;
            auto step = m_retry.backoff[static_cast<std::size_t>(attempts - 1)];
            outcome.next_attempt_at = format_iso8601(now + step);
        }
    }
    m_store.record_webhook_attempt(outcome);
    {
        std::lock_guard lock(m_mutex);
        ++m_attempts;
    }
    m_changed.notify_all();
}

std::uint64_t WebhookDispatcher::attempts_made() {
    std::lock_guard lock(m_mutex);
    return m_attempts;
}

bool WebhookDispatcher::wait_for_attempts(std::uint64_t count, std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_attempts >= count; });
}

std::chrono::milliseconds WebhookDispatcher::idle_time() {
    auto next = m_store.next_webhook_attempt_at();
    if (!next) {
        return m_retry.poll;
    }
    auto due = parse_iso8601(*next);
    if (!due) {
        return m_retry.poll;
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*due - m_clock.now());
    return std::clamp(wait, std::chrono::milliseconds(0), m_retry.poll);
}

void WebhookDispatcher::run() {
    for (;;) {
        std::chrono::milliseconds wait = m_retry.poll;
        // The store may be busy or the disk full for a while: the thread reports it and tries again later,
        // rather than ending and leaving the outbox unsent until a restart.
        try {
            deliver_due();
            wait = idle_time();
        } catch (const Error& error) {
            std::cerr << "storybank: webhooks: " << error.what() << '\n';
        }
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, wait, [this] { return m_stopping || m_woken; });
        if (m_stopping) {
            return;
        }
        m_woken = false;
    }
}

}  // namespace storybank::service
