#pragma once

#include "service/account_service.hpp"
#include "service/principal.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::service {

/// The consortium's administration as the API offers it: organisations, users and their roles, invitations.
/// The same AccountService use cases the command line runs (same rules, same problems, same audit entries), for
/// coordinators signed in with a session only: they are the consortium's administrators
/// (docs/authorization.md), and an integration's token has no business creating accounts. Anyone else gets
/// Error(Forbidden).
class AccountAdministration {
public:
    explicit AccountAdministration(AccountService& accounts) : m_accounts(accounts) {}

    std::vector<OrganisationView> organisations_for(const Principal& principal);
    /// As AccountService::add_organisation.
    Outcome<store::Organisation> add_organisation_for(const Principal& principal,
                                                      const Actor& actor,
                                                      std::string_view name,
                                                      std::string_view kind,
                                                      const std::vector<std::string>& works_with);
    /// Every user by e-mail address, with their roles per organisation.
    std::vector<store::User> users_for(const Principal& principal);
    /// As AccountService::set_role.
    std::vector<core::Problem> set_role_for(const Principal& principal,
                                            const Actor& actor,
                                            std::string_view email,
                                            std::string_view organisation,
                                            std::string_view role);
    /// As AccountService::invite.
    Outcome<NewInvitation> invite_for(const Principal& principal,
                                      const Actor& actor,
                                      std::string_view email,
                                      std::string_view organisation,
                                      std::string_view role,
                                      int days);
    std::vector<OpenInvitation> invitations_for(const Principal& principal);
    /// As AccountService::revoke_invitation.
    std::vector<core::Problem> revoke_invitation_for(const Principal& principal,
                                                     const Actor& actor,
                                                     std::int64_t invitation_id);

    /// Error(Forbidden) unless `principal` is a coordinator signed in with a session.
    static void require_administrator(const Principal& principal);

private:  // data
    AccountService& m_accounts;
};

}  // namespace storybank::service
