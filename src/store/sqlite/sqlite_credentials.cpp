// Sessions, API tokens and failed logins in the SQLite store.
#include "core/error.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace storybank::store::sqlite {
namespace {

using detail::Statement;
using detail::Transaction;

constexpr const char* kSessionColumns =
    "s.id_sha256, s.user_id, s.csrf_sha256, s.created_at, s.last_seen_at, s.expires_at, "
    "coalesce(s.revoked_at, ''), s.address";

constexpr const char* kTokenColumns =
    "t.id, t.user_id, t.name, t.sha256, t.scopes, t.created_at, coalesce(t.last_used_at, ''), "
    "coalesce(t.revoked_at, '')";

std::string joined_scopes(const std::vector<std::string>& scopes) {
    std::string joined;
    for (const auto& scope : scopes) {
        if (scope.empty() || scope.find(' ') != std::string::npos) {
            throw Error(ErrorKind::InvalidRequest, "a token scope is one word without spaces, not '" + scope + "'");
        }
        if (!joined.empty()) {
            joined += ' ';
        }
        joined += scope;
    }
    return joined;
}

std::vector<std::string> split_scopes(std::string_view joined) {
    std::vector<std::string> scopes;
    while (!joined.empty()) {
        std::size_t end = joined.find(' ');
        if (end != 0) {
            scopes.emplace_back(joined.substr(0, end));
        }
        joined.remove_prefix(end == std::string_view::npos ? joined.size() : end + 1);
    }
    return scopes;
}

SessionRecord read_session(const Statement& statement) {
    SessionRecord session;
    session.id_sha256 = statement.column_text(0);
    session.user_id = statement.column_int64(1);
    session.csrf_sha256 = statement.column_text(2);
    session.created_at = statement.column_text(3);
    session.last_seen_at = statement.column_text(4);
    session.expires_at = statement.column_text(5);
    session.revoked_at = statement.column_text(6);
    session.address = statement.column_text(7);
    return session;
}

ApiTokenRecord read_token(const Statement& statement) {
    ApiTokenRecord token;
    token.id = statement.column_int64(0);
    token.user_id = statement.column_int64(1);
    token.name = statement.column_text(2);
    token.sha256 = statement.column_text(3);
    token.scopes = split_scopes(statement.column_text(4));
    token.created_at = statement.column_text(5);
    token.last_used_at = statement.column_text(6);
    token.revoked_at = statement.column_text(7);
    return token;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Sessions

void SqliteStore::create_session(const SessionRecord& session, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    require_user(session.user_id);
    m_database
        ->prepare(
            "INSERT INTO sessions (id_sha256, user_id, csrf_sha256, created_at, last_seen_at, expires_at, address) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, session.id_sha256)
        .bind(2, session.user_id)
        .bind(3, session.csrf_sha256)
        .bind(4, session.created_at)
        .bind(5, session.last_seen_at.empty() ? session.created_at : session.last_seen_at)
        .bind(6, session.expires_at)
        .bind(7, session.address)
        .run();
    insert_audit(audit, std::to_string(session.user_id));
    transaction.commit();
}

std::optional<SessionRecord> SqliteStore::find_active_session(std::string_view id_sha256, std::string_view now) {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare(std::string("SELECT ") + kSessionColumns +
                                              " FROM sessions s JOIN users u ON u.id = s.user_id "
                                              "WHERE s.id_sha256 = ? AND s.revoked_at IS NULL AND s.expires_at > ? "
                                              "AND u.disabled_at IS NULL");
    statement.bind(1, id_sha256).bind(2, now);
    if (!statement.step()) {
        return std::nullopt;
    }
    return read_session(statement);
}

void SqliteStore::touch_session(std::string_view id_sha256, std::string_view now) {
    std::lock_guard lock(m_mutex);
    m_database->prepare("UPDATE sessions SET last_seen_at = ?1 WHERE id_sha256 = ?2 AND last_seen_at < ?1")
        .bind(1, now)
        .bind(2, id_sha256)
        .run();
}

bool SqliteStore::revoke_session(std::string_view id_sha256, std::string_view at, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    m_database->prepare("UPDATE sessions SET revoked_at = ? WHERE id_sha256 = ? AND revoked_at IS NULL")
        .bind(1, at)
        .bind(2, id_sha256)
        .run();
    if (m_database->changes() == 0) {
        return false;
    }
    insert_audit(audit);
    transaction.commit();
    return true;
}

int SqliteStore::revoke_sessions_of(std::int64_t user_id, std::string_view at, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    m_database->prepare("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
        .bind(1, at)
        .bind(2, user_id)
        .run();
    int revoked = m_database->changes();
    if (revoked == 0) {
        return 0;
    }
    insert_audit(audit, std::to_string(user_id));
    transaction.commit();
    return revoked;
}

int SqliteStore::delete_ended_sessions(std::string_view now) {
    std::lock_guard lock(m_mutex);
    m_database->prepare("DELETE FROM sessions WHERE expires_at <= ? OR revoked_at IS NOT NULL").bind(1, now).run();
    return m_database->changes();
}

// ---------------------------------------------------------------------------------------------------------------
// API tokens

std::int64_t SqliteStore::create_api_token(const ApiTokenRecord& token, const AuditEntry& audit) {
    std::string scopes = joined_scopes(token.scopes);
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    require_user(token.user_id);
    m_database->prepare("INSERT INTO api_tokens (user_id, name, sha256, scopes, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, token.user_id)
        .bind(2, token.name)
        .bind(3, token.sha256)
        .bind(4, scopes)
        .bind(5, token.created_at)
        .run();
    std::int64_t token_id = m_database->last_insert_rowid();
    insert_audit(audit, std::to_string(token_id));
    transaction.commit();
    return token_id;
}

std::optional<ApiTokenRecord> SqliteStore::find_active_api_token(std::string_view sha256) {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare(std::string("SELECT ") + kTokenColumns +
                                              " FROM api_tokens t JOIN users u ON u.id = t.user_id "
                                              "WHERE t.sha256 = ? AND t.revoked_at IS NULL AND u.disabled_at IS NULL");
    statement.bind(1, sha256);
    if (!statement.step()) {
        return std::nullopt;
    }
    return read_token(statement);
}

std::optional<ApiTokenRecord> SqliteStore::find_api_token(std::int64_t token_id) {
    std::lock_guard lock(m_mutex);
    Statement statement =
        m_database->prepare(std::string("SELECT ") + kTokenColumns + " FROM api_tokens t WHERE t.id = ?");
    statement.bind(1, token_id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return read_token(statement);
}

std::vector<ApiTokenRecord> SqliteStore::api_tokens(std::int64_t user_id) {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare(std::string("SELECT ") + kTokenColumns +
                                              " FROM api_tokens t WHERE ?1 = 0 OR t.user_id = ?1 ORDER BY t.id");
    statement.bind(1, user_id);
    std::vector<ApiTokenRecord> tokens;
    while (statement.step()) {
        tokens.push_back(read_token(statement));
    }
    return tokens;
}

void SqliteStore::touch_api_token(std::int64_t token_id, std::string_view now) {
    std::lock_guard lock(m_mutex);
    m_database
        ->prepare(
            "UPDATE api_tokens SET last_used_at = ?1 WHERE id = ?2 AND (last_used_at IS NULL OR last_used_at < ?1)")
        .bind(1, now)
        .bind(2, token_id)
        .run();
}

bool SqliteStore::revoke_api_token(std::int64_t token_id, std::string_view at, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    m_database->prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .bind(1, at)
        .bind(2, token_id)
        .run();
    if (m_database->changes() == 0) {
        return false;
    }
    insert_audit(audit, std::to_string(token_id));
    transaction.commit();
    return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Failed logins

std::vector<LoginFailureRecord> SqliteStore::login_failures(const std::vector<std::string>& keys) {
    std::lock_guard lock(m_mutex);
    std::vector<LoginFailureRecord> records;
    for (const auto& key : keys) {
        Statement statement = m_database->prepare(
            "SELECT key, count, last_at, coalesce(locked_until, '') FROM login_failures WHERE key = ?");
        statement.bind(1, key);
        if (statement.step()) {
            records.push_back({statement.column_text(0), statement.column_int(1), statement.column_text(2),
                               statement.column_text(3)});
        }
    }
    return records;
}

std::vector<LoginFailureRecord> SqliteStore::record_login_failure(const std::vector<std::string>& keys,
                                                                  std::string_view now,
                                                                  std::string_view window_start,
                                                                  const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    std::vector<LoginFailureRecord> records;
    for (const auto& key : keys) {
        // A key whose last failure and lock both ended before the window starts over at one.
        m_database
            ->prepare(
                "INSERT INTO login_failures (key, count, last_at) VALUES (?1, 1, ?2) ON CONFLICT (key) DO UPDATE SET "
                "count = CASE WHEN max(last_at, coalesce(locked_until, '')) >= ?3 THEN count + 1 ELSE 1 END, "
                "locked_until = CASE WHEN max(last_at, coalesce(locked_until, '')) >= ?3 THEN locked_until END, "
                "last_at = ?2")
            .bind(1, key)
            .bind(2, now)
            .bind(3, window_start)
            .run();
        Statement statement = m_database->prepare(
            "SELECT key, count, last_at, coalesce(locked_until, '') FROM login_failures WHERE key = ?");
        statement.bind(1, key);
        statement.step();
        records.push_back(
            {statement.column_text(0), statement.column_int(1), statement.column_text(2), statement.column_text(3)});
    }
    insert_audit(audit);
    transaction.commit();
    return records;
}

void SqliteStore::lock_login(std::string_view key, std::string_view until) {
    std::lock_guard lock(m_mutex);
    m_database->prepare("UPDATE login_failures SET locked_until = ? WHERE key = ?").bind(1, until).bind(2, key).run();
}

void SqliteStore::clear_login_failures(std::string_view key) {
    std::lock_guard lock(m_mutex);
    m_database->prepare("DELETE FROM login_failures WHERE key = ?").bind(1, key).run();
}

}  // namespace storybank::store::sqlite
