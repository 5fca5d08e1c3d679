#include "service/webhook_url.hpp"

#include "service/account_problems.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <charconv>
#include <cstdint>

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

namespace {

bool is_public_ipv4(std::uint32_t a) {
    auto in = [a](std::uint32_t network, int bits) { return (a >> (32 - bits)) == (network >> (32 - bits)); };
    return !(in(0x00000000, 8)       // "this network", 0.0.0.0
             || in(0x0A000000, 8)    // private
             || in(0x64400000, 10)   // shared address space (carrier-grade NAT)
             || in(0x7F000000, 8)    // loopback
             || in(0xA9FE0000, 16)   // link-local, cloud metadata
             || in(0xAC100000, 12)   // private
             || in(0xC0000000, 24)   // IETF protocol assignments
             || in(0xC0000200, 24)   // documentation
             || in(0xC0A80000, 16)   // private
             || in(0xC6120000, 15)   // benchmarking
             || in(0xC6336400, 24)   // documentation
             || in(0xCB007100, 24)   // documentation
             || in(0xE0000000, 4)    // multicast
             || in(0xF0000000, 4));  // reserved, broadcast
}

}  // namespace

bool is_public_address(std::string_view address) {
    std::string text(address);
    std::array<unsigned char, 16> bytes{};
    if (inet_pton(AF_INET, text.c_str(), bytes.data()) == 1) {
        return is_public_ipv4(std::uint32_t{bytes[0]} << 24 | std::uint32_t{bytes[1]} << 16 |
                              std::uint32_t{bytes[2]} << 8 | bytes[3]);
    }
    if (inet_pton(AF_INET6, text.c_str(), bytes.data()) != 1) {
        return false;
    }
    bool mapped_ipv4 = std::all_of(bytes.begin(), bytes.begin() + 10, [](unsigned char b) { return b == 0; }) &&
                       bytes[10] == 0xFF && bytes[11] == 0xFF;
    if (mapped_ipv4) {
        return is_public_ipv4(std::uint32_t{bytes[12]} << 24 | std::uint32_t{bytes[13]} << 16 |
                              std::uint32_t{bytes[14]} << 8 | bytes[15]);
    }
    bool zero_prefix = std::all_of(bytes.begin(), bytes.begin() + 15, [](unsigned char b) { return b == 0; });
    if (zero_prefix && bytes[15] <= 1) {
        return false;  // :: and ::1
    }
    // Only global unicast (2000::/3) is public; within it, documentation (2001:db8::/32) is not.
    if ((bytes[0] & 0xE0) != 0x20) {
        return false;
    }
    return !(bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8);
}

}  // namespace storybank::service
