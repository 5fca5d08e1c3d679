#include "service/webhook_url.hpp"

#include "service/account_problems.hpp"

#include <algorithm>
#include <charconv>

namespace storybank::service {
namespace {

constexpr std::size_t kMaxUrlLength = 2048;

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return out;
}

std::optional<WebhookUrl> refuse(std::vector<core::Problem>& problems, std::string message_id, std::string_view url) {
    problems.push_back(detail::refusal("url", std::move(message_id), {{"url", std::string(url)}}));
    return std::nullopt;
}

}  // namespace

std::string WebhookUrl::origin() const {
    return scheme + "://" + host + ":" + std::to_string(port);
}

std::optional<WebhookUrl> parse_webhook_url(std::string_view text, std::vector<core::Problem>& problems) {
    if (text.empty() || text.size() > kMaxUrlLength ||
        std::any_of(text.begin(), text.end(), [](unsigned char c) { return c <= ' ' || c == 0x7f; })) {
        return refuse(problems, "webhook-url-invalid", text);
    }
    std::size_t scheme_end = text.find("://");
    if (scheme_end == std::string_view::npos) {
        return refuse(problems, "webhook-url-invalid", text);
    }
    WebhookUrl url;
    url.scheme = lower(text.substr(0, scheme_end));
    if (url.scheme != "http" && url.scheme != "https") {
        return refuse(problems, "webhook-url-scheme", text);
    }
    std::string_view rest = text.substr(scheme_end + 3);
    if (rest.find('#') != std::string_view::npos) {
        return refuse(problems, "webhook-url-invalid", text);
    }
    std::size_t authority_end = rest.find_first_of("/?");
    std::string_view authority = rest.substr(0, authority_end);
    std::string_view target = authority_end == std::string_view::npos ? "" : rest.substr(authority_end);
    if (authority.find('@') != std::string_view::npos) {
        return refuse(problems, "webhook-url-credentials", text);
    }
    url.port = url.scheme == "https" ? 443 : 80;
    std::string_view host = authority;
    std::size_t port_start = std::string_view::npos;
    if (authority.starts_with('[')) {
        std::size_t close = authority.find(']');
        if (close == std::string_view::npos) {
            return refuse(problems, "webhook-url-invalid", text);
        }
        host = authority.substr(0, close + 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') {
                return refuse(problems, "webhook-url-invalid", text);
            }
            port_start = close + 2;
        }
    } else if (std::size_t colon = authority.find(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        port_start = colon + 1;
    }
    if (port_start != std::string_view::npos) {
        std::string_view digits = authority.substr(port_start);
        int port = 0;
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
        if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || port < 1 ||
            port > 65535) {
            return refuse(problems, "webhook-url-invalid", text);
        }
        url.port = port;
    }
    if (host.empty() || host == "[]") {
        return refuse(problems, "webhook-url-invalid", text);
    }
    url.host = lower(host);
    url.target = target.empty() ? "/" : std::string(target);
    if (url.target.front() == '?') {
        url.target.insert(url.target.begin(), '/');
    }
    return url;
}

}  // namespace storybank::service
