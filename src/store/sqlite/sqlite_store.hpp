#pragma once

#include "store/store.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace storybank::store::sqlite {

namespace detail {
class Database;
}

/// Gives the current time as ISO 8601 UTC, "2026-11-29T10:00:00Z". Injected so tests can fix it.
using NowFunction = std::function<std::string()>;

/// The file a SqliteStore keeps everything in, inside its data folder.
inline constexpr std::string_view kDatabaseFileName = "storybank.sqlite3";

/// How long a write waits for another process's write lock before failing with Error(Unavailable).
inline constexpr std::chrono::milliseconds kDefaultBusyTimeout{5000};

/// The embedded store: one SQLite file (WAL) in a data folder, with an FTS5 index whose tokenizer stems French
/// and English. One connection, serialised by a mutex: safe to share between threads, one call at a time.
class SqliteStore final : public Store {
public:
    /// Opens the store in `data_dir` (created when missing), creating or upgrading its schema.
    /// `now` defaults to the system clock; `busy_timeout` is how long a write waits for a lock held by another
    /// process. Throws Error(Unavailable) when the folder cannot be created, the file is not a storybank
    /// database or is damaged (the file is left untouched), the database was written by a newer storybank, or
    /// another process holds the lock while the schema must be upgraded.
    static std::unique_ptr<SqliteStore> open(const std::filesystem::path& data_dir,
                                             NowFunction now = {},
                                             std::chrono::milliseconds busy_timeout = kDefaultBusyTimeout);

    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    std::int64_t create_story(const SaveRequest& request) override;
    ImportOutcome import_story(const SaveRequest& request, const ImportSource& source) override;
    int save_revision(std::int64_t story_id, const SaveRequest& request, int expected_revision) override;
    void set_status(std::int64_t story_id, core::WorkflowState status) override;
    void set_tags(std::int64_t story_id, const std::vector<std::string>& tags) override;
    std::optional<StorySummary> find_story(std::int64_t story_id) override;
    core::Revision revision(std::int64_t story_id, int number = 0) override;
    std::vector<core::RevisionInfo> history(std::int64_t story_id) override;
    std::vector<StorySummary> list_stories(const ListQuery& query) override;
    SearchResult search(const SearchQuery& query) override;
    std::int64_t story_count() override;
    void put_attachment(const StoredAttachment& attachment) override;
    std::optional<StoredAttachment> find_attachment(std::string_view sha256) override;
    Organisation ensure_organisation(std::string_view name, std::string_view kind) override;
    std::vector<Organisation> organisations() override;

    /// The highest schema migration applied to the file (the latest this binary knows, once open).
    int schema_version();

    /// The database file, `<data_dir>/storybank.sqlite3`.
    const std::filesystem::path& database_file() const;

private:
    SqliteStore(std::unique_ptr<detail::Database> database, NowFunction now);

    // Helpers below expect m_mutex to be held; those that write expect an open transaction.
    int applied_schema_version();
    void migrate();
    std::int64_t insert_story(const SaveRequest& request, const std::string& now);
    void write_revision(std::int64_t story_id, int number, const SaveRequest& request, const std::string& now);
    Organisation ensure_organisation_locked(std::string_view name, std::string_view kind);
    void insert_attachment(const StoredAttachment& attachment);
    std::int64_t organisation_id_for(std::string_view name, std::string_view kind);
    int current_revision_of(std::int64_t story_id);
    std::optional<StorySummary> find_story_locked(std::int64_t story_id);

private:  // data
    std::mutex m_mutex;
    std::unique_ptr<detail::Database> m_database;
    NowFunction m_now;
};

}  // namespace storybank::store::sqlite
