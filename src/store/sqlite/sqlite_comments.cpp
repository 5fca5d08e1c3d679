// Comments on stories in the SQLite store.
#include "core/error.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace storybank::store::sqlite {
namespace {

using detail::Transaction;

}  // namespace

std::int64_t SqliteStore::add_comment(const Comment& comment, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    detail::Statement story = m_database->prepare("SELECT current_revision FROM stories WHERE id = ?");
    story.bind(1, comment.story_id);
    if (!story.step()) {
        throw Error(ErrorKind::NotFound, "story " + std::to_string(comment.story_id) + " does not exist");
    }
    int revision = comment.revision != 0 ? comment.revision : story.column_int(0);
    m_database
        ->prepare(
            "INSERT INTO comments (story_id, revision, field, author_user_id, author, body, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, comment.story_id)
        .bind(2, revision)
        .bind(3, comment.field)
        .bind_optional_id(4, comment.author_user_id)
        .bind(5, comment.author)
        .bind(6, comment.body)
        .bind(7, m_now())
        .run();
    std::int64_t id = m_database->last_insert_rowid();
    insert_audit(audit, std::to_string(id));
    transaction.commit();
    return id;
}

std::vector<Comment> SqliteStore::comments(std::int64_t story_id) {
    std::lock_guard lock(m_mutex);
    detail::Statement statement = m_database->prepare(
        "SELECT id, story_id, revision, field, coalesce(author_user_id, 0), author, body, created_at FROM comments "
        "WHERE story_id = ? ORDER BY id");
    statement.bind(1, story_id);
    std::vector<Comment> found;
    while (statement.step()) {
        Comment comment;
        comment.id = statement.column_int64(0);
        comment.story_id = statement.column_int64(1);
        comment.revision = statement.column_int(2);
        comment.field = statement.column_text(3);
        comment.author_user_id = statement.column_int64(4);
        comment.author = statement.column_text(5);
        comment.body = statement.column_text(6);
        comment.created_at = statement.column_text(7);
        found.push_back(std::move(comment));
    }
    return found;
}

}  // namespace storybank::store::sqlite
