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

/// Whether an IPv4 or IPv6 address (text, without brackets) is one of the public internet's: not loopback,
/// private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10, where cloud metadata
/// services answer), shared (100.64/10), unspecified, multicast, reserved or documentation ranges, and not an
/// IPv4-mapped IPv6 form of those. Webhooks go only to public addresses unless the operator allows others, so
/// that a subscription cannot make the server probe its own network. False for text that is not an address.
bool is_public_address(std::string_view address);

}  // namespace storybank::service
