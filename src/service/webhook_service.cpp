#include "service/webhook_service.hpp"

#include "auth/secret_token.hpp"
#include "core/error.hpp"
#include "service/account_problems.hpp"
#include "service/webhook_url.hpp"

#include <algorithm>

namespace storybank::service {

Outcome<NewWebhook> WebhookService::add(const Actor& actor,
                                        std::string_view url,
                                        const std::vector<std::string>& events) {
    std::vector<core::Problem> problems;
    auto parsed = parse_webhook_url(url, problems);
    std::vector<std::string> chosen;
    for (const auto& event : events) {
        if (std::find(kWebhookEvents.begin(), kWebhookEvents.end(), event) == kWebhookEvents.end()) {
            problems.push_back(detail::refusal("events", "webhook-event-unknown", {{"event", event}}));
        } else if (std::find(chosen.begin(), chosen.end(), event) == chosen.end()) {
            chosen.push_back(event);
        }
    }
    if (events.empty()) {
        problems.push_back(detail::refusal("events", "webhook-events-missing"));
    }
    if (!problems.empty()) {
        return Outcome<NewWebhook>::refused(std::move(problems));
    }
    store::WebhookSubscription subscription;
    subscription.url = std::string(url);
    subscription.events = chosen;
    subscription.secret = auth::SecretToken::generate().text();
    subscription.created_by = actor.user_id;
    subscription.created_at = m_clock.now_iso8601();
    std::string joined;
    for (const auto& event : chosen) {
        joined += (joined.empty() ? "" : " ") + event;
    }
    // The URL and events go to the audit log; the secret never does.
    std::int64_t id = m_store.create_webhook(
        subscription, m_audit.entry(actor, audit_action::kWebhookCreate, "webhook", {},
                                    {{"url", parsed->origin() + parsed->target}, {"events", joined}}));
    return Outcome<NewWebhook>::done({id, subscription.secret});
}

std::vector<store::WebhookSubscription> WebhookService::list() {
    std::vector<store::WebhookSubscription> found = m_store.webhooks();
    for (auto& subscription : found) {
        subscription.secret.clear();
    }
    return found;
}

bool WebhookService::disable(const Actor& actor, std::int64_t webhook_id) {
    return m_store.disable_webhook(
        webhook_id, m_clock.now_iso8601(),
        m_audit.entry(actor, audit_action::kWebhookDisable, "webhook", std::to_string(webhook_id)));
}

std::vector<store::WebhookDelivery> WebhookService::deliveries(const store::DeliveryQuery& query) {
    if (query.subscription_id != 0 && !m_store.find_webhook(query.subscription_id)) {
        throw Error(ErrorKind::NotFound, "there is no webhook " + std::to_string(query.subscription_id));
    }
    return m_store.webhook_deliveries(query);
}

void WebhookService::require_coordinator(const Principal& principal) {
    const auto& memberships = principal.subject.memberships;
    bool coordinator = std::any_of(memberships.begin(), memberships.end(),
                                   [](const auto& membership) { return membership.role == auth::Role::Coordinator; });
    if (!coordinator || principal.credential != Credential::Session) {
        throw Error(ErrorKind::Forbidden, "only coordinators, signed in, may manage webhooks");
    }
}

Outcome<NewWebhook> WebhookService::add_for(const Principal& principal,
                                            std::string_view url,
                                            const std::vector<std::string>& events,
                                            const Actor& actor) {
    require_coordinator(principal);
    return add(actor, url, events);
}

std::vector<store::WebhookSubscription> WebhookService::list_for(const Principal& principal) {
    require_coordinator(principal);
    return list();
}

bool WebhookService::disable_for(const Principal& principal, std::int64_t webhook_id, const Actor& actor) {
    require_coordinator(principal);
    return disable(actor, webhook_id);
}

std::vector<store::WebhookDelivery> WebhookService::deliveries_for(const Principal& principal,
                                                                   const store::DeliveryQuery& query) {
    require_coordinator(principal);
    return deliveries(query);
}

}  // namespace storybank::service
