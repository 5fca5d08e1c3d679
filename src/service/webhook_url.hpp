#pragma once

#include "core/problem.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::service {

/// A receiver's address, split the way an HTTP client wants it.
struct WebhookUrl {
    std::string scheme;  ///< "http" or "https"
    std::string host;    ///< a name, an IPv4 address, or an IPv6 address in brackets
    int port = 0;        ///< the explicit port, or 80 / 443
    std::string target;  ///< path and query, "/" at least

    /// "scheme://host:port", what an HTTP client is opened on.
    std::string origin() const;
};

/// The URL a webhook may be sent to, or the problems that say why not (field "url"): only http:// and https://,
/// a host, no user name or password in it (they would be shown in every listing and log), no fragment, no
/// spaces or control characters, at most 2048 characters.
/// Problems: webhook-url-invalid, webhook-url-scheme, webhook-url-credentials.
std::optional<WebhookUrl> parse_webhook_url(std::string_view text, std::vector<core::Problem>& problems);

}  // namespace storybank::service
