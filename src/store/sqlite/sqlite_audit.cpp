#include "core/error.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <algorithm>
#include <variant>

namespace storybank::store::sqlite {

std::int64_t SqliteStore::insert_audit(const AuditEntry& entry, std::string_view created_id) {
    if (entry.action.empty() || entry.at.empty()) {
        throw Error(ErrorKind::InvalidRequest, "an audit entry needs an action and a time");
    }
    m_database
        ->prepare(
            "INSERT INTO audit_log (at, actor_user_id, actor, address, action, target_type, target_id, detail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, entry.at)
        .bind_optional_id(2, entry.actor_user_id)
        .bind(3, entry.actor)
        .bind(4, entry.address)
        .bind(5, entry.action)
        .bind(6, entry.target_type)
        .bind(7, entry.target_id.empty() ? created_id : std::string_view(entry.target_id))
        .bind(8, entry.detail.empty() ? std::string_view("{}") : std::string_view(entry.detail))
        .run();
    return m_database->last_insert_rowid();
}

std::int64_t SqliteStore::append_audit(const AuditEntry& entry) {
    std::lock_guard lock(m_mutex);
    return insert_audit(entry);
}

std::vector<AuditEntry> SqliteStore::audit_entries(const AuditQuery& query) {
    std::lock_guard lock(m_mutex);
    // Conditions only for what is asked, so that a story's entries come from the (target_type, target_id) index.
    std::string sql =
        "SELECT id, at, coalesce(actor_user_id, 0), actor, address, action, target_type, target_id, detail "
        "FROM audit_log WHERE 1";
    std::vector<std::variant<std::int64_t, std::string>> values;
    if (query.before_id != 0) {
        sql += " AND id < ?";
        values.emplace_back(query.before_id);
    }
    if (!query.target_type.empty()) {
        sql += " AND target_type = ?";
        values.emplace_back(query.target_type);
        if (!query.target_id.empty()) {
            sql += " AND target_id = ?";
            values.emplace_back(query.target_id);
        }
    }
    if (!query.action.empty()) {
        sql += " AND action = ?";
        values.emplace_back(query.action);
    }
    sql += " ORDER BY id DESC LIMIT ?";
    values.emplace_back(std::int64_t{std::clamp(query.limit, 0, 10000)});
    detail::Statement statement = m_database->prepare(sql);
    int index = 1;
    for (const auto& value : values) {
        std::visit([&](const auto& bound) { statement.bind(index, bound); }, value);
        ++index;
    }
    std::vector<AuditEntry> entries;
    while (statement.step()) {
        AuditEntry entry;
        entry.id = statement.column_int64(0);
        entry.at = statement.column_text(1);
        entry.actor_user_id = statement.column_int64(2);
        entry.actor = statement.column_text(3);
        entry.address = statement.column_text(4);
        entry.action = statement.column_text(5);
        entry.target_type = statement.column_text(6);
        entry.target_id = statement.column_text(7);
        entry.detail = statement.column_text(8);
        entries.push_back(std::move(entry));
    }
    return entries;
}

}  // namespace storybank::store::sqlite
