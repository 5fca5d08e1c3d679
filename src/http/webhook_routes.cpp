// Webhook subscriptions and their delivery log, for coordinators (the rule lives in service::WebhookService).
#include "core/error.hpp"
#include "http/route_context.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace storybank::http {
namespace {

/// A subscription as listed: never its secret.
nlohmann::json webhook_to_json(const store::WebhookSubscription& webhook) {
    return {{"id", webhook.id},
            {"url", webhook.url},
            {"events", webhook.events},
            {"active", webhook.active},
            {"created_by", webhook.created_by},
            {"created_at", webhook.created_at},
            {"disabled_at", webhook.disabled_at.empty() ? nlohmann::json() : nlohmann::json(webhook.disabled_at)}};
}

nlohmann::json delivery_to_json(const store::WebhookDelivery& delivery) {
    auto text_or_null = [](const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); };
    return {{"id", delivery.id},
            {"webhook_id", delivery.subscription_id},
            {"event_id", delivery.event_id},
            {"event", delivery.event_type},
            {"state", store::delivery_state_name(delivery.state)},
            {"attempts", delivery.attempts},
            {"created_at", delivery.created_at},
            {"next_attempt_at", text_or_null(delivery.next_attempt_at)},
            {"last_status", delivery.last_status},
            {"last_error", text_or_null(delivery.last_error)},
            {"delivered_at", text_or_null(delivery.delivered_at)}};
}

/// {"url": "https://…", "events": ["story.created", …]}; Error(InvalidRequest) naming the field otherwise.
std::pair<std::string, std::vector<std::string>> subscription_from_body(const std::string& body) {
    nlohmann::json fields = nlohmann::json::parse(body, nullptr, false);
    if (!fields.is_object()) {
        throw Error(ErrorKind::InvalidRequest,
                    "send a JSON object: {\"url\": \"https://…\", \"events\": [\"story.created\"]}");
    }
    if (!fields.contains("url") || !fields["url"].is_string()) {
        throw Error(ErrorKind::InvalidRequest, "the field 'url' must be the receiver's address, as a string");
    }
    std::vector<std::string> events;
    if (fields.contains("events")) {
        if (!fields["events"].is_array()) {
            throw Error(ErrorKind::InvalidRequest, "the field 'events' must be a list of event names");
        }
        for (const auto& event : fields["events"]) {
            if (!event.is_string()) {
                throw Error(ErrorKind::InvalidRequest, "the field 'events' must be a list of event names");
            }
            events.push_back(event.get<std::string>());
        }
    }
    return {fields["url"].get<std::string>(), events};
}

}  // namespace

void install_webhook_routes(RouteContext& context) {
    auto& server = context.server;
    auto& webhooks = context.webhooks;

    server.Get("/api/v1/webhooks", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& webhook : webhooks.list_for(caller.signed_in())) {
            list.push_back(webhook_to_json(webhook));
        }
        response.set_content(nlohmann::json{{"webhooks", list}}.dump(), std::string(kJson));
    });

    server.Post("/api/v1/webhooks", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        const service::Principal& principal = caller.signed_in();
        auto [url, events] = subscription_from_body(json_body(request));
        auto outcome = webhooks.add_for(principal, url, events, caller.actor());
        if (!outcome.ok()) {
            context.refuse(request, response, outcome.problems);
            return;
        }
        // The only answer that carries the secret.
        response.status = 201;
        response.set_header("Location", "/api/v1/webhooks/" + std::to_string(outcome.value->id));
        response.set_header("Cache-Control", "no-store");
        nlohmann::json body = {
            {"id", outcome.value->id}, {"url", url}, {"events", events}, {"secret", outcome.value->secret}};
        response.set_content(body.dump(), std::string(kJson));
    });

    server.Delete(R"(/api/v1/webhooks/([^/]+))", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        const service::Principal& principal = caller.signed_in();
        webhooks.disable_for(principal, parse_id(request.matches[1], "the webhook id"), caller.actor());
        response.status = 204;
    });

    server.Get(
        R"(/api/v1/webhooks/([^/]+)/deliveries)", [&](const httplib::Request& request, httplib::Response& response) {
            Caller caller = context.caller(request);
            store::DeliveryQuery query;
            query.subscription_id = parse_id(request.matches[1], "the webhook id");
            query.failed_only = request.get_param_value("state") == "failed";
            query.limit = int_parameter(request, "limit", 50, 1, 1000);
            query.before_id = request.has_param("before") ? parse_id(request.get_param_value("before"), "before") : 0;
            nlohmann::json list = nlohmann::json::array();
            for (const auto& delivery : webhooks.deliveries_for(caller.signed_in(), query)) {
                list.push_back(delivery_to_json(delivery));
            }
            response.set_content(nlohmann::json{{"deliveries", list}}.dump(), std::string(kJson));
        });
}

}  // namespace storybank::http
