#include "service/account_administration.hpp"

#include "auth/role.hpp"
#include "core/error.hpp"

#include <algorithm>

namespace storybank::service {

void AccountAdministration::require_administrator(const Principal& principal) {
    const auto& memberships = principal.subject.memberships;
    bool coordinator = std::any_of(memberships.begin(), memberships.end(),
                                   [](const auto& membership) { return membership.role == auth::Role::Coordinator; });
    if (!coordinator || principal.credential != Credential::Session) {
        throw Error(ErrorKind::Forbidden, "only coordinators, signed in, may administer organisations and accounts");
    }
}

std::vector<OrganisationView> AccountAdministration::organisations_for(const Principal& principal) {
    require_administrator(principal);
    return m_accounts.organisations();
}

Outcome<store::Organisation> AccountAdministration::add_organisation_for(const Principal& principal,
                                                                         const Actor& actor,
                                                                         std::string_view name,
                                                                         std::string_view kind,
                                                                         const std::vector<std::string>& works_with) {
    require_administrator(principal);
    return m_accounts.add_organisation(actor, name, kind, works_with);
}

std::vector<store::User> AccountAdministration::users_for(const Principal& principal) {
    require_administrator(principal);
    return *m_accounts.users().value;
}

std::vector<core::Problem> AccountAdministration::set_role_for(const Principal& principal,
                                                               const Actor& actor,
                                                               std::string_view email,
                                                               std::string_view organisation,
                                                               std::string_view role) {
    require_administrator(principal);
    return m_accounts.set_role(actor, email, organisation, role);
}

Outcome<NewInvitation> AccountAdministration::invite_for(const Principal& principal,
                                                         const Actor& actor,
                                                         std::string_view email,
                                                         std::string_view organisation,
                                                         std::string_view role,
                                                         int days) {
    require_administrator(principal);
    return m_accounts.invite(actor, email, organisation, role, days);
}

std::vector<OpenInvitation> AccountAdministration::invitations_for(const Principal& principal) {
    require_administrator(principal);
    return m_accounts.open_invitations();
}

std::vector<core::Problem> AccountAdministration::revoke_invitation_for(const Principal& principal,
                                                                        const Actor& actor,
                                                                        std::int64_t invitation_id) {
    require_administrator(principal);
    return m_accounts.revoke_invitation(actor, invitation_id);
}

}  // namespace storybank::service
