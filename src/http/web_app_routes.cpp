// The web app (web/, built into web/dist and embedded as the assets "web/…") under /app/. Screens are addresses
// without a dot (/app/, /app/stories/3) and all get index.html, whose script reads the address; files
// (/app/main-C6SUUCJA.js) are the assets. cpp-httplib compresses text answers (gzip or br) when the client
// accepts it, so nothing is compressed here.
#include "assets/assets.hpp"
#include "core/error.hpp"
#include "http/route_context.hpp"

#include <httplib.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace storybank::http {
namespace {

constexpr std::string_view kPrefix = "/app/";

/// esbuild's content-hashed names: "main-C6SUUCJA.js". Their bytes never change under the same name, so
/// browsers may keep them for a year; anything else is revalidated with its ETag on each use.
bool has_content_hash(std::string_view file) {
    std::size_t dot = file.find('.');
    std::size_t dash = file.rfind('-', dot);
    if (dot == std::string_view::npos || dash == std::string_view::npos || dot - dash - 1 != 8) {
        return false;
    }
    std::string_view hash = file.substr(dash + 1, 8);
    return std::all_of(hash.begin(), hash.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
}

/// True when the If-None-Match list names `etag` (or is "*"): the client's copy is current.
bool client_has(const httplib::Request& request, std::string_view etag) {
    std::string tags = request.get_header_value("If-None-Match");
    return tags == "*" || tags.find(etag) != std::string::npos;
}

void send_asset(const httplib::Request& request, httplib::Response& response, std::string_view asset_path) {
    auto asset = assets::find(asset_path);
    if (!asset) {
        throw Error(ErrorKind::NotFound, "no file " + request.path + " in the web app");
    }
    std::string_view file = asset_path.substr(asset_path.rfind('/') + 1);
    response.set_header("ETag", std::string(asset->etag));
    // Compressed or not depends on the request's Accept-Encoding: shared caches must keep the two apart.
    response.set_header("Vary", "Accept-Encoding");
    response.set_header("Cache-Control", has_content_hash(file) ? "public, max-age=31536000, immutable" : "no-cache");
    if (client_has(request, asset->etag)) {
        response.status = 304;
        return;
    }
    response.set_content(std::string(asset->bytes), std::string(asset->media_type));
}

}  // namespace

void install_web_app_routes(RouteContext& context) {
    context.server.Get("/app", [](const httplib::Request&, httplib::Response& response) {
        response.set_redirect(std::string(kPrefix), 301);
    });
    context.server.Get(R"(/app/(.*))", [](const httplib::Request& request, httplib::Response& response) {
        std::string rest = request.matches[1];
        if (rest.find('.') == std::string::npos) {
            send_asset(request, response, "web/index.html");
        } else {
            send_asset(request, response, "web/" + rest);
        }
    });
}

}  // namespace storybank::http
