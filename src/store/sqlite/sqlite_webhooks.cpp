// Webhook subscriptions and the outbox of their deliveries in the SQLite store.
#include "core/error.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace storybank::store::sqlite {
namespace {

using detail::Statement;
using detail::Transaction;

constexpr const char* kWebhookColumns =
    "w.id, w.url, w.events, w.secret, coalesce(w.created_by, 0), w.created_at, coalesce(w.disabled_at, '')";

constexpr const char* kDeliveryColumns =
    "d.id, d.webhook_id, d.event_id, d.event_type, d.payload, d.state, d.attempts, d.created_at, "
    "coalesce(d.next_attempt_at, ''), d.last_status, d.last_error, coalesce(d.delivered_at, '')";

std::string joined_events(const std::vector<std::string>& events) {
    std::string joined;
    for (const auto& event : events) {
        if (event.empty() || event.find(' ') != std::string::npos) {
            throw Error(ErrorKind::InvalidRequest, "a webhook event is one word without spaces, not '" + event + "'");
        }
        if (!joined.empty()) {
            joined += ' ';
        }
        joined += event;
    }
    return joined;
}

std::vector<std::string> split_events(std::string_view joined) {
    std::vector<std::string> events;
    while (!joined.empty()) {
        std::size_t end = joined.find(' ');
        if (end != 0) {
            events.emplace_back(joined.substr(0, end));
        }
        joined.remove_prefix(end == std::string_view::npos ? joined.size() : end + 1);
    }
    return events;
}

std::string_view state_name(DeliveryState state) {
    switch (state) {
        case DeliveryState::Pending:
            return "pending";
        case DeliveryState::Delivered:
            return "delivered";
        case DeliveryState::Failed:
            return "failed";
    }
    return "pending";
}

DeliveryState parse_state(std::string_view name) {
    if (name == "delivered") {
        return DeliveryState::Delivered;
    }
    return name == "failed" ? DeliveryState::Failed : DeliveryState::Pending;
}

WebhookSubscription read_webhook(const Statement& statement) {
    WebhookSubscription webhook;
    webhook.id = statement.column_int64(0);
    webhook.url = statement.column_text(1);
    webhook.events = split_events(statement.column_text(2));
    webhook.secret = statement.column_text(3);
    webhook.created_by = statement.column_int64(4);
    webhook.created_at = statement.column_text(5);
    webhook.disabled_at = statement.column_text(6);
    webhook.active = webhook.disabled_at.empty();
    return webhook;
}

WebhookDelivery read_delivery(const Statement& statement) {
    WebhookDelivery delivery;
    delivery.id = statement.column_int64(0);
    delivery.subscription_id = statement.column_int64(1);
    delivery.event_id = statement.column_text(2);
    delivery.event_type = statement.column_text(3);
    delivery.payload = statement.column_text(4);
    delivery.state = parse_state(statement.column_text(5));
    delivery.attempts = statement.column_int(6);
    delivery.created_at = statement.column_text(7);
    delivery.next_attempt_at = statement.column_text(8);
    delivery.last_status = statement.column_int(9);
    delivery.last_error = statement.column_text(10);
    delivery.delivered_at = statement.column_text(11);
    return delivery;
}

}  // namespace

std::int64_t SqliteStore::create_webhook(const WebhookSubscription& subscription, const AuditEntry& audit) {
    if (subscription.url.empty()) {
        throw Error(ErrorKind::InvalidRequest, "a webhook needs a URL");
    }
    if (subscription.events.empty()) {
        throw Error(ErrorKind::InvalidRequest, "a webhook needs at least one event");
    }
    std::string events = joined_events(subscription.events);
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    if (subscription.created_by != 0) {
        require_user(subscription.created_by);
    }
    m_database->prepare("INSERT INTO webhooks (url, events, secret, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, subscription.url)
        .bind(2, events)
        .bind(3, subscription.secret)
        .bind_optional_id(4, subscription.created_by)
        .bind(5, subscription.created_at)
        .run();
    std::int64_t webhook_id = m_database->last_insert_rowid();
    insert_audit(audit, std::to_string(webhook_id));
    transaction.commit();
    return webhook_id;
}

std::optional<WebhookSubscription> SqliteStore::find_webhook(std::int64_t webhook_id) {
    std::lock_guard lock(m_mutex);
    Statement statement =
        m_database->prepare(std::string("SELECT ") + kWebhookColumns + " FROM webhooks w WHERE w.id = ?");
    statement.bind(1, webhook_id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return read_webhook(statement);
}

std::vector<WebhookSubscription> SqliteStore::webhooks() {
    std::lock_guard lock(m_mutex);
    Statement statement =
        m_database->prepare(std::string("SELECT ") + kWebhookColumns + " FROM webhooks w ORDER BY w.id");
    std::vector<WebhookSubscription> found;
    while (statement.step()) {
        found.push_back(read_webhook(statement));
    }
    return found;
}

bool SqliteStore::disable_webhook(std::int64_t webhook_id, std::string_view at, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    bool active = false;
    {
        Statement exists = m_database->prepare("SELECT disabled_at IS NULL FROM webhooks WHERE id = ?");
        exists.bind(1, webhook_id);
        if (!exists.step()) {
            throw Error(ErrorKind::NotFound,
                        "there is no webhook " + std::to_string(webhook_id) + "; `storybank webhook list` shows them");
        }
        active = exists.column_int(0) != 0;
    }
    if (!active) {
        return false;
    }
    m_database->prepare("UPDATE webhooks SET disabled_at = ? WHERE id = ?").bind(1, at).bind(2, webhook_id).run();
    // What was still waiting will not be sent: the log says so rather than keeping it pending for ever.
    m_database
        ->prepare(
            "UPDATE webhook_deliveries SET state = 'failed', next_attempt_at = NULL, "
            "last_error = 'webhook disabled' WHERE webhook_id = ? AND state = 'pending'")
        .bind(1, webhook_id)
        .run();
    insert_audit(audit, std::to_string(webhook_id));
    transaction.commit();
    return true;
}

int SqliteStore::enqueue_webhook_event(std::string_view event_type,
                                       std::string_view event_id,
                                       std::string_view payload,
                                       std::string_view now) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    // Events are matched as whole words of the space-separated list.
    m_database
        ->prepare(
            "INSERT OR IGNORE INTO webhook_deliveries (webhook_id, event_id, event_type, payload, created_at, "
            "next_attempt_at) SELECT id, ?1, ?2, ?3, ?4, ?4 FROM webhooks "
            "WHERE disabled_at IS NULL AND instr(' ' || events || ' ', ' ' || ?2 || ' ') > 0")
        .bind(1, event_id)
        .bind(2, event_type)
        .bind(3, payload)
        .bind(4, now)
        .run();
    int added = m_database->changes();
    transaction.commit();
    return added;
}

std::vector<WebhookDelivery> SqliteStore::due_webhook_deliveries(std::string_view now, int limit) {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare(std::string("SELECT ") + kDeliveryColumns +
                                              ", w.url, w.secret FROM webhook_deliveries d "
                                              "JOIN webhooks w ON w.id = d.webhook_id "
                                              "WHERE d.state = 'pending' AND d.next_attempt_at <= ? "
                                              "AND w.disabled_at IS NULL ORDER BY d.next_attempt_at, d.id LIMIT ?");
    statement.bind(1, now).bind(2, limit);
    std::vector<WebhookDelivery> due;
    while (statement.step()) {
        WebhookDelivery delivery = read_delivery(statement);
        delivery.url = statement.column_text(12);
        delivery.secret = statement.column_text(13);
        due.push_back(std::move(delivery));
    }
    return due;
}

std::optional<std::string> SqliteStore::next_webhook_attempt_at() {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare(
        "SELECT min(d.next_attempt_at) FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id "
        "WHERE d.state = 'pending' AND w.disabled_at IS NULL");
    if (!statement.step() || statement.column_is_null(0)) {
        return std::nullopt;
    }
    return statement.column_text(0);
}

void SqliteStore::record_webhook_attempt(const DeliveryAttempt& attempt) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    Statement update = m_database->prepare(
        "UPDATE webhook_deliveries SET attempts = attempts + 1, state = ?1, last_status = ?2, last_error = ?3, "
        "next_attempt_at = CASE WHEN ?1 = 'pending' THEN ?4 END, "
        "delivered_at = CASE WHEN ?1 = 'delivered' THEN ?5 END WHERE id = ?6");
    update.bind(1, state_name(attempt.state))
        .bind(2, attempt.status)
        .bind(3, attempt.error)
        .bind(4, attempt.next_attempt_at)
        .bind(5, attempt.at)
        .bind(6, attempt.delivery_id)
        .run();
    if (m_database->changes() == 0) {
        throw Error(ErrorKind::NotFound, "there is no webhook delivery " + std::to_string(attempt.delivery_id));
    }
    transaction.commit();
}

std::vector<WebhookDelivery> SqliteStore::webhook_deliveries(const DeliveryQuery& query) {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare(std::string("SELECT ") + kDeliveryColumns +
                                              " FROM webhook_deliveries d WHERE (?1 = 0 OR d.webhook_id = ?1) "
                                              "AND (?2 = 0 OR d.state = 'failed') AND (?3 = 0 OR d.id < ?3) "
                                              "ORDER BY d.id DESC LIMIT ?4");
    statement.bind(1, query.subscription_id)
        .bind(2, query.failed_only ? 1 : 0)
        .bind(3, query.before_id)
        .bind(4, query.limit);
    std::vector<WebhookDelivery> found;
    while (statement.step()) {
        found.push_back(read_delivery(statement));
    }
    return found;
}

}  // namespace storybank::store::sqlite
