#pragma once

#include "service/webhook_dispatcher.hpp"

#include <chrono>
#include <cstdint>

namespace storybank::http {

/// Whether webhooks may go to addresses that are not the public internet's (service::is_public_address).
enum class PrivateAddresses : std::uint8_t { Refuse, Allow };

/// Posts webhook deliveries with cpp-httplib: a new connection per delivery, connection and read timeouts,
/// redirects not followed (a 3xx is an answer, counted as a failure), TLS certificates verified for https. The
/// receiver's name is resolved once, the address checked, and the connection made to that very address, so
/// that a name that resolves differently the second time cannot lead to the server's own network.
class HttpWebhookSender final : public service::WebhookSender {
public:
    explicit HttpWebhookSender(std::chrono::seconds timeout = std::chrono::seconds(5),
                               PrivateAddresses private_addresses = PrivateAddresses::Refuse)
        : m_timeout(timeout), m_private_addresses(private_addresses) {}

    /// Never throws for a receiver's failure: it comes back as status 0 and a reason.
    service::WebhookResponse post(const service::WebhookRequest& request) override;

private:  // data
    std::chrono::seconds m_timeout;
    PrivateAddresses m_private_addresses;
};

}  // namespace storybank::http
