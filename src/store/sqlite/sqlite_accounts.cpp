// Organisations' partnerships, users, memberships and invitations in the SQLite store.
#include "core/error.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "text/unicode_text.hpp"

namespace storybank::store::sqlite {
namespace {

using detail::Statement;
using detail::Transaction;

Organisation read_organisation(const Statement& statement) {
    return {statement.column_int64(0), statement.column_text(1), statement.column_text(2)};
}

/// A row of `SELECT id, sha256, email, organisation_id, role, created_at, expires_at, coalesce(created_by, 0)`.
InvitationRecord read_invitation(const Statement& statement) {
    InvitationRecord invitation;
    invitation.id = statement.column_int64(0);
    invitation.sha256 = statement.column_text(1);
    invitation.email = statement.column_text(2);
    invitation.organisation_id = statement.column_int64(3);
    invitation.role = statement.column_text(4);
    invitation.created_at = statement.column_text(5);
    invitation.expires_at = statement.column_text(6);
    invitation.created_by = statement.column_int64(7);
    return invitation;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Organisations

std::optional<Organisation> SqliteStore::find_organisation(std::string_view name) {
    std::string key = text::fold_for_matching(text::tidy_spaces(text::normalize_nfc(name)));
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare("SELECT id, name, kind FROM organisations WHERE name_key = ?");
    statement.bind(1, key);
    if (!statement.step()) {
        return std::nullopt;
    }
    return read_organisation(statement);
}

std::optional<Organisation> SqliteStore::find_organisation_by_id(std::int64_t id) {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare("SELECT id, name, kind FROM organisations WHERE id = ?");
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return read_organisation(statement);
}

void SqliteStore::require_organisation(std::int64_t organisation_id) {
    Statement statement = m_database->prepare("SELECT 1 FROM organisations WHERE id = ?");
    statement.bind(1, organisation_id);
    if (!statement.step()) {
        throw Error(ErrorKind::NotFound, "organisation " + std::to_string(organisation_id) + " does not exist");
    }
}

Organisation SqliteStore::save_organisation(const OrganisationChange& change, const AuditEntry& audit) {
    std::string name = text::tidy_spaces(text::normalize_nfc(change.name));
    std::string key = text::fold_for_matching(name);
    if (key.empty()) {
        throw Error(ErrorKind::InvalidRequest, "an organisation needs a name");
    }
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    m_database
        ->prepare(
            "INSERT INTO organisations (name, name_key, kind) VALUES (?, ?, ?) "
            "ON CONFLICT (name_key) DO UPDATE SET kind = CASE WHEN excluded.kind <> '' THEN excluded.kind ELSE kind "
            "END")
        .bind(1, name)
        .bind(2, key)
        .bind(3, change.kind)
        .run();
    Organisation organisation;
    {
        Statement statement = m_database->prepare("SELECT id, name, kind FROM organisations WHERE name_key = ?");
        statement.bind(1, key);
        statement.step();
        organisation = read_organisation(statement);
    }
    for (std::int64_t member_id : change.works_with) {
        if (member_id == organisation.id) {
            throw Error(ErrorKind::InvalidRequest, "'" + organisation.name + "' cannot work with itself");
        }
        require_organisation(member_id);
        m_database
            ->prepare(
                "INSERT INTO organisation_partners (member_id, partner_id) VALUES (?, ?) "
                "ON CONFLICT (member_id, partner_id) DO NOTHING")
            .bind(1, member_id)
            .bind(2, organisation.id)
            .run();
    }
    insert_audit(audit, std::to_string(organisation.id));
    transaction.commit();
    return organisation;
}

std::vector<PartnerLink> SqliteStore::partner_links() {
    std::lock_guard lock(m_mutex);
    Statement statement =
        m_database->prepare("SELECT member_id, partner_id FROM organisation_partners ORDER BY member_id, partner_id");
    std::vector<PartnerLink> links;
    while (statement.step()) {
        links.push_back({statement.column_int64(0), statement.column_int64(1)});
    }
    return links;
}

// ---------------------------------------------------------------------------------------------------------------
// Users

void SqliteStore::require_user(std::int64_t user_id) {
    Statement statement = m_database->prepare("SELECT 1 FROM users WHERE id = ?");
    statement.bind(1, user_id);
    if (!statement.step()) {
        throw Error(ErrorKind::NotFound, "user " + std::to_string(user_id) + " does not exist");
    }
}

std::int64_t SqliteStore::insert_user(const NewUser& user) {
    if (user.email.empty()) {
        throw Error(ErrorKind::InvalidRequest, "an account needs an e-mail address");
    }
    {
        Statement existing = m_database->prepare("SELECT email FROM users WHERE email = ?");
        existing.bind(1, user.email);
        if (existing.step()) {
            throw Error(ErrorKind::Conflict,
                        "there is already an account for " + existing.column_text(0) + "; use another e-mail address");
        }
    }
    m_database->prepare("INSERT INTO users (email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?)")
        .bind(1, user.email)
        .bind(2, user.display_name)
        .bind(3, user.password_hash)
        .bind(4, user.created_at)
        .run();
    std::int64_t user_id = m_database->last_insert_rowid();
    for (const auto& membership : user.memberships) {
        upsert_membership(user_id, membership);
    }
    return user_id;
}

void SqliteStore::upsert_membership(std::int64_t user_id, const NewMembership& membership) {
    require_organisation(membership.organisation_id);
    m_database
        ->prepare(
            "INSERT INTO memberships (user_id, organisation_id, role) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id, organisation_id) DO UPDATE SET role = excluded.role")
        .bind(1, user_id)
        .bind(2, membership.organisation_id)
        .bind(3, membership.role)
        .run();
}

std::int64_t SqliteStore::create_user(const NewUser& user, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    std::int64_t user_id = insert_user(user);
    insert_audit(audit, std::to_string(user_id));
    transaction.commit();
    return user_id;
}

void SqliteStore::load_memberships(User& user) {
    Statement statement = m_database->prepare(
        "SELECT m.organisation_id, o.name, o.kind, m.role FROM memberships m "
        "JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ? ORDER BY o.name_key");
    statement.bind(1, user.id);
    user.memberships.clear();
    while (statement.step()) {
        user.memberships.push_back(
            {statement.column_int64(0), statement.column_text(1), statement.column_text(2), statement.column_text(3)});
    }
}

std::optional<User> SqliteStore::find_user_locked(std::int64_t user_id, std::string_view email) {
    std::optional<User> user;
    {
        Statement statement = m_database->prepare(
            "SELECT id, email, display_name, password_hash, created_at, coalesce(disabled_at, '') FROM users "
            "WHERE (?1 <> '' AND email = ?1) OR (?1 = '' AND id = ?2)");
        statement.bind(1, email).bind(2, user_id);
        if (!statement.step()) {
            return std::nullopt;
        }
        user = User{statement.column_int64(0),
                    statement.column_text(1),
                    statement.column_text(2),
                    statement.column_text(3),
                    statement.column_text(4),
                    statement.column_text(5),
                    {}};
    }
    load_memberships(*user);
    return user;
}

std::optional<User> SqliteStore::find_user(std::int64_t user_id) {
    std::lock_guard lock(m_mutex);
    return find_user_locked(user_id, "");
}

std::optional<User> SqliteStore::find_user_by_email(std::string_view email) {
    if (email.empty()) {
        return std::nullopt;
    }
    std::lock_guard lock(m_mutex);
    return find_user_locked(0, email);
}

std::vector<User> SqliteStore::users(std::int64_t organisation_id) {
    std::lock_guard lock(m_mutex);
    std::vector<User> found;
    {
        Statement statement = m_database->prepare(
            "SELECT id, email, display_name, password_hash, created_at, coalesce(disabled_at, '') FROM users "
            "WHERE ?1 = 0 OR id IN (SELECT user_id FROM memberships WHERE organisation_id = ?1) ORDER BY email");
        statement.bind(1, organisation_id);
        while (statement.step()) {
            found.push_back(User{statement.column_int64(0),
                                 statement.column_text(1),
                                 statement.column_text(2),
                                 statement.column_text(3),
                                 statement.column_text(4),
                                 statement.column_text(5),
                                 {}});
        }
    }
    for (auto& user : found) {
        load_memberships(user);
    }
    return found;
}

void SqliteStore::set_password_hash(std::int64_t user_id, std::string_view password_hash, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    m_database->prepare("UPDATE users SET password_hash = ? WHERE id = ?")
        .bind(1, password_hash)
        .bind(2, user_id)
        .run();
    if (m_database->changes() == 0) {
        throw Error(ErrorKind::NotFound, "user " + std::to_string(user_id) + " does not exist");
    }
    insert_audit(audit, std::to_string(user_id));
    transaction.commit();
}

bool SqliteStore::disable_user(std::int64_t user_id, std::string_view at, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    require_user(user_id);
    m_database->prepare("UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL")
        .bind(1, at)
        .bind(2, user_id)
        .run();
    if (m_database->changes() == 0) {
        return false;
    }
    // A disabled account keeps no way in: its open sessions and its tokens end with it.
    m_database->prepare("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
        .bind(1, at)
        .bind(2, user_id)
        .run();
    m_database->prepare("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
        .bind(1, at)
        .bind(2, user_id)
        .run();
    insert_audit(audit, std::to_string(user_id));
    transaction.commit();
    return true;
}

void SqliteStore::set_membership(std::int64_t user_id, const NewMembership& membership, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    require_user(user_id);
    upsert_membership(user_id, membership);
    insert_audit(audit, std::to_string(user_id));
    transaction.commit();
}

// ---------------------------------------------------------------------------------------------------------------
// Invitations

std::int64_t SqliteStore::create_invitation(const InvitationRecord& invitation, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    require_organisation(invitation.organisation_id);
    m_database
        ->prepare(
            "INSERT INTO invitations (sha256, email, organisation_id, role, created_at, expires_at, created_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, invitation.sha256)
        .bind(2, invitation.email)
        .bind(3, invitation.organisation_id)
        .bind(4, invitation.role)
        .bind(5, invitation.created_at)
        .bind(6, invitation.expires_at)
        .bind_optional_id(7, invitation.created_by)
        .run();
    std::int64_t invitation_id = m_database->last_insert_rowid();
    insert_audit(audit, std::to_string(invitation_id));
    transaction.commit();
    return invitation_id;
}

std::optional<InvitationRecord> SqliteStore::find_open_invitation(std::string_view sha256, std::string_view now) {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare(
        "SELECT id, sha256, email, organisation_id, role, created_at, expires_at, coalesce(created_by, 0) "
        "FROM invitations WHERE sha256 = ? AND used_at IS NULL AND expires_at > ?");
    statement.bind(1, sha256).bind(2, now);
    if (!statement.step()) {
        return std::nullopt;
    }
    return read_invitation(statement);
}

std::vector<InvitationRecord> SqliteStore::open_invitations(std::string_view now) {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare(
        "SELECT id, sha256, email, organisation_id, role, created_at, expires_at, coalesce(created_by, 0) "
        "FROM invitations WHERE used_at IS NULL AND expires_at > ? ORDER BY id DESC");
    statement.bind(1, now);
    std::vector<InvitationRecord> found;
    while (statement.step()) {
        found.push_back(read_invitation(statement));
    }
    return found;
}

bool SqliteStore::expire_invitation(std::int64_t invitation_id, std::string_view at, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    m_database->prepare("UPDATE invitations SET expires_at = ?1 WHERE id = ?2 AND used_at IS NULL AND expires_at > ?1")
        .bind(1, at)
        .bind(2, invitation_id)
        .run();
    if (m_database->changes() == 0) {
        return false;
    }
    insert_audit(audit, std::to_string(invitation_id));
    transaction.commit();
    return true;
}

std::int64_t SqliteStore::accept_invitation(std::string_view sha256, const NewUser& user, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    NewUser account = user;
    std::int64_t invitation_id = 0;
    {
        Statement statement = m_database->prepare(
            "SELECT id, email, organisation_id, role FROM invitations "
            "WHERE sha256 = ? AND used_at IS NULL AND expires_at > ?");
        statement.bind(1, sha256).bind(2, user.created_at);
        if (!statement.step()) {
            throw Error(ErrorKind::NotFound, "this invitation is unknown, used or expired; ask for a new one");
        }
        invitation_id = statement.column_int64(0);
        account.email = statement.column_text(1);
        account.memberships = {{statement.column_int64(2), statement.column_text(3)}};
    }
    m_database->prepare("UPDATE invitations SET used_at = ? WHERE id = ?")
        .bind(1, user.created_at)
        .bind(2, invitation_id)
        .run();
    std::int64_t user_id = insert_user(account);
    insert_audit(audit, std::to_string(user_id));
    transaction.commit();
    return user_id;
}

}  // namespace storybank::store::sqlite
