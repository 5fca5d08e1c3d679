// Login, logout, who am I, and accepting an invitation.
#include "core/error.hpp"
#include "http/json_io.hpp"
#include "http/route_context.hpp"

#include <httplib.h>

namespace storybank::http {
namespace {

std::string cookie(std::string_view name, std::string_view value, bool http_only, bool secure, bool expire) {
    // No Max-Age: the cookie ends with the browser, and the server ends the session anyway (idle and absolute
    // limits). SameSite=Lax keeps it off cross-site posts.
    std::string out = std::string(name) + "=" + std::string(value) + "; Path=/; SameSite=Lax";
    if (http_only) {
        out += "; HttpOnly";
    }
    if (secure) {
        out += "; Secure";
    }
    if (expire) {
        out += "; Max-Age=0";
    }
    return out;
}

std::string field(const std::map<std::string, std::string>& fields, const std::string& name) {
    auto found = fields.find(name);
    return found != fields.end() ? found->second : std::string();
}

}  // namespace

void install_session_routes(RouteContext& context) {
    auto& server = context.server;
    server.Post("/api/v1/session", [&context](const httplib::Request& request, httplib::Response& response) {
        auto fields = string_fields(json_body(request));
        service::LoginOutcome outcome =
            context.accounts.login(field(fields, "email"), field(fields, "password"), request.remote_addr);
        if (!outcome.session) {
            if (outcome.retry_at) {
                response.set_header("Retry-After", std::to_string(outcome.retry_after.count()));
                context.refuse(request, response, outcome.problems, 429, "too_many_requests");
            } else {
                context.refuse(request, response, outcome.problems, 401, "unauthenticated");
            }
            return;
        }
        bool secure = context.options.secure_cookies;
        response.set_header("Set-Cookie", cookie(kSessionCookie, outcome.session->token, true, secure, false));
        response.set_header("Set-Cookie", cookie(kCsrfCookie, outcome.session->csrf_token, false, secure, false));
        auto principal = context.accounts.session(outcome.session->token);
        if (!principal) {
            throw Error(ErrorKind::Internal, "a session just made was not found", "login");
        }
        response.status = 201;
        response.set_content(principal_to_json(*principal, outcome.session->csrf_token), std::string(kJson));
    });

    server.Get("/api/v1/session", [&context](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        response.set_content(principal_to_json(caller.signed_in(), std::nullopt), std::string(kJson));
    });

    server.Delete("/api/v1/session", [&context](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);  // checks the anti-forgery token: logging out is a write
        if (caller.principal && caller.principal->credential == service::Credential::Session) {
            context.accounts.logout(cookie_value(request, kSessionCookie), caller.actor());
        }
        bool secure = context.options.secure_cookies;
        response.set_header("Set-Cookie", cookie(kSessionCookie, "", true, secure, true));
        response.set_header("Set-Cookie", cookie(kCsrfCookie, "", false, secure, true));
        response.status = 204;
    });

    server.Post("/api/v1/invitations/accept", [&context](const httplib::Request& request, httplib::Response& response) {
        auto fields = string_fields(json_body(request));
        auto outcome = context.accounts.accept_invitation(field(fields, "token"), field(fields, "password"),
                                                          field(fields, "display_name"), request.remote_addr);
        if (!outcome.ok()) {
            context.refuse(request, response, outcome.problems);
            return;
        }
        response.status = 201;
        response.set_content("{\"user_id\":" + std::to_string(*outcome.value) + "}", std::string(kJson));
    });
}

}  // namespace storybank::http
