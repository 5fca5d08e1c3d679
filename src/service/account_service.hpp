#pragma once

#include "auth/password_hasher.hpp"
#include "auth/password_policy.hpp"
#include "auth/policy.hpp"
#include "service/actor.hpp"
#include "service/audit_log.hpp"
#include "service/clock.hpp"
#include "service/login_backoff.hpp"
#include "service/outcome.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::service {

struct AccountSettings {
    std::chrono::minutes session_idle_timeout{30};  ///< a session unused this long ends
    std::chrono::hours session_lifetime{12};        ///< a session ends this long after login, however active
    LoginBackoff backoff;
    int invitation_longest_days = 30;
};

/// An organisation with the names of those it works with (a partner's members, a member's partners).
struct OrganisationView {
    store::Organisation organisation;
    std::vector<std::string> works_with;
};

/// A new account as an administrator describes it.
struct NewAccount {
    std::string email;
    std::string display_name;
    std::string password;
    std::string organisation;  ///< its name
    std::string role;          ///< "contributor", "reviewer", "coordinator" or "viewer"
};

/// A new session: what the browser gets once (the token for its cookie, the anti-forgery token) and when it ends.
struct NewSession {
    std::int64_t user_id = 0;
    std::string token;
    std::string csrf_token;
    std::chrono::system_clock::time_point expires_at{};
};

/// A login: a session, or the reason it was refused (login-failed, or login-locked with retry_at).
struct LoginOutcome {
    std::optional<NewSession> session;
    std::vector<core::Problem> problems;
    /// When refused for too many failures: when to try again (for a Retry-After header).
    std::optional<std::chrono::system_clock::time_point> retry_at;
    std::chrono::seconds retry_after{0};  ///< retry_at from now, rounded up (the Retry-After header)
};

struct NewApiToken {
    std::int64_t id = 0;
    std::string token;  ///< shown once; only its SHA-256 is kept
};

struct NewInvitation {
    std::int64_t id = 0;
    std::string token;  ///< for the one-time link the caller builds; only its SHA-256 is kept
    std::chrono::system_clock::time_point expires_at{};
};

/// An invitation not used yet and not expired, with the name of the organisation it is for.
struct OpenInvitation {
    store::InvitationRecord invitation;
    std::string organisation;
};

/// Organisations, accounts and how people prove who they are: administration (organisations, users,
/// invitations, API tokens), login with backoff, sessions with idle and absolute expiry, and the principal a
/// session or a token stands for. Every write is audited in the same transaction. Refusals caused by what was
/// asked (a weak password, an unknown organisation) are problems, not exceptions; storybank::Error is for
/// what nobody asked for (the store unavailable). Thread-safe as far as the store and hasher are.
class AccountService {
public:
    AccountService(store::Store& store,
                   const Clock& clock,
                   const auth::PasswordHasher& hasher,
                   const auth::PasswordPolicy& policy,
                   AccountSettings settings = {});

    // --- Organisations

    /// Creates an organisation, or sets the kind of an existing one (made by an import, say) and adds links.
    /// `works_with`: for a partner, the names of the members it works with. Problems: organisation-name-missing,
    /// organisation-kind-unknown, organisation-kind-conflict, organisation-works-with-partner-only,
    /// organisation-unknown, organisation-not-a-member.
    Outcome<store::Organisation> add_organisation(const Actor& actor,
                                                  std::string_view name,
                                                  std::string_view kind,
                                                  const std::vector<std::string>& works_with);
    std::vector<OrganisationView> organisations();

    // --- Users

    /// The first administrator, or another one: a coordinator of the lead organisation `organisation` (created
    /// as the lead when missing). Empty `organisation`: the existing lead (the first by name), or a new one
    /// called "Consortium". Problems as for add_user.
    Outcome<std::int64_t> create_admin(const Actor& actor,
                                       std::string_view email,
                                       std::string_view display_name,
                                       std::string_view password,
                                       std::string_view organisation = {});
    /// Problems: email-invalid, email-taken, organisation-unknown, role-unknown, role-not-allowed, and the
    /// password rules (password-too-short, password-too-common, password-contains-email).
    Outcome<std::int64_t> add_user(const Actor& actor, const NewAccount& account);
    /// Users by e-mail address, all or those of one organisation (problem: organisation-unknown).
    Outcome<std::vector<store::User>> users(std::string_view organisation = {});
    /// Disables an account; its sessions and tokens end with it. Problem: user-unknown.
    std::vector<core::Problem> disable_user(const Actor& actor, std::string_view email);
    /// Gives an existing user `role` in `organisation`, replacing the role they held there. Problems:
    /// user-unknown, organisation-unknown, role-unknown, role-not-allowed (as for add_user).
    std::vector<core::Problem> set_role(const Actor& actor,
                                        std::string_view email,
                                        std::string_view organisation,
                                        std::string_view role);

    // --- Invitations

    /// An invitation to join `organisation` as `role`, valid for `days` days. The caller builds the link from the
    /// token and shows it once. Problems: email-invalid, email-taken, organisation-unknown, role-unknown,
    /// role-not-allowed, invitation-days-invalid.
    Outcome<NewInvitation> invite(const Actor& actor,
                                  std::string_view email,
                                  std::string_view organisation,
                                  std::string_view role,
                                  int days);
    /// Creates the invited account. Problems: invitation-invalid (unknown, used or expired: one answer for all),
    /// email-taken, and the password rules.
    Outcome<std::int64_t> accept_invitation(std::string_view token,
                                            std::string_view password,
                                            std::string_view display_name,
                                            std::string_view address);
    /// Invitations not used and not expired, newest first.
    std::vector<OpenInvitation> open_invitations();
    /// Ends an open invitation: its link opens nothing any more. Problem: invitation-unknown (no such open
    /// invitation: unknown, used, expired or revoked already).
    std::vector<core::Problem> revoke_invitation(const Actor& actor, std::int64_t invitation_id);

    // --- Login and sessions

    /// Checks an e-mail address and password. A wrong address and a wrong password get the same answer
    /// (login-failed) in the same time. After too many failures for the account or the client address, logins
    /// are refused without checking (login-locked, with retry_at) for a delay that doubles at each failure.
    LoginOutcome login(std::string_view email, std::string_view password, std::string_view address);
    /// The principal of a session token, or nullopt when it is unknown, revoked, past its absolute end, idle for
    /// longer than the idle timeout (it is then revoked), or its user is disabled. Records activity.
    std::optional<Principal> session(std::string_view token);
    /// Whether `csrf_token` is the anti-forgery token of the principal's session (constant time).
    static bool csrf_matches(const Principal& principal, std::string_view csrf_token);
    /// Ends a session. False when the token is unknown or its session ended already.
    bool logout(std::string_view token, const Actor& actor);
    /// Ends every session of a user (a lost phone, a departure); returns how many. Problem: user-unknown.
    Outcome<int> end_sessions(const Actor& actor, std::string_view email);

    // --- API tokens

    /// A token for integrations acting as `user_email`, limited to `scopes` (kApiTokenScopes). Problems:
    /// user-unknown, token-name-missing, token-scope-missing, token-scope-unknown.
    Outcome<NewApiToken> create_api_token(const Actor& actor,
                                          std::string_view user_email,
                                          std::string_view name,
                                          const std::vector<std::string>& scopes);
    /// Tokens by id, revoked ones included; with an e-mail address, only that user's (problem: user-unknown).
    Outcome<std::vector<store::ApiTokenRecord>> api_tokens(std::string_view user_email = {});
    /// Problem: token-unknown (no such token, or revoked already).
    std::vector<core::Problem> revoke_api_token(const Actor& actor, std::int64_t token_id);
    /// The principal of an API token, or nullopt when it is unknown, revoked or its user disabled. Records use.
    std::optional<Principal> api_token(std::string_view token);

    // --- Access

    /// A user's memberships as the access policy needs them (with the partners each organisation works with).
    auth::Subject subject_of(const store::User& user);

    /// The audit log, newest first, for a coordinator signed in with a session: it names people and addresses,
    /// so neither other roles nor integrations' tokens may read it (Error(Forbidden)).
    std::vector<store::AuditEntry> audit_entries_for(const Principal& reader, const store::AuditQuery& query);

    const AccountSettings& settings() const { return m_settings; }

private:
    std::optional<Principal> principal_of(std::int64_t user_id);
    /// The organisation and role of a new membership, or the problems with them.
    std::vector<core::Problem> check_membership(std::string_view organisation,
                                                std::string_view role,
                                                std::optional<store::Organisation>& found);
    /// The e-mail of an account about to be made, normalised; a problem when it is invalid or already taken.
    std::optional<std::string> new_account_email(std::string_view email, std::vector<core::Problem>& problems);
    std::optional<store::Organisation> lead_organisation(std::string_view name, std::vector<core::Problem>& problems);

private:  // data
    store::Store& m_store;
    const Clock& m_clock;
    const auth::PasswordHasher& m_hasher;
    const auth::PasswordPolicy& m_policy;
    AccountSettings m_settings;
    AuditLog m_audit;
};

}  // namespace storybank::service
