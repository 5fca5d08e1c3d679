#include "http/webhook_sender.hpp"

#include "service/webhook_url.hpp"

#include <httplib.h>

namespace storybank::http {

service::WebhookResponse HttpWebhookSender::post(const service::WebhookRequest& request) {
    // The URL was checked when the subscription was made; checked again, as the store is not the only writer.
    std::vector<core::Problem> problems;
    auto url = service::parse_webhook_url(request.url, problems);
    if (!url) {
        return {0, "the webhook URL is not a valid http(s) address without credentials"};
    }
    httplib::Client client(url->origin());
    auto seconds = static_cast<time_t>(m_timeout.count());
    client.set_connection_timeout(seconds, 0);
    client.set_read_timeout(seconds, 0);
    client.set_write_timeout(seconds, 0);
    client.set_follow_location(false);
    client.set_keep_alive(false);
    client.enable_server_certificate_verification(true);
    httplib::Headers headers;
    for (const auto& [name, value] : request.headers) {
        headers.emplace(name, value);
    }
    headers.emplace("User-Agent", "storybank-webhooks/1");
    auto result = client.Post(url->target, headers, request.body, "application/json");
    if (!result) {
        return {0, httplib::to_string(result.error())};
    }
    return {result->status, {}};
}

}  // namespace storybank::http
