// Stories selected for reports in the SQLite store.
#include "core/error.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace storybank::store::sqlite {
namespace {

using detail::Transaction;

}  // namespace

std::int64_t SqliteStore::add_selection(const Selection& selection, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    detail::Statement story = m_database->prepare("SELECT 1 FROM stories WHERE id = ?");
    story.bind(1, selection.story_id);
    if (!story.step()) {
        throw Error(ErrorKind::NotFound, "story " + std::to_string(selection.story_id) + " does not exist");
    }
    detail::Statement existing = m_database->prepare("SELECT 1 FROM selections WHERE report = ? AND story_id = ?");
    existing.bind(1, selection.report).bind(2, selection.story_id);
    if (existing.step()) {
        throw Error(ErrorKind::Conflict, "story " + std::to_string(selection.story_id) +
                                             " is selected for the report '" + selection.report + "' already");
    }
    m_database
        ->prepare(
            "INSERT INTO selections (story_id, report, reason, selected_by_user_id, selected_by, selected_at) "
            "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, selection.story_id)
        .bind(2, selection.report)
        .bind(3, selection.reason)
        .bind_optional_id(4, selection.selected_by_user_id)
        .bind(5, selection.selected_by)
        .bind(6, m_now())
        .run();
    std::int64_t id = m_database->last_insert_rowid();
    insert_audit(audit, std::to_string(id));
    transaction.commit();
    return id;
}

std::vector<Selection> SqliteStore::selections(std::string_view report, std::int64_t story_id) {
    std::lock_guard lock(m_mutex);
    detail::Statement statement = m_database->prepare(
        "SELECT id, story_id, report, reason, coalesce(selected_by_user_id, 0), selected_by, selected_at "
        "FROM selections WHERE (?1 = '' OR report = ?1) AND (?2 = 0 OR story_id = ?2) ORDER BY report, story_id");
    statement.bind(1, report).bind(2, story_id);
    std::vector<Selection> found;
    while (statement.step()) {
        Selection selection;
        selection.id = statement.column_int64(0);
        selection.story_id = statement.column_int64(1);
        selection.report = statement.column_text(2);
        selection.reason = statement.column_text(3);
        selection.selected_by_user_id = statement.column_int64(4);
        selection.selected_by = statement.column_text(5);
        selection.selected_at = statement.column_text(6);
        found.push_back(std::move(selection));
    }
    return found;
}

}  // namespace storybank::store::sqlite
