#include "service/webhook_url.hpp"

#include <gtest/gtest.h>

namespace storybank::service {
namespace {

struct Case {
    std::string_view name;
    std::string_view url;
    std::string_view origin;  ///< empty: refused
    std::string_view target;
    std::string_view message_id;
};

TEST(WebhookUrl, AcceptsHttpAndHttpsOnly) {
    const Case kCases[] = {
        {"plain", "http://127.0.0.1:8081/hook", "http://127.0.0.1:8081", "/hook", ""},
        {"https default port", "https://Hooks.Example.org/in?x=1", "https://hooks.example.org:443", "/in?x=1", ""},
        {"no path", "http://example.org", "http://example.org:80", "/", ""},
        {"query only", "http://example.org?a=b", "http://example.org:80", "/?a=b", ""},
        {"ipv6", "http://[::1]:9000/h", "http://[::1]:9000", "/h", ""},
        {"upper-case scheme", "HTTPS://example.org/", "https://example.org:443", "/", ""},
        {"ftp", "ftp://example.org/hook", "", "", "webhook-url-scheme"},
        {"file", "file:///etc/passwd", "", "", "webhook-url-scheme"},
        {"javascript", "javascript://alert(1)", "", "", "webhook-url-scheme"},
        {"user and password", "https://user:pw@example.org/hook", "", "", "webhook-url-credentials"},
        {"user only", "http://user@example.org/", "", "", "webhook-url-credentials"},
        {"no scheme", "example.org/hook", "", "", "webhook-url-invalid"},
        {"empty", "", "", "", "webhook-url-invalid"},
        {"space", "http://example.org/a b", "", "", "webhook-url-invalid"},
        {"no host", "http:///hook", "", "", "webhook-url-invalid"},
        {"port zero", "http://example.org:0/", "", "", "webhook-url-invalid"},
        {"port too large", "http://example.org:70000/", "", "", "webhook-url-invalid"},
        {"port not a number", "http://example.org:80a/", "", "", "webhook-url-invalid"},
        {"fragment", "http://example.org/#x", "", "", "webhook-url-invalid"},
    };
    for (const auto& test_case : kCases) {
        std::vector<core::Problem> problems;
        auto url = parse_webhook_url(test_case.url, problems);
        if (test_case.origin.empty()) {
            EXPECT_FALSE(url.has_value()) << test_case.name;
            ASSERT_EQ(problems.size(), 1U) << test_case.name;
            EXPECT_EQ(problems[0].message_id, test_case.message_id) << test_case.name;
            EXPECT_EQ(problems[0].field, "url") << test_case.name;
        } else {
            ASSERT_TRUE(url.has_value()) << test_case.name;
            EXPECT_TRUE(problems.empty()) << test_case.name;
            EXPECT_EQ(url->origin(), test_case.origin) << test_case.name;
            EXPECT_EQ(url->target, test_case.target) << test_case.name;
        }
    }
}

TEST(WebhookUrl, OnlyPublicAddressesArePublic) {
    for (const char* address : {"8.8.8.8", "1.1.1.1", "41.73.160.10", "100.63.255.255", "172.32.0.1",
                                "2001:4860:4860::8888", "2a00:1450::1", "::ffff:8.8.8.8"}) {
        EXPECT_TRUE(is_public_address(address)) << address;
    }
    for (const char* address : {"127.0.0.1",       "127.255.0.9",     "10.1.2.3",   "172.16.0.1",  "172.31.255.255",
                                "192.168.1.10",    "169.254.169.254", "100.64.0.1", "0.0.0.0",     "224.0.0.1",
                                "255.255.255.255", "192.0.2.7",       "::1",        "::",          "fc00::1",
                                "fd12::5",         "fe80::1",         "ff02::1",    "2001:db8::1", "::ffff:127.0.0.1",
                                "::ffff:10.0.0.1", "localhost",       "",           "1.2.3",       "[::1]"}) {
        EXPECT_FALSE(is_public_address(address)) << address;
    }
}

}  // namespace
}  // namespace storybank::service
