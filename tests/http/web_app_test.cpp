// The web app under /app/: screens get index.html (revalidated each time), files get their embedded bytes with
// an ETag, a one-year cache for content-hashed names, and compression when the browser accepts it.
#include "assets/assets.hpp"
#include "test_server.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace {

using storybank::testing::TestServer;

/// The script index.html loads ("main-C6SUUCJA.js"); empty when this build embeds no web app (no npm build ran).
std::string script_name() {
    auto index = storybank::assets::find("web/index.html");
    std::smatch match;
    static const std::regex kScript(R"re(src="/app/([^"]+\.js)")re");
    std::string html = index ? std::string(index->bytes) : "";
    return std::regex_search(html, match, kScript) ? match[1].str() : "";
}

class WebApp : public ::testing::Test {
protected:
    void SetUp() override {
        if (script_name().empty()) {
            GTEST_SKIP() << "this build embeds no web app: run `make web` (npm run build in web/) before the build";
        }
    }
    TestServer server{"web-app"};
};

TEST_F(WebApp, ScreensGetIndexHtmlRevalidatedEachTime) {
    auto client = server.client();
    for (const char* path : {"/app/", "/app/stories/3", "/app/queue", "/app/sign-in"}) {
        auto response = client.Get(path);
        ASSERT_TRUE(response) << path;
        EXPECT_EQ(response->status, 200) << path;
        EXPECT_EQ(response->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
        EXPECT_EQ(response->get_header_value("Cache-Control"), "no-cache") << path;
        EXPECT_NE(response->body.find(script_name()), std::string::npos) << path;
        // The app must run under the server's CSP, which allows no inline script.
        EXPECT_EQ(response->body.find("<script>"), std::string::npos) << path;
    }
    auto redirect = client.Get("/app");
    ASSERT_TRUE(redirect);
    EXPECT_EQ(redirect->status, 301);
    EXPECT_EQ(redirect->get_header_value("Location"), "/app/");
}

TEST_F(WebApp, HashedFilesAreCachedForAYearAndRevalidatedByETag) {
    auto client = server.client();
    std::string path = "/app/" + script_name();
    auto response = client.Get(path);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(response->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
    auto asset = storybank::assets::find("web/" + script_name());
    ASSERT_TRUE(asset);
    std::string etag = response->get_header_value("ETag");
    EXPECT_EQ(etag, asset->etag);
    EXPECT_EQ(response->body, asset->bytes);

    auto again = client.Get(path, {{"If-None-Match", etag}});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 304);
    EXPECT_TRUE(again->body.empty());
}

TEST_F(WebApp, TextIsCompressedWhenTheBrowserAcceptsIt) {
    auto client = server.client();
    client.set_decompress(false);
    auto response = client.Get("/app/" + script_name(), {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(response);
    EXPECT_EQ(response->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(response->get_header_value("Vary"), "Accept-Encoding");
    EXPECT_LT(response->body.size(), storybank::assets::find("web/" + script_name())->bytes.size() / 2);
}

// The service worker has no content hash in its name (its address is its identity for the browser): it is
// revalidated on each check, so a new build's worker, which names the new build's files, replaces the old one.
TEST_F(WebApp, ServiceWorkerIsRevalidatedEachTimeAndNamesTheBuildsFiles) {
    auto client = server.client();
    auto response = client.Get("/app/sw.js");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(response->get_header_value("Cache-Control"), "no-cache");
    EXPECT_NE(response->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
    EXPECT_NE(response->body.find("/app/" + script_name()), std::string::npos);
}

TEST_F(WebApp, MissingFilesAreNotFound) {
    auto client = server.client();
    for (const char* path : {"/app/missing-ABCDEFGH.js", "/app/../resources/i18n/fr.json", "/app/.env"}) {
        auto response = client.Get(path);
        ASSERT_TRUE(response) << path;
        EXPECT_EQ(response->status, 404) << path;
    }
}

}  // namespace
