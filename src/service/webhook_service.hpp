#pragma once

#include "service/actor.hpp"
#include "service/audit_log.hpp"
#include "service/clock.hpp"
#include "service/outcome.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::service {

/// The events a webhook may subscribe to (service/story_events.hpp names them).
inline constexpr std::array<std::string_view, 3> kWebhookEvents = {"story.created", "story.updated",
                                                                   "story.transitioned"};

/// A subscription just made, with its secret: the only time the secret is shown.
struct NewWebhook {
    std::int64_t id = 0;
    std::string secret;
};

/// Webhook subscriptions and their delivery log, with the rules: only coordinators manage them, URLs are http(s)
/// without credentials, events are known ones. Listings never carry the secret.
class WebhookService {
public:
    WebhookService(store::Store& store, const Clock& clock) : m_store(store), m_clock(clock), m_audit(store, clock) {}

    /// Adds a subscription and makes its secret (audited as webhook.create, without the secret). `created_by` is
    /// the user, 0 from the command line. Problems: webhook-url-invalid, webhook-url-scheme,
    /// webhook-url-credentials (field "url"), webhook-events-missing, webhook-event-unknown (field "events").
    Outcome<NewWebhook> add(const Actor& actor, std::string_view url, const std::vector<std::string>& events);
    /// Every subscription, secrets left out.
    std::vector<store::WebhookSubscription> list();
    /// Stops a subscription (audited as webhook.disable). False when it was disabled already; Error(NotFound)
    /// for an unknown id.
    bool disable(const Actor& actor, std::int64_t webhook_id);
    /// The delivery log, newest first. Error(NotFound) for an unknown subscription id (0: all of them).
    std::vector<store::WebhookDelivery> deliveries(const store::DeliveryQuery& query);

    // The same as a signed-in user: only coordinators, with a session (a token's scopes do not cover webhooks),
    // others get Error(Forbidden).
    Outcome<NewWebhook> add_for(const Principal& principal,
                                std::string_view url,
                                const std::vector<std::string>& events,
                                const Actor& actor);
    std::vector<store::WebhookSubscription> list_for(const Principal& principal);
    bool disable_for(const Principal& principal, std::int64_t webhook_id, const Actor& actor);
    std::vector<store::WebhookDelivery> deliveries_for(const Principal& principal, const store::DeliveryQuery& query);

private:
    static void require_coordinator(const Principal& principal);

private:  // data
    store::Store& m_store;
    const Clock& m_clock;
    AuditLog m_audit;
};

}  // namespace storybank::service
