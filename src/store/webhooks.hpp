#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Value types of the Store's webhook part: subscriptions and the outbox of deliveries. Times are ISO 8601 UTC text
// given by the caller (service's clock), like the rest of the store.
namespace storybank::store {

/// A receiver that asked to be told about story events.
struct WebhookSubscription {
    std::int64_t id = 0;
    std::string url;                  ///< http:// or https://, checked by service
    std::vector<std::string> events;  ///< "story.created", "story.updated", "story.transitioned"
    /// The key deliveries are signed with. Kept as given (not hashed), because the server must sign with it;
    /// shown once when created, never listed, never audited.
    std::string secret;
    bool active = true;
    std::int64_t created_by = 0;  ///< the user who added it, 0 for the command line
    std::string created_at;
    std::string disabled_at;  ///< empty while active

    bool operator==(const WebhookSubscription&) const = default;
};

/// The state of one delivery in the outbox.
enum class DeliveryState : std::uint8_t {
    Pending,    ///< waiting for its next attempt
    Delivered,  ///< the receiver answered 2xx
    Failed,     ///< every attempt failed; given up
};

/// "pending", "delivered", "failed": as the CLI prints and the API returns a delivery's state.
inline std::string_view delivery_state_name(DeliveryState state) {
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

/// One event to send to one subscription, kept until delivered or given up, so a restart loses nothing.
struct WebhookDelivery {
    std::int64_t id = 0;
    std::int64_t subscription_id = 0;
    std::string event_id;
    std::string event_type;
    std::string payload;  ///< the JSON body, exactly as sent (and signed)
    DeliveryState state = DeliveryState::Pending;
    int attempts = 0;
    std::string created_at;
    std::string next_attempt_at;  ///< for a pending delivery
    int last_status = 0;          ///< the last HTTP status received, 0 when none
    std::string last_error;       ///< why the last attempt failed; empty after success
    std::string delivered_at;     ///< for a delivered one
    std::string url;              ///< the subscription's URL (read with the delivery, for the sender)
    std::string secret;           ///< the subscription's secret (read with the delivery, for signing)
};

/// The result of one attempt, as the dispatcher decided it.
struct DeliveryAttempt {
    std::int64_t delivery_id = 0;
    DeliveryState state = DeliveryState::Pending;  ///< after this attempt
    std::string at;                                ///< when the attempt was made
    std::string next_attempt_at;                   ///< when still Pending
    int status = 0;                                ///< HTTP status, 0 when none came back
    std::string error;                             ///< empty on success
};

struct DeliveryQuery {
    std::int64_t subscription_id = 0;  ///< 0: every subscription
    bool failed_only = false;
    int limit = 50;
    std::int64_t before_id = 0;  ///< cursor: only deliveries with a smaller id; 0 for the newest
};

}  // namespace storybank::store
