// storybank webhook add / list / disable / deliveries: administration from the command line, acting as "cli".
#include "cli/commands.hpp"
#include "cli/composition.hpp"
#include "cli/problem_lines.hpp"

#include <iostream>

namespace storybank::cli {
namespace {

std::string or_dash(const std::string& text) {
    return text.empty() ? "-" : text;
}

}  // namespace

int run_webhook_add(const GlobalOptions& options, const WebhookArguments& arguments) {
    auto application = make_application(options, NeedsStore::Yes);
    auto created = application->webhooks->add(service::Actor::command_line(), arguments.url, arguments.events);
    if (!created.ok()) {
        std::cerr << "storybank: " << refusal_line(created.problems, application->messages, options.language) << '\n';
        return 1;
    }
    // The secret alone on stdout, so a script can capture it; the explanation on stderr.
    std::cout << created.value->secret << '\n';
    std::cerr << application->messages.render(options.language, "cli-webhook-created",
                                              {{"id", std::to_string(created.value->id)}, {"url", arguments.url}})
              << '\n';
    return 0;
}

int run_webhook_list(const GlobalOptions& options) {
    auto application = make_application(options, NeedsStore::Yes);
    for (const auto& webhook : application->webhooks->list()) {
        std::string events;
        for (const auto& event : webhook.events) {
            events += (events.empty() ? "" : ",") + event;
        }
        std::cout << webhook.id << '\t' << webhook.url << '\t' << events << '\t' << webhook.created_at << '\t'
                  << or_dash(webhook.disabled_at) << '\n';
    }
    return 0;
}

int run_webhook_disable(const GlobalOptions& options, std::int64_t id) {
    auto application = make_application(options, NeedsStore::Yes);
    bool disabled = application->webhooks->disable(service::Actor::command_line(), id);
    std::cout << application->messages.render(options.language,
                                              disabled ? "cli-webhook-disabled" : "cli-webhook-already-disabled",
                                              {{"id", std::to_string(id)}})
              << '\n';
    return 0;
}

int run_webhook_deliveries(const GlobalOptions& options, const WebhookArguments& arguments) {
    auto application = make_application(options, NeedsStore::Yes);
    store::DeliveryQuery query;
    query.subscription_id = arguments.id;
    query.failed_only = arguments.failed;
    query.limit = arguments.limit;
    for (const auto& delivery : application->webhooks->deliveries(query)) {
        std::string when =
            delivery.state == store::DeliveryState::Delivered ? delivery.delivered_at : delivery.next_attempt_at;
        std::cout << delivery.id << '\t' << delivery.subscription_id << '\t' << delivery.event_type << '\t'
                  << store::delivery_state_name(delivery.state) << '\t' << delivery.attempts << '\t'
                  << delivery.last_status << '\t' << or_dash(delivery.last_error) << '\t' << or_dash(when) << '\n';
    }
    return 0;
}

}  // namespace storybank::cli
