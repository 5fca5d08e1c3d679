// storybank admin / org / user / token: administration from the command line, acting as "cli" (whoever can run
// the binary on the server can read the database anyway).
#include "cli/commands.hpp"
#include "cli/composition.hpp"
#include "cli/password_input.hpp"
#include "cli/problem_lines.hpp"
#include "service/iso_time.hpp"

#include <iostream>
#include <map>

namespace storybank::cli {
namespace {

int refuse(const std::vector<core::Problem>& problems, const Application& application, const GlobalOptions& options) {
    return print_refusal(problems, application.messages, options.language);
}

std::string or_dash(const std::string& text) {
    return text.empty() ? "-" : text;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string text;
    for (const auto& part : parts) {
        text += (text.empty() ? "" : std::string(separator)) + part;
    }
    return text;
}

std::string without_trailing_slash(std::string url) {
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

}  // namespace

int run_admin_create(const GlobalOptions& options, const AdminArguments& arguments) {
    auto application = make_application(options, NeedsStore::Yes);
    std::string password = read_new_password(arguments.password_file, application->messages, options.language);
    auto created = application->accounts->create_admin(service::Actor::command_line(), arguments.email, arguments.name,
                                                       password, arguments.organisation);
    if (!created.ok()) {
        return refuse(created.problems, *application, options);
    }
    auto user = application->store->find_user(*created.value);
    std::string organisation = user && !user->memberships.empty() ? user->memberships[0].organisation_name : "";
    std::cout << application->messages.render(
                     options.language, "cli-admin-created",
                     {{"email", user ? user->email : arguments.email}, {"organisation", organisation}})
              << '\n';
    return 0;
}

int run_org_add(const GlobalOptions& options, const OrganisationArguments& arguments) {
    auto application = make_application(options, NeedsStore::Yes);
    auto saved = application->accounts->add_organisation(service::Actor::command_line(), arguments.name, arguments.kind,
                                                         arguments.works_with);
    if (!saved.ok()) {
        return refuse(saved.problems, *application, options);
    }
    std::cout << application->messages.render(options.language, "cli-organisation-saved",
                                              {{"name", saved.value->name}, {"kind", saved.value->kind}})
              << '\n';
    return 0;
}

int run_org_list(const GlobalOptions& options) {
    auto application = make_application(options, NeedsStore::Yes);
    for (const auto& view : application->accounts->organisations()) {
        std::cout << view.organisation.id << '\t' << view.organisation.name << '\t' << or_dash(view.organisation.kind)
                  << '\t' << or_dash(joined(view.works_with, ", ")) << '\n';
    }
    return 0;
}

int run_user_add(const GlobalOptions& options, const UserArguments& arguments) {
    auto application = make_application(options, NeedsStore::Yes);
    std::string password = read_new_password(arguments.password_file, application->messages, options.language);
    auto added = application->accounts->add_user(
        service::Actor::command_line(),
        {arguments.email, arguments.name, password, arguments.organisation, arguments.role});
    if (!added.ok()) {
        return refuse(added.problems, *application, options);
    }
    auto user = application->store->find_user(*added.value);
    std::cout << application->messages.render(
                     options.language, "cli-user-added",
                     {{"email", user->email},
                      {"role", arguments.role},
                      {"organisation", user->memberships.empty() ? "" : user->memberships[0].organisation_name}})
              << '\n';
    return 0;
}

int run_user_list(const GlobalOptions& options, const std::string& organisation) {
    auto application = make_application(options, NeedsStore::Yes);
    auto users = application->accounts->users(organisation);
    if (!users.ok()) {
        return refuse(users.problems, *application, options);
    }
    for (const auto& user : *users.value) {
        std::vector<std::string> roles;
        for (const auto& membership : user.memberships) {
            roles.push_back(membership.role + " @ " + membership.organisation_name);
        }
        std::cout << user.id << '\t' << user.email << '\t' << or_dash(user.display_name) << '\t'
                  << or_dash(joined(roles, ", "));
        if (user.disabled()) {
            std::cout << '\t' << application->messages.render(options.language, "cli-user-disabled-mark");
        }
        std::cout << '\n';
    }
    return 0;
}

int run_user_invite(const GlobalOptions& options, const InviteArguments& arguments) {
    auto application = make_application(options, NeedsStore::Yes);
    auto invitation = application->accounts->invite(service::Actor::command_line(), arguments.email,
                                                    arguments.organisation, arguments.role, arguments.days);
    if (!invitation.ok()) {
        return refuse(invitation.problems, *application, options);
    }
    // The token travels in the fragment: browsers never send it to the server, so it stays out of access logs
    // and Referer headers; the page reads it and posts it once.
    std::cout << without_trailing_slash(arguments.base_url) << "/app/invitation#" << invitation.value->token << '\n';
    std::cerr << application->messages.render(
                     options.language, "cli-invitation-created",
                     {{"email", arguments.email}, {"expires", service::format_iso8601(invitation.value->expires_at)}})
              << '\n';
    return 0;
}

int run_user_disable(const GlobalOptions& options, const std::string& email) {
    auto application = make_application(options, NeedsStore::Yes);
    auto problems = application->accounts->disable_user(service::Actor::command_line(), email);
    if (!problems.empty()) {
        return refuse(problems, *application, options);
    }
    std::cout << application->messages.render(options.language, "cli-user-disabled", {{"email", email}}) << '\n';
    return 0;
}

int run_token_create(const GlobalOptions& options, const TokenArguments& arguments) {
    auto application = make_application(options, NeedsStore::Yes);
    auto created = application->accounts->create_api_token(service::Actor::command_line(), arguments.user,
                                                           arguments.name, arguments.scopes);
    if (!created.ok()) {
        return refuse(created.problems, *application, options);
    }
    std::cout << created.value->token << '\n';
    std::cerr << application->messages.render(options.language, "cli-token-created",
                                              {{"id", std::to_string(created.value->id)}, {"email", arguments.user}})
              << '\n';
    return 0;
}

int run_token_list(const GlobalOptions& options, const std::string& user) {
    auto application = make_application(options, NeedsStore::Yes);
    auto tokens = application->accounts->api_tokens(user);
    if (!tokens.ok()) {
        return refuse(tokens.problems, *application, options);
    }
    std::map<std::int64_t, std::string> emails;
    for (const auto& account : application->store->users()) {
        emails[account.id] = account.email;
    }
    for (const auto& token : *tokens.value) {
        std::cout << token.id << '\t' << emails[token.user_id] << '\t' << token.name << '\t'
                  << joined(token.scopes, " ") << '\t' << token.created_at << '\t' << or_dash(token.last_used_at)
                  << '\t' << or_dash(token.revoked_at) << '\n';
    }
    return 0;
}

int run_token_revoke(const GlobalOptions& options, std::int64_t id) {
    auto application = make_application(options, NeedsStore::Yes);
    auto problems = application->accounts->revoke_api_token(service::Actor::command_line(), id);
    if (!problems.empty()) {
        return refuse(problems, *application, options);
    }
    std::cout << application->messages.render(options.language, "cli-token-revoked", {{"id", std::to_string(id)}})
              << '\n';
    return 0;
}

}  // namespace storybank::cli
