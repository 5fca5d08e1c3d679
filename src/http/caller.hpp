#pragma once

#include "service/account_service.hpp"
#include "service/principal.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace httplib {
struct Request;
}

namespace storybank::http {

/// The names of the two cookies a login sets: the session (HttpOnly, never seen by scripts) and its anti-forgery
/// token, which the web app reads and sends back in kCsrfHeader with every write (double submit).
inline constexpr std::string_view kSessionCookie = "storybank_session";
inline constexpr std::string_view kCsrfCookie = "storybank_csrf";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

/// Who sent a request: a principal (from the session cookie or a bearer token) or nobody, and from where.
struct Caller {
    std::optional<service::Principal> principal;
    std::string address;

    /// Memberships for the access policy; none for an anonymous caller.
    auth::Subject subject() const { return principal ? principal->subject : auth::Subject{}; }
    service::Actor actor() const;
    /// Throws Error(Unauthenticated) for an anonymous caller.
    const service::Principal& signed_in() const;
    /// For an API token: throws Error(Forbidden) unless the token has `scope`. Sessions pass.
    void require_scope(std::string_view scope) const;
};

/// Identifies the caller. A bearer token that is unknown or revoked is refused (Error(Unauthenticated)): an
/// integration must learn that its token stopped working. A session cookie that ended is treated as no cookie.
/// For a write (any method but GET and HEAD) under a session, the anti-forgery header must match the session's
/// token, otherwise Error(Forbidden): a page on another site cannot make the browser write for its user.
Caller identify(const httplib::Request& request, service::AccountService& accounts);

/// The value of a cookie of the request, or empty.
std::string cookie_value(const httplib::Request& request, std::string_view name);

}  // namespace storybank::http
