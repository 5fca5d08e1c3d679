#pragma once

#include <cstdint>
#include <string>
#include <vector>

// Value types of the Store's accounts part: organisations' partnerships, users, memberships, sessions, API tokens,
// invitations, failed logins and the audit log. Roles and organisation kinds are kept by name ("reviewer",
// "partner"); service turns them into auth::Role and auth::OrganisationKind. Times are ISO 8601 UTC text
// ("2026-11-29T10:00:00Z"), given by the caller so that one clock rules every rule about time.
namespace storybank::store {

/// One row of the append-only audit log. A store method that takes an AuditEntry writes it in the same
/// transaction as the change it describes: both are stored, or neither.
struct AuditEntry {
    std::int64_t id = 0;             ///< given by the store
    std::string at;                  ///< when
    std::int64_t actor_user_id = 0;  ///< the user who acted, 0 when it was not a user
    std::string actor;               ///< the user's e-mail at the time, or "cli", "system", "import"
    std::string address;             ///< where the request came from; empty for a local command
    std::string action;              ///< "user.create", "story.import", … (service/audit_log.hpp names them)
    std::string target_type;         ///< "user", "organisation", "story", "session", "api_token", "invitation"
    std::string target_id;           ///< empty: the store fills in the id of the row the action creates
    std::string detail = "{}";       ///< a JSON object with what else matters; never a password or a token
};

struct AuditQuery {
    int limit = 50;
    std::int64_t before_id = 0;  ///< cursor: only entries with a smaller id; 0 for the newest
    std::string target_type;     ///< only entries about this kind of target ("story"); empty: any
    std::string target_id;       ///< with target_type: only entries about this one
    std::string action;          ///< only entries of this action ("story.transition"); empty: any

    /// The newest `count` entries of any kind.
    static AuditQuery newest(int count) {
        AuditQuery query;
        query.limit = count;
        return query;
    }
};

/// A partner working with a member (a partner may work with several members, a member with several partners).
struct PartnerLink {
    std::int64_t member_id = 0;
    std::int64_t partner_id = 0;

    bool operator==(const PartnerLink&) const = default;
};

/// An organisation to create, or to update when one with the same name (ignoring case, accents and spacing)
/// exists: its kind is set and the links are added to those it has.
struct OrganisationChange {
    std::string name;
    std::string kind;                      ///< "lead", "member" or "partner"
    std::vector<std::int64_t> works_with;  ///< for a partner: the members it works with
};

struct UserMembership {
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string organisation_kind;
    std::string role;  ///< "contributor", "reviewer", "coordinator" or "viewer"

    bool operator==(const UserMembership&) const = default;
};

struct User {
    std::int64_t id = 0;
    std::string email;  ///< as first written; unique ignoring case
    std::string display_name;
    std::string password_hash;  ///< argon2id string; empty: the account cannot log in with a password
    std::string created_at;
    std::string disabled_at;  ///< empty while the account is active
    std::vector<UserMembership> memberships;

    bool disabled() const { return !disabled_at.empty(); }
};

/// A role to hold in an organisation, for a new user.
struct NewMembership {
    std::int64_t organisation_id = 0;
    std::string role;
};

struct NewUser {
    std::string email;
    std::string display_name;
    std::string password_hash;
    std::string created_at;
    std::vector<NewMembership> memberships;
};

/// A login session. The token given to the browser is never stored, only its SHA-256.
struct SessionRecord {
    std::string id_sha256;
    std::int64_t user_id = 0;
    std::string csrf_sha256;  ///< SHA-256 of the session's anti-forgery token
    std::string created_at;
    std::string last_seen_at;
    std::string expires_at;  ///< absolute end, however active the session is
    std::string revoked_at;  ///< empty while not revoked
    std::string address;     ///< where the login came from

    bool operator==(const SessionRecord&) const = default;
};

/// A token for integrations (scripts, KoboToolbox hooks). Only its SHA-256 is stored.
struct ApiTokenRecord {
    std::int64_t id = 0;
    std::int64_t user_id = 0;  ///< whose rights it carries, narrowed by its scopes
    std::string name;          ///< what it is for, chosen by its creator
    std::string sha256;
    std::vector<std::string> scopes;  ///< "stories:read", "stories:write", "import"
    std::string created_at;
    std::string last_used_at;  ///< empty: never used
    std::string revoked_at;    ///< empty while not revoked

    bool operator==(const ApiTokenRecord&) const = default;
};

/// An invitation to create an account, sent as a one-time link. Only the SHA-256 of its token is stored.
struct InvitationRecord {
    std::int64_t id = 0;
    std::string sha256;
    std::string email;
    std::int64_t organisation_id = 0;
    std::string role;
    std::string created_at;
    std::string expires_at;
    std::string used_at;          ///< empty while unused
    std::int64_t created_by = 0;  ///< the user who invited, 0 for the command line

    bool operator==(const InvitationRecord&) const = default;
};

/// Failed logins for one key: "account:<e-mail>" or "address:<IP address>".
struct LoginFailureRecord {
    std::string key;
    int count = 0;
    std::string last_at;
    std::string locked_until;  ///< empty: not locked

    bool operator==(const LoginFailureRecord&) const = default;
};

}  // namespace storybank::store
