#include "store/sqlite/sqlite_store.hpp"

#include "core/error.hpp"
#include "core/message_catalog.hpp"
#include "core/story_json.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "store/sqlite/sqlite_migrations.hpp"
#include "store/sqlite/sqlite_story_rows.hpp"
#include "store/sqlite/stemming_tokenizer.hpp"
#include "text/unicode_text.hpp"

#include <algorithm>
#include <ctime>
#include <set>
#include <system_error>

namespace storybank::store::sqlite {
namespace {

using detail::Database;
using detail::Statement;
using detail::Transaction;

std::string system_now() {
    std::time_t seconds = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

int latest_known_version() {
    auto known = detail::migrations();
    return known.empty() ? 0 : known.back().version;
}

/// Problems are stored by message ID and parameters; the rendered text is made again at the edge in the
/// reader's language, so an empty catalog is all the canonical JSON needs here.
std::string document_of(const core::Story& story) {
    static const core::MessageCatalog kNoMessages;
    return core::to_canonical_json(story, kNoMessages, "", core::JsonLayout::Compact);
}

Error story_not_found(std::int64_t story_id) {
    return Error(ErrorKind::NotFound, "story " + std::to_string(story_id) + " does not exist");
}

std::string tidy_name(std::string_view name) {
    return text::tidy_spaces(text::normalize_nfc(name));
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Opening and migrations

std::unique_ptr<SqliteStore> SqliteStore::open(const std::filesystem::path& data_dir,
                                               NowFunction now,
                                               std::chrono::milliseconds busy_timeout) {
    std::error_code error;
    std::filesystem::create_directories(data_dir, error);
    if (error || !std::filesystem::is_directory(data_dir)) {
        throw Error(ErrorKind::Unavailable,
                    "cannot create or open the data folder " + quoted(data_dir) +
                        "; check that the path is a folder you may write to",
                    error ? error.message() : "exists and is not a folder");
    }
    auto database = Database::open(data_dir / kDatabaseFileName, data_dir, busy_timeout);
    database->check(detail::register_stemming_tokenizer(database->handle()), "registering the FTS5 tokenizer");
    std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(database), now ? std::move(now) : system_now));
    store->migrate();
    return store;
}

SqliteStore::SqliteStore(std::unique_ptr<Database> database, NowFunction now)
    : m_database(std::move(database)), m_now(std::move(now)) {}

SqliteStore::~SqliteStore() = default;

const std::filesystem::path& SqliteStore::database_file() const {
    return m_database->file();
}

int SqliteStore::schema_version() {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    statement.step();
    return statement.column_int(0);
}

int SqliteStore::applied_schema_version() {
    Statement has_table =
        m_database->prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'");
    has_table.step();
    if (has_table.column_int(0) == 0) {
        Statement objects = m_database->prepare("SELECT count(*) FROM sqlite_schema");
        objects.step();
        if (objects.column_int(0) != 0) {
            throw Error(
                ErrorKind::Unavailable,
                quoted(m_database->file()) + " is an SQLite database but not a storybank one; use another data folder",
                "no schema_migrations table");
        }
        return 0;
    }
    Statement version = m_database->prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    version.step();
    int applied = version.column_int(0);
    int latest = latest_known_version();
    if (applied > latest) {
        throw Error(ErrorKind::Unavailable, quoted(m_database->file()) +
                                                " was written by a newer storybank (schema version " +
                                                std::to_string(applied) + ", this one knows up to " +
                                                std::to_string(latest) + "); upgrade storybank to open it");
    }
    return applied;
}

void SqliteStore::migrate() {
    std::lock_guard lock(m_mutex);
    // Checked before anything is written (even the switch to WAL), so a file that is not ours or is too new
    // is left as it was, and opening an up-to-date database never writes.
    int version = applied_schema_version();
    m_database->configure();
    if (version == latest_known_version()) {
        return;
    }
    Transaction transaction(*m_database);
    version = applied_schema_version();  // another process may have migrated before we got the lock
    m_database->execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    std::string now = m_now();
    for (const auto& migration : detail::migrations()) {
        if (migration.version <= version) {
            continue;
        }
        m_database->execute(migration.sql);
        m_database->prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
            .bind(1, migration.version)
            .bind(2, migration.name)
            .bind(3, now)
            .run();
    }
    transaction.commit();
}

// ---------------------------------------------------------------------------------------------------------------
// Stories and revisions

std::int64_t SqliteStore::organisation_id_for(std::string_view name, std::string_view kind) {
    if (tidy_name(name).empty()) {
        return 0;
    }
    return ensure_organisation_locked(name, kind).id;
}

std::int64_t SqliteStore::insert_story(const SaveRequest& request, const std::string& now) {
    // current_revision points at a revision inserted just after: the foreign key is deferred to COMMIT.
    m_database
        ->prepare(
            "INSERT INTO stories (template_id, status, current_revision, created_at, updated_at) "
            "VALUES (?, 'draft', 1, ?, ?)")
        .bind(1, request.story.template_id)
        .bind(2, now)
        .bind(3, now)
        .run();
    std::int64_t story_id = m_database->last_insert_rowid();
    write_revision(story_id, 1, request, now);
    return story_id;
}

void SqliteStore::write_revision(std::int64_t story_id,
                                 int number,
                                 const SaveRequest& request,
                                 const std::string& now) {
    const core::Story& story = request.story;
    const core::StoryIndexEntry& index = request.index;
    for (const auto& attachment : request.attachments) {
        insert_attachment(attachment);
    }
    auto errors = std::count_if(story.problems.begin(), story.problems.end(),
                                [](const core::Problem& problem) { return problem.severity == core::Severity::Error; });
    auto warnings = static_cast<std::int64_t>(story.problems.size()) - errors;

    m_database
        ->prepare(
            "INSERT INTO revisions (story_id, number, created_at, author, note, document) "
            "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, story_id)
        .bind(2, number)
        .bind(3, now)
        .bind(4, request.author)
        .bind(5, request.note)
        .bind(6, document_of(story))
        .run();

    std::int64_t partner_id = organisation_id_for(index.partner_ngo, "partner");
    std::int64_t member_id = organisation_id_for(index.consortium_member, "member");
    m_database
        ->prepare(
            "UPDATE stories SET template_id = ?, current_revision = ?, title = ?, author = ?, language = ?, "
            "country = ?, locality = ?, partner_org_id = ?, member_org_id = ?, year = ?, updated_at = ?, "
            "error_count = ?, warning_count = ? WHERE id = ?")
        .bind(1, story.template_id)
        .bind(2, number)
        .bind(3, index.title)
        .bind(4, index.author)
        .bind(5, story.language)
        .bind(6, index.country)
        .bind(7, index.locality)
        .bind_optional_id(8, partner_id)
        .bind_optional_id(9, member_id)
        .bind(10, index.year)
        .bind(11, now)
        .bind(12, static_cast<std::int64_t>(errors))
        .bind(13, warnings)
        .bind(14, story_id)
        .run();

    // The search index holds the current revision only: replace the story's row in the same transaction.
    m_database->prepare("DELETE FROM story_search WHERE rowid = ?").bind(1, story_id).run();
    m_database->prepare("INSERT INTO story_search (rowid, title, summary, body, quotes) VALUES (?, ?, ?, ?, ?)")
        .bind(1, story_id)
        .bind(2, detail::with_language_marker(story.language, index.search_title))
        .bind(3, detail::with_language_marker(story.language, index.search_summary))
        .bind(4, detail::with_language_marker(story.language, index.search_body))
        .bind(5, detail::with_language_marker(story.language, index.search_quotes))
        .run();
}

std::int64_t SqliteStore::create_story(const SaveRequest& request) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    std::int64_t story_id = insert_story(request, m_now());
    if (request.audit) {
        insert_audit(*request.audit, std::to_string(story_id));
    }
    transaction.commit();
    return story_id;
}

ImportOutcome SqliteStore::import_story(const SaveRequest& request, const ImportSource& source) {
    if (source.sha256.empty()) {
        throw Error(ErrorKind::InvalidRequest, "an imported story needs the SHA-256 of its source file");
    }
    std::lock_guard lock(m_mutex);
    // Looked up and recorded in one write transaction: two imports of the same file cannot both create.
    Transaction transaction(*m_database);
    {
        Statement existing = m_database->prepare("SELECT story_id FROM import_sources WHERE sha256 = ?");
        existing.bind(1, source.sha256);
        if (existing.step()) {
            return {existing.column_int64(0), false};
        }
    }
    std::string now = m_now();
    std::int64_t story_id = insert_story(request, now);
    m_database->prepare("INSERT INTO import_sources (sha256, story_id, file_name, imported_at) VALUES (?, ?, ?, ?)")
        .bind(1, source.sha256)
        .bind(2, story_id)
        .bind(3, source.file_name)
        .bind(4, now)
        .run();
    if (request.audit) {
        insert_audit(*request.audit, std::to_string(story_id));
    }
    transaction.commit();
    return {story_id, true};
}

ImportOutcome SqliteStore::create_story_once(const SaveRequest& request, const CreationKey& key) {
    if (key.key.empty()) {
        throw Error(ErrorKind::InvalidRequest, "a story created once needs a creation key");
    }
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    {
        Statement existing =
            m_database->prepare("SELECT story_id FROM story_creation_keys WHERE user_id = ? AND creation_key = ?");
        existing.bind(1, key.user_id).bind(2, key.key);
        if (existing.step()) {
            return {existing.column_int64(0), false};
        }
    }
    std::string now = m_now();
    std::int64_t story_id = insert_story(request, now);
    m_database
        ->prepare("INSERT INTO story_creation_keys (user_id, creation_key, story_id, created_at) VALUES (?, ?, ?, ?)")
        .bind(1, key.user_id)
        .bind(2, key.key)
        .bind(3, story_id)
        .bind(4, now)
        .run();
    if (request.audit) {
        insert_audit(*request.audit, std::to_string(story_id));
    }
    transaction.commit();
    return {story_id, true};
}

int SqliteStore::current_revision_of(std::int64_t story_id) {
    Statement current = m_database->prepare("SELECT current_revision FROM stories WHERE id = ?");
    current.bind(1, story_id);
    if (!current.step()) {
        throw story_not_found(story_id);
    }
    return current.column_int(0);
}

int SqliteStore::save_revision(std::int64_t story_id, const SaveRequest& request, int expected_revision) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    int current = current_revision_of(story_id);
    if (current != expected_revision) {
        throw Error(ErrorKind::Conflict, "story " + std::to_string(story_id) +
                                             " has changed since you opened it: it is at revision " +
                                             std::to_string(current) + ", not " + std::to_string(expected_revision) +
                                             "; reload it and apply your changes again");
    }
    write_revision(story_id, current + 1, request, m_now());
    if (request.audit) {
        insert_audit(*request.audit, std::to_string(story_id));
    }
    transaction.commit();
    return current + 1;
}

void SqliteStore::set_status(std::int64_t story_id, core::WorkflowState status, const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    m_database->prepare("UPDATE stories SET status = ?, updated_at = ? WHERE id = ?")
        .bind(1, core::workflow_state_name(status))
        .bind(2, m_now())
        .bind(3, story_id)
        .run();
    if (m_database->changes() == 0) {
        throw story_not_found(story_id);
    }
    insert_audit(audit, std::to_string(story_id));
    transaction.commit();
}

void SqliteStore::move_story(std::int64_t story_id,
                             core::WorkflowState from,
                             core::WorkflowState to,
                             const AuditEntry& audit) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    m_database->prepare("UPDATE stories SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
        .bind(1, core::workflow_state_name(to))
        .bind(2, m_now())
        .bind(3, story_id)
        .bind(4, core::workflow_state_name(from))
        .run();
    if (m_database->changes() == 0) {
        detail::Statement current = m_database->prepare("SELECT status FROM stories WHERE id = ?");
        current.bind(1, story_id);
        if (!current.step()) {
            throw story_not_found(story_id);
        }
        throw Error(ErrorKind::Conflict, "story " + std::to_string(story_id) + " is " + current.column_text(0) +
                                             " now, no longer " + std::string(core::workflow_state_name(from)) +
                                             "; reload it and decide again");
    }
    insert_audit(audit, std::to_string(story_id));
    transaction.commit();
}

void SqliteStore::set_tags(std::int64_t story_id, const std::vector<std::string>& tags, const AuditEntry& audit) {
    std::set<std::string> keys;
    for (const auto& tag : tags) {
        std::string key = tidy_name(tag);
        key.erase(std::remove(key.begin(), key.end(), '\x1F'), key.end());  // the separator of kSummaryColumns
        if (!key.empty()) {
            keys.insert(std::move(key));
        }
    }
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    m_database->prepare("UPDATE stories SET updated_at = ? WHERE id = ?").bind(1, m_now()).bind(2, story_id).run();
    if (m_database->changes() == 0) {
        throw story_not_found(story_id);
    }
    m_database->prepare("DELETE FROM story_tags WHERE story_id = ?").bind(1, story_id).run();
    for (const auto& key : keys) {
        m_database->prepare("INSERT INTO tags (key) VALUES (?) ON CONFLICT (key) DO NOTHING").bind(1, key).run();
        m_database->prepare("INSERT INTO story_tags (story_id, tag_id) SELECT ?, id FROM tags WHERE key = ?")
            .bind(1, story_id)
            .bind(2, key)
            .run();
    }
    insert_audit(audit, std::to_string(story_id));
    transaction.commit();
}

std::optional<StorySummary> SqliteStore::find_story_locked(std::int64_t story_id) {
    Statement statement = m_database->prepare(std::string("SELECT ") + detail::kSummaryColumns + " " +
                                              detail::kSummaryFrom + " WHERE s.id = ?");
    statement.bind(1, story_id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return detail::read_summary(statement);
}

std::optional<StorySummary> SqliteStore::find_story(std::int64_t story_id) {
    std::lock_guard lock(m_mutex);
    return find_story_locked(story_id);
}

core::Revision SqliteStore::revision(std::int64_t story_id, int number) {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare(
        "SELECT number, created_at, author, note, document FROM revisions WHERE story_id = ?1 AND number = "
        "(CASE WHEN ?2 = 0 THEN (SELECT current_revision FROM stories WHERE id = ?1) ELSE ?2 END)");
    statement.bind(1, story_id).bind(2, number);
    if (!statement.step()) {
        if (number == 0 || !find_story_locked(story_id)) {
            throw story_not_found(story_id);
        }
        throw Error(ErrorKind::NotFound,
                    "story " + std::to_string(story_id) + " has no revision " + std::to_string(number));
    }
    core::Revision revision;
    revision.info.story_id = story_id;
    revision.info.number = statement.column_int(0);
    revision.info.created_at = statement.column_text(1);
    revision.info.author = statement.column_text(2);
    revision.info.note = statement.column_text(3);
    revision.story = core::story_from_json(statement.column_text(4));
    return revision;
}

std::vector<core::RevisionInfo> SqliteStore::history(std::int64_t story_id) {
    std::lock_guard lock(m_mutex);
    std::vector<core::RevisionInfo> revisions;
    Statement statement = m_database->prepare(
        "SELECT number, created_at, author, note FROM revisions WHERE story_id = ? ORDER BY number");
    statement.bind(1, story_id);
    while (statement.step()) {
        revisions.push_back({story_id, statement.column_int(0), statement.column_text(1), statement.column_text(2),
                             statement.column_text(3)});
    }
    if (revisions.empty()) {
        throw story_not_found(story_id);  // every story has at least its first revision
    }
    return revisions;
}

std::vector<StorySummary> SqliteStore::list_stories(const ListQuery& query) {
    detail::FilterSql filter = detail::filter_sql(query.filter);
    std::string sql = std::string("SELECT ") + detail::kSummaryColumns + " " + detail::kSummaryFrom + " WHERE s.id > ?";
    if (!filter.condition.empty()) {
        sql += " AND " + filter.condition;
    }
    sql += " ORDER BY s.id LIMIT ?";

    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare(sql);
    statement.bind(1, query.after_id);
    int next = detail::bind_filter(statement, 2, filter);
    statement.bind(next, std::clamp(query.limit, 0, 1000));
    std::vector<StorySummary> stories;
    while (statement.step()) {
        stories.push_back(detail::read_summary(statement));
    }
    return stories;
}

std::int64_t SqliteStore::story_count() {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare("SELECT count(*) FROM stories");
    statement.step();
    return statement.column_int64(0);
}

// ---------------------------------------------------------------------------------------------------------------
// Attachments and organisations

void SqliteStore::put_attachment(const StoredAttachment& stored) {
    std::lock_guard lock(m_mutex);
    insert_attachment(stored);
}

void SqliteStore::insert_attachment(const StoredAttachment& stored) {
    if (stored.attachment.sha256.empty()) {
        throw Error(ErrorKind::InvalidRequest, "an attachment needs the SHA-256 of its bytes");
    }
    m_database
        ->prepare(
            "INSERT INTO attachments (sha256, media_type, width, height, size, bytes, thumbnail_sha256) "
            "VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, '')) ON CONFLICT (sha256) DO NOTHING")
        .bind(1, stored.attachment.sha256)
        .bind(2, stored.attachment.media_type)
        .bind(3, stored.attachment.width)
        .bind(4, stored.attachment.height)
        .bind(5, static_cast<std::int64_t>(stored.bytes.size()))
        .bind_blob(6, stored.bytes)
        .bind(7, stored.thumbnail_sha256)
        .run();
}

std::optional<StoredAttachment> SqliteStore::find_attachment(std::string_view sha256) {
    std::lock_guard lock(m_mutex);
    Statement statement = m_database->prepare(
        "SELECT sha256, media_type, width, height, bytes, coalesce(thumbnail_sha256, '') FROM attachments "
        "WHERE sha256 = ?");
    statement.bind(1, sha256);
    if (!statement.step()) {
        return std::nullopt;
    }
    StoredAttachment stored;
    stored.attachment.sha256 = statement.column_text(0);
    stored.attachment.media_type = statement.column_text(1);
    stored.attachment.width = statement.column_int(2);
    stored.attachment.height = statement.column_int(3);
    stored.bytes = statement.column_blob(4);
    stored.thumbnail_sha256 = statement.column_text(5);
    return stored;
}

Organisation SqliteStore::ensure_organisation_locked(std::string_view name, std::string_view kind) {
    std::string tidy = tidy_name(name);
    std::string key = text::fold_for_matching(tidy);
    if (key.empty()) {
        throw Error(ErrorKind::InvalidRequest, "an organisation needs a name");
    }
    // The first spelling seen is kept as the name; a kind is only filled in when it was unknown.
    m_database
        ->prepare(
            "INSERT INTO organisations (name, name_key, kind) VALUES (?, ?, ?) ON CONFLICT (name_key) "
            "DO UPDATE SET kind = excluded.kind WHERE organisations.kind = '' AND excluded.kind <> ''")
        .bind(1, tidy)
        .bind(2, key)
        .bind(3, kind)
        .run();
    Statement statement = m_database->prepare("SELECT id, name, kind FROM organisations WHERE name_key = ?");
    statement.bind(1, key);
    statement.step();
    return {statement.column_int64(0), statement.column_text(1), statement.column_text(2)};
}

Organisation SqliteStore::ensure_organisation(std::string_view name, std::string_view kind) {
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    Organisation organisation = ensure_organisation_locked(name, kind);
    transaction.commit();
    return organisation;
}

std::vector<Organisation> SqliteStore::organisations() {
    std::lock_guard lock(m_mutex);
    std::vector<Organisation> found;
    Statement statement = m_database->prepare("SELECT id, name, kind FROM organisations ORDER BY name_key");
    while (statement.step()) {
        found.push_back({statement.column_int64(0), statement.column_text(1), statement.column_text(2)});
    }
    return found;
}

}  // namespace storybank::store::sqlite
