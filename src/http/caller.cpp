#include "http/caller.hpp"

#include "core/error.hpp"

#include <httplib.h>

namespace storybank::http {
namespace {

bool is_write(const std::string& method) {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::string_view trimmed(std::string_view text) {
    std::size_t start = text.find_first_not_of(" \t");
    if (start == std::string_view::npos) {
        return {};
    }
    std::size_t end = text.find_last_not_of(" \t");
    return text.substr(start, end - start + 1);
}

}  // namespace

service::Actor Caller::actor() const {
    if (principal) {
        return principal->actor(address);
    }
    service::Actor anonymous("anonymous");
    anonymous.address = address;
    return anonymous;
}

const service::Principal& Caller::signed_in() const {
    if (!principal) {
        throw Error(ErrorKind::Unauthenticated, "log in first: this needs an account (POST /api/v1/session)");
    }
    return *principal;
}

void Caller::require_scope(std::string_view scope) const {
    if (principal && !principal->has_scope(scope)) {
        throw Error(ErrorKind::Forbidden, "this API token may not do this: it lacks the scope '" + std::string(scope) +
                                              "'; create a token with that scope");
    }
}

std::string cookie_value(const httplib::Request& request, std::string_view name) {
    // Several Cookie headers may arrive (HTTP/2 proxies split them); each holds "a=1; b=2".
    std::size_t count = request.get_header_value_count("Cookie");
    for (std::size_t i = 0; i < count; ++i) {
        std::string header = request.get_header_value("Cookie", i);
        std::string_view rest = header;
        while (!rest.empty()) {
            std::size_t end = rest.find(';');
            std::string_view pair = trimmed(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            std::size_t equals = pair.find('=');
            if (equals != std::string_view::npos && trimmed(pair.substr(0, equals)) == name) {
                return std::string(trimmed(pair.substr(equals + 1)));
            }
        }
    }
    return {};
}

Caller identify(const httplib::Request& request, service::AccountService& accounts) {
    Caller caller;
    caller.address = request.remote_addr;
    std::string authorization = request.get_header_value("Authorization");
    if (!authorization.empty()) {
        constexpr std::string_view kBearer = "Bearer ";
        if (!authorization.starts_with(kBearer)) {
            throw Error(ErrorKind::Unauthenticated, "the Authorization header must be 'Bearer <API token>'");
        }
        caller.principal = accounts.api_token(trimmed(std::string_view(authorization).substr(kBearer.size())));
        if (!caller.principal) {
            throw Error(ErrorKind::Unauthenticated, "this API token is unknown or was revoked; ask for a new one");
        }
        return caller;
    }
    std::string session = cookie_value(request, kSessionCookie);
    if (session.empty()) {
        return caller;
    }
    caller.principal = accounts.session(session);
    if (caller.principal && is_write(request.method) &&
        !service::AccountService::csrf_matches(*caller.principal, request.get_header_value(std::string(kCsrfHeader)))) {
        throw Error(ErrorKind::Forbidden, "the anti-forgery token (header " + std::string(kCsrfHeader) +
                                              ") is missing or wrong; reload the page and try again");
    }
    return caller;
}

}  // namespace storybank::http
