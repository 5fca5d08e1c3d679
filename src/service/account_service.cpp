// Organisations, users and invitations. Login, sessions and API tokens are in account_sessions.cpp.
#include "service/account_service.hpp"

#include "auth/role.hpp"
#include "auth/secret_token.hpp"
#include "core/error.hpp"
#include "service/account_problems.hpp"
#include "service/email_address.hpp"
#include "service/iso_time.hpp"

#include <algorithm>
#include <map>

namespace storybank::service {
namespace {

using detail::refusal;

constexpr std::string_view kDefaultLeadName = "Consortium";

std::string trimmed(std::string_view text) {
    auto first = text.find_first_not_of(" \t");
    auto last = text.find_last_not_of(" \t");
    return first == std::string_view::npos ? std::string() : std::string(text.substr(first, last - first + 1));
}

std::string role_list() {
    std::string list;
    for (auth::Role role : auth::all_roles()) {
        list += (list.empty() ? "" : ", ") + std::string(auth::role_name(role));
    }
    return list;
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& name : names) {
        text += (text.empty() ? "" : ", ") + name;
    }
    return text;
}

}  // namespace

AccountService::AccountService(store::Store& store,
                               const Clock& clock,
                               const auth::PasswordHasher& hasher,
                               const auth::PasswordPolicy& policy,
                               AccountSettings settings)
    : m_store(store), m_clock(clock), m_hasher(hasher), m_policy(policy), m_settings(settings), m_audit(store, clock) {}

// ---------------------------------------------------------------------------------------------------------------
// Organisations

Outcome<store::Organisation> AccountService::add_organisation(const Actor& actor,
                                                              std::string_view name,
                                                              std::string_view kind,
                                                              const std::vector<std::string>& works_with) {
    std::vector<core::Problem> problems;
    std::string tidy = trimmed(name);
    if (tidy.empty()) {
        problems.push_back(refusal("name", "organisation-name-missing"));
    }
    auto parsed_kind = auth::parse_organisation_kind(kind);
    if (!parsed_kind) {
        problems.push_back(refusal("kind", "organisation-kind-unknown",
                                   {{"kind", std::string(kind)}, {"kinds", "lead, member, partner"}}));
    }
    if (!tidy.empty() && parsed_kind) {
        auto existing = m_store.find_organisation(tidy);
        if (existing && !existing->kind.empty() && existing->kind != kind) {
            problems.push_back(
                refusal("kind", "organisation-kind-conflict", {{"name", existing->name}, {"kind", existing->kind}}));
        }
    }
    if (!works_with.empty() && parsed_kind != auth::OrganisationKind::Partner) {
        problems.push_back(refusal("works_with", "organisation-works-with-partner-only"));
    }
    std::vector<std::int64_t> member_ids;
    std::vector<std::string> member_names;
    for (const auto& member_name : works_with) {
        auto member = m_store.find_organisation(member_name);
        if (!member) {
            problems.push_back(refusal("works_with", "organisation-unknown", {{"name", member_name}}));
        } else if (member->kind != "member" && member->kind != "lead") {
            problems.push_back(refusal("works_with", "organisation-not-a-member", {{"name", member->name}}));
        } else {
            member_ids.push_back(member->id);
            member_names.push_back(member->name);
        }
    }
    if (!problems.empty()) {
        return Outcome<store::Organisation>::refused(std::move(problems));
    }
    store::AuditEntry audit =
        m_audit.entry(actor, audit_action::kOrganisationSave, "organisation", {},
                      {{"name", tidy}, {"kind", std::string(kind)}, {"works_with", joined(member_names)}});
    return Outcome<store::Organisation>::done(
        m_store.save_organisation({tidy, std::string(kind), std::move(member_ids)}, audit));
}

std::vector<OrganisationView> AccountService::organisations() {
    std::vector<store::Organisation> all = m_store.organisations();
    std::map<std::int64_t, std::string> names;
    for (const auto& organisation : all) {
        names[organisation.id] = organisation.name;
    }
    std::vector<store::PartnerLink> links = m_store.partner_links();
    std::vector<OrganisationView> views;
    for (auto& organisation : all) {
        OrganisationView view{organisation, {}};
        for (const auto& link : links) {
            if (link.partner_id == organisation.id) {
                view.works_with.push_back(names[link.member_id]);
            } else if (link.member_id == organisation.id) {
                view.works_with.push_back(names[link.partner_id]);
            }
        }
        std::sort(view.works_with.begin(), view.works_with.end());
        views.push_back(std::move(view));
    }
    return views;
}

// ---------------------------------------------------------------------------------------------------------------
// Users

std::vector<core::Problem> AccountService::check_membership(std::string_view organisation,
                                                            std::string_view role,
                                                            std::optional<store::Organisation>& found) {
    std::vector<core::Problem> problems;
    auto parsed_role = auth::parse_role(role);
    if (!parsed_role) {
        problems.push_back(refusal("role", "role-unknown", {{"role", std::string(role)}, {"roles", role_list()}}));
    }
    found = m_store.find_organisation(organisation);
    if (!found) {
        problems.push_back(refusal("organisation", "organisation-unknown", {{"name", std::string(organisation)}}));
        return problems;
    }
    auto kind = auth::parse_organisation_kind(found->kind);
    if (!kind) {
        problems.push_back(refusal("organisation", "organisation-kind-missing", {{"name", found->name}}));
    } else if (parsed_role && !auth::is_role_allowed_in(*parsed_role, *kind)) {
        problems.push_back(
            refusal("role", "role-not-allowed",
                    {{"role", std::string(role)}, {"kind", found->kind}, {"organisation", found->name}}));
    }
    return problems;
}

Outcome<std::int64_t> AccountService::add_user(const Actor& actor, const NewAccount& account) {
    std::vector<core::Problem> problems;
    auto email = new_account_email(account.email, problems);
    std::optional<store::Organisation> organisation;
    auto membership_problems = check_membership(account.organisation, account.role, organisation);
    problems.insert(problems.end(), membership_problems.begin(), membership_problems.end());
    auto password_problems = m_policy.check(account.password, email.value_or(account.email));
    problems.insert(problems.end(), password_problems.begin(), password_problems.end());
    if (!problems.empty()) {
        return Outcome<std::int64_t>::refused(std::move(problems));
    }
    store::NewUser user{*email,
                        trimmed(account.display_name),
                        m_hasher.hash(account.password),
                        m_clock.now_iso8601(),
                        {{organisation->id, account.role}}};
    store::AuditEntry audit =
        m_audit.entry(actor, audit_action::kUserCreate, "user", {},
                      {{"email", *email}, {"organisation", organisation->name}, {"role", account.role}});
    return Outcome<std::int64_t>::done(m_store.create_user(user, audit));
}

std::optional<std::string> AccountService::new_account_email(std::string_view email,
                                                             std::vector<core::Problem>& problems) {
    auto normalized = normalized_email(email);
    if (!normalized) {
        problems.push_back(refusal("email", "email-invalid", {{"email", std::string(email)}}));
    } else if (auto existing = m_store.find_user_by_email(*normalized)) {
        problems.push_back(refusal("email", "email-taken", {{"email", existing->email}}));
    }
    return normalized;
}

std::optional<store::Organisation> AccountService::lead_organisation(std::string_view name,
                                                                     std::vector<core::Problem>& problems) {
    if (!trimmed(name).empty()) {
        auto found = m_store.find_organisation(name);
        if (found && !found->kind.empty() && found->kind != "lead") {
            problems.push_back(
                refusal("organisation", "role-not-allowed",
                        {{"role", "coordinator"}, {"kind", found->kind}, {"organisation", found->name}}));
        }
        return found ? found : store::Organisation{0, trimmed(name), ""};
    }
    for (const auto& organisation : m_store.organisations()) {
        if (organisation.kind == "lead") {
            return organisation;
        }
    }
    return store::Organisation{0, std::string(kDefaultLeadName), ""};
}

Outcome<std::int64_t> AccountService::create_admin(const Actor& actor,
                                                   std::string_view email,
                                                   std::string_view display_name,
                                                   std::string_view password,
                                                   std::string_view organisation) {
    std::vector<core::Problem> problems;
    auto normalized = new_account_email(email, problems);
    std::optional<store::Organisation> lead = lead_organisation(organisation, problems);
    auto password_problems = m_policy.check(password, normalized.value_or(std::string(email)));
    problems.insert(problems.end(), password_problems.begin(), password_problems.end());
    if (!problems.empty()) {
        return Outcome<std::int64_t>::refused(std::move(problems));
    }
    if (lead->kind != "lead") {
        lead = m_store.save_organisation({lead->name, "lead", {}},
                                         m_audit.entry(actor, audit_action::kOrganisationSave, "organisation", {},
                                                       {{"name", lead->name}, {"kind", "lead"}}));
    }
    store::NewUser user{*normalized,
                        trimmed(display_name),
                        m_hasher.hash(password),
                        m_clock.now_iso8601(),
                        {{lead->id, "coordinator"}}};
    store::AuditEntry audit =
        m_audit.entry(actor, audit_action::kUserCreate, "user", {},
                      {{"email", *normalized}, {"organisation", lead->name}, {"role", "coordinator"}});
    return Outcome<std::int64_t>::done(m_store.create_user(user, audit));
}

Outcome<std::vector<store::User>> AccountService::users(std::string_view organisation) {
    if (organisation.empty()) {
        return Outcome<std::vector<store::User>>::done(m_store.users());
    }
    auto found = m_store.find_organisation(organisation);
    if (!found) {
        return Outcome<std::vector<store::User>>::refused(
            {refusal("organisation", "organisation-unknown", {{"name", std::string(organisation)}})});
    }
    return Outcome<std::vector<store::User>>::done(m_store.users(found->id));
}

std::vector<core::Problem> AccountService::disable_user(const Actor& actor, std::string_view email) {
    auto user = m_store.find_user_by_email(trimmed(email));
    if (!user) {
        return {refusal("email", "user-unknown", {{"email", std::string(email)}})};
    }
    m_store.disable_user(user->id, m_clock.now_iso8601(),
                         m_audit.entry(actor, audit_action::kUserDisable, "user", std::to_string(user->id)));
    return {};
}

std::vector<core::Problem> AccountService::set_role(const Actor& actor,
                                                    std::string_view email,
                                                    std::string_view organisation,
                                                    std::string_view role) {
    std::vector<core::Problem> problems;
    auto user = m_store.find_user_by_email(trimmed(email));
    if (!user) {
        problems.push_back(refusal("email", "user-unknown", {{"email", std::string(email)}}));
    }
    std::optional<store::Organisation> found;
    auto membership_problems = check_membership(organisation, role, found);
    problems.insert(problems.end(), membership_problems.begin(), membership_problems.end());
    if (!problems.empty()) {
        return problems;
    }
    m_store.set_membership(user->id, {found->id, std::string(role)},
                           m_audit.entry(actor, audit_action::kUserRoleSet, "user", std::to_string(user->id),
                                         {{"organisation", found->name}, {"role", std::string(role)}}));
    return {};
}

// ---------------------------------------------------------------------------------------------------------------
// Invitations

Outcome<NewInvitation> AccountService::invite(const Actor& actor,
                                              std::string_view email,
                                              std::string_view organisation,
                                              std::string_view role,
                                              int days) {
    std::vector<core::Problem> problems;
    auto normalized = new_account_email(email, problems);
    std::optional<store::Organisation> found;
    auto membership_problems = check_membership(organisation, role, found);
    problems.insert(problems.end(), membership_problems.begin(), membership_problems.end());
    if (days < 1 || days > m_settings.invitation_longest_days) {
        problems.push_back(refusal("days", "invitation-days-invalid",
                                   {{"maximum", std::to_string(m_settings.invitation_longest_days)}}));
    }
    if (!problems.empty()) {
        return Outcome<NewInvitation>::refused(std::move(problems));
    }
    auto now = m_clock.now();
    auto expires_at = now + std::chrono::hours(24) * days;
    auth::SecretToken token = auth::SecretToken::generate();
    store::InvitationRecord invitation{
        0,  token.digest(), *normalized, found->id, std::string(role), format_iso8601(now), format_iso8601(expires_at),
        "", actor.user_id};
    std::int64_t id =
        m_store.create_invitation(invitation, m_audit.entry(actor, audit_action::kInvitationCreate, "invitation", {},
                                                            {{"email", *normalized},
                                                             {"organisation", found->name},
                                                             {"role", std::string(role)},
                                                             {"expires_at", invitation.expires_at}}));
    return Outcome<NewInvitation>::done({id, token.text(), expires_at});
}

Outcome<std::int64_t> AccountService::accept_invitation(std::string_view token,
                                                        std::string_view password,
                                                        std::string_view display_name,
                                                        std::string_view address) {
    std::string digest = auth::SecretToken::digest_of(token);
    std::string now = m_clock.now_iso8601();
    auto invitation = m_store.find_open_invitation(digest, now);
    if (!invitation) {
        return Outcome<std::int64_t>::refused({refusal("token", "invitation-invalid")});
    }
    std::vector<core::Problem> problems;
    if (auto existing = m_store.find_user_by_email(invitation->email)) {
        problems.push_back(refusal("email", "email-taken", {{"email", existing->email}}));
    }
    auto password_problems = m_policy.check(password, invitation->email);
    problems.insert(problems.end(), password_problems.begin(), password_problems.end());
    if (!problems.empty()) {
        return Outcome<std::int64_t>::refused(std::move(problems));
    }
    store::NewUser user{invitation->email, trimmed(display_name), m_hasher.hash(password), now, {}};
    Actor invitee(0, invitation->email, std::string(address));
    store::AuditEntry audit =
        m_audit.entry(invitee, audit_action::kInvitationAccept, "user", {},
                      {{"invitation", std::to_string(invitation->id)}, {"role", invitation->role}});
    return Outcome<std::int64_t>::done(m_store.accept_invitation(digest, user, audit));
}

std::vector<OpenInvitation> AccountService::open_invitations() {
    std::map<std::int64_t, std::string> names;
    for (const auto& organisation : m_store.organisations()) {
        names[organisation.id] = organisation.name;
    }
    std::vector<OpenInvitation> open;
    for (auto& invitation : m_store.open_invitations(m_clock.now_iso8601())) {
        std::string organisation = names[invitation.organisation_id];
        open.push_back({std::move(invitation), std::move(organisation)});
    }
    return open;
}

std::vector<core::Problem> AccountService::revoke_invitation(const Actor& actor, std::int64_t invitation_id) {
    store::AuditEntry audit =
        m_audit.entry(actor, audit_action::kInvitationRevoke, "invitation", std::to_string(invitation_id));
    if (!m_store.expire_invitation(invitation_id, m_clock.now_iso8601(), audit)) {
        return {refusal("id", "invitation-unknown", {{"id", std::to_string(invitation_id)}})};
    }
    return {};
}

std::vector<store::AuditEntry> AccountService::audit_entries_for(const Principal& reader,
                                                                 const store::AuditQuery& query) {
    const auto& memberships = reader.subject.memberships;
    bool coordinator = std::any_of(memberships.begin(), memberships.end(),
                                   [](const auto& membership) { return membership.role == auth::Role::Coordinator; });
    if (!coordinator || reader.credential != Credential::Session) {
        throw Error(ErrorKind::Forbidden, "only coordinators, signed in, may read the audit log");
    }
    return m_audit.recent(query);
}

}  // namespace storybank::service
