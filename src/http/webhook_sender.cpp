#include "http/webhook_sender.hpp"

#include "service/webhook_url.hpp"

#include <httplib.h>

#include <memory>
#include <netdb.h>
#include <optional>

namespace storybank::http {
namespace {

/// The first address a host name (or address) resolves to, as text; nullopt when it does not resolve.
std::optional<std::string> resolve(const std::string& host, int port) {
    std::string name = host.starts_with('[') ? host.substr(1, host.size() - 2) : host;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(name.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || found == nullptr) {
        return std::nullopt;
    }
    std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> owned(found, freeaddrinfo);
    std::array<char, NI_MAXHOST> text{};
    if (getnameinfo(found->ai_addr, found->ai_addrlen, text.data(), text.size(), nullptr, 0, NI_NUMERICHOST) != 0) {
        return std::nullopt;
    }
    return std::string(text.data());
}

}  // namespace

service::WebhookResponse HttpWebhookSender::post(const service::WebhookRequest& request) {
    // The URL was checked when the subscription was made; checked again, as the store is not the only writer.
    std::vector<core::Problem> problems;
    auto url = service::parse_webhook_url(request.url, problems);
    if (!url) {
        return {0, "the webhook URL is not a valid http(s) address without credentials"};
    }
    std::optional<std::string> address = resolve(url->host, url->port);
    if (!address) {
        return {0, "the webhook's host " + url->host + " could not be resolved"};
    }
    if (m_private_addresses == PrivateAddresses::Refuse && !service::is_public_address(*address)) {
        return {0, "the webhook's host " + url->host + " is at " + *address +
                       ", not a public internet address; storybank serve sends webhooks there only with "
                       "--webhook-private-addresses allow"};
    }
    httplib::Client client(url->origin());
    // Connect to the address just checked, not to whatever the name resolves to next.
    std::string bare_host = url->host.starts_with('[') ? url->host.substr(1, url->host.size() - 2) : url->host;
    client.set_hostname_addr_map({{bare_host, *address}});
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
