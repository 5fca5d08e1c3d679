#pragma once

#include "service/webhook_dispatcher.hpp"

#include <chrono>

namespace storybank::http {

/// Posts webhook deliveries with cpp-httplib: a new connection per delivery, connection and read timeouts,
/// redirects not followed (a 3xx is an answer, counted as a failure), TLS certificates verified for https.
class HttpWebhookSender final : public service::WebhookSender {
public:
    explicit HttpWebhookSender(std::chrono::seconds timeout = std::chrono::seconds(5)) : m_timeout(timeout) {}

    /// Never throws for a receiver's failure: it comes back as status 0 and a reason.
    service::WebhookResponse post(const service::WebhookRequest& request) override;

private:  // data
    std::chrono::seconds m_timeout;
};

}  // namespace storybank::http
