// Administration of the consortium for coordinators: organisations, users and their roles, invitations. The
// rules (who may, what is valid, the audit entries) live in service::AccountAdministration and AccountService.
#include "core/error.hpp"
#include "http/route_context.hpp"
#include "service/account_administration.hpp"
#include "service/iso_time.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace storybank::http {
namespace {

using Json = nlohmann::json;

/// Invitations last this many days unless the request says otherwise.
constexpr int kDefaultInvitationDays = 14;

Json object_body(const httplib::Request& request, std::string_view example) {
    Json body = Json::parse(json_body(request), nullptr, false);
    if (!body.is_object()) {
        throw Error(ErrorKind::InvalidRequest, "send a JSON object: " + std::string(example));
    }
    return body;
}

/// The text field `name` of a body; empty when absent. Error(InvalidRequest) naming it when it is not text.
std::string text_field(const Json& body, const char* name) {
    if (!body.contains(name) || body[name].is_null()) {
        return {};
    }
    if (!body[name].is_string()) {
        throw Error(ErrorKind::InvalidRequest, std::string("the field '") + name + "' must be text");
    }
    return body[name].get<std::string>();
}

Json organisation_to_json(const service::OrganisationView& view) {
    return {{"id", view.organisation.id},
            {"name", view.organisation.name},
            {"kind", view.organisation.kind},
            {"works_with", view.works_with}};
}

Json user_to_json(const store::User& user) {
    Json memberships = Json::array();
    for (const auto& membership : user.memberships) {
        memberships.push_back({{"organisation_id", membership.organisation_id},
                               {"organisation", membership.organisation_name},
                               {"kind", membership.organisation_kind},
                               {"role", membership.role}});
    }
    return {{"id", user.id},
            {"email", user.email},
            {"display_name", user.display_name},
            {"created_at", user.created_at},
            {"disabled", user.disabled()},
            {"memberships", std::move(memberships)}};
}

Json invitation_to_json(const service::OpenInvitation& open) {
    return {{"id", open.invitation.id},
            {"email", open.invitation.email},
            {"organisation", open.organisation},
            {"role", open.invitation.role},
            {"created_at", open.invitation.created_at},
            {"expires_at", open.invitation.expires_at}};
}

}  // namespace

void install_admin_routes(RouteContext& context) {
    auto& server = context.server;
    service::AccountAdministration administration(context.accounts);

    server.Get("/api/v1/organisations",
               [&context, administration](const httplib::Request& request, httplib::Response& response) mutable {
                   Caller caller = context.caller(request);
                   Json list = Json::array();
                   for (const auto& view : administration.organisations_for(caller.signed_in())) {
                       list.push_back(organisation_to_json(view));
                   }
                   response.set_content(Json{{"organisations", list}}.dump(), std::string(kJson));
               });

    server.Post("/api/v1/organisations", [&context, administration](const httplib::Request& request,
                                                                    httplib::Response& response) mutable {
        Caller caller = context.caller(request);
        const service::Principal& principal = caller.signed_in();
        administration.require_administrator(principal);
        Json body = object_body(request, R"({"name": "…", "kind": "partner", "works_with": ["…"]})");
        std::vector<std::string> works_with;
        if (body.contains("works_with")) {
            if (!body["works_with"].is_array()) {
                throw Error(ErrorKind::InvalidRequest, "the field 'works_with' must be a list of member names");
            }
            for (const auto& name : body["works_with"]) {
                if (!name.is_string()) {
                    throw Error(ErrorKind::InvalidRequest, "the field 'works_with' must be a list of member names");
                }
                works_with.push_back(name.get<std::string>());
            }
        }
        auto outcome = administration.add_organisation_for(principal, caller.actor(), text_field(body, "name"),
                                                           text_field(body, "kind"), works_with);
        if (!outcome.ok()) {
            context.refuse(request, response, outcome.problems);
            return;
        }
        response.status = 201;
        response.set_content(organisation_to_json({*outcome.value, works_with}).dump(), std::string(kJson));
    });

    server.Get("/api/v1/users",
               [&context, administration](const httplib::Request& request, httplib::Response& response) mutable {
                   Caller caller = context.caller(request);
                   Json list = Json::array();
                   for (const auto& user : administration.users_for(caller.signed_in())) {
                       list.push_back(user_to_json(user));
                   }
                   response.set_content(Json{{"users", list}}.dump(), std::string(kJson));
               });

    // One role per organisation: PUT sets it, replacing the role the user held there.
    server.Put("/api/v1/memberships", [&context, administration](const httplib::Request& request,
                                                                 httplib::Response& response) mutable {
        Caller caller = context.caller(request);
        const service::Principal& principal = caller.signed_in();
        administration.require_administrator(principal);
        Json body = object_body(request, R"({"email": "…", "organisation": "…", "role": "reviewer"})");
        auto problems = administration.set_role_for(principal, caller.actor(), text_field(body, "email"),
                                                    text_field(body, "organisation"), text_field(body, "role"));
        if (!problems.empty()) {
            context.refuse(request, response, problems);
            return;
        }
        response.set_content(Json{{"email", text_field(body, "email")},
                                  {"organisation", text_field(body, "organisation")},
                                  {"role", text_field(body, "role")}}
                                 .dump(),
                             std::string(kJson));
    });

    server.Get("/api/v1/invitations",
               [&context, administration](const httplib::Request& request, httplib::Response& response) mutable {
                   Caller caller = context.caller(request);
                   Json list = Json::array();
                   for (const auto& open : administration.invitations_for(caller.signed_in())) {
                       list.push_back(invitation_to_json(open));
                   }
                   response.set_content(Json{{"invitations", list}}.dump(), std::string(kJson));
               });

    server.Post("/api/v1/invitations", [&context, administration](const httplib::Request& request,
                                                                  httplib::Response& response) mutable {
        Caller caller = context.caller(request);
        const service::Principal& principal = caller.signed_in();
        administration.require_administrator(principal);
        Json body = object_body(request, R"({"email": "…", "organisation": "…", "role": "contributor", "days": 14})");
        int days = kDefaultInvitationDays;
        if (body.contains("days")) {
            if (!body["days"].is_number_integer()) {
                throw Error(ErrorKind::InvalidRequest, "the field 'days' must be a whole number of days");
            }
            days = body["days"].get<int>();
        }
        std::string email = text_field(body, "email");
        std::string organisation = text_field(body, "organisation");
        std::string role = text_field(body, "role");
        auto outcome = administration.invite_for(principal, caller.actor(), email, organisation, role, days);
        if (!outcome.ok()) {
            context.refuse(request, response, outcome.problems);
            return;
        }
        // The only answer that carries the token. It travels in the link's fragment, which browsers do not send
        // to servers, so it stays out of access logs when the invitee opens the link.
        response.status = 201;
        response.set_header("Cache-Control", "no-store");
        Json created = {{"id", outcome.value->id},
                        {"email", email},
                        {"organisation", organisation},
                        {"role", role},
                        {"expires_at", service::format_iso8601(outcome.value->expires_at)},
                        {"token", outcome.value->token},
                        {"link", "/app/invitation#" + outcome.value->token}};
        response.set_content(created.dump(), std::string(kJson));
    });

    server.Delete(R"(/api/v1/invitations/([^/]+))",
                  [&context, administration](const httplib::Request& request, httplib::Response& response) mutable {
                      Caller caller = context.caller(request);
                      const service::Principal& principal = caller.signed_in();
                      auto problems = administration.revoke_invitation_for(
                          principal, caller.actor(), parse_id(request.matches[1], "the invitation id"));
                      if (!problems.empty()) {
                          context.refuse(request, response, problems, 404, "not_found");
                          return;
                      }
                      response.status = 204;
                  });
}

}  // namespace storybank::http
