#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace storybank::store::sqlite::detail {

class Database;

/// A cached prepared statement in use: bind, step, read columns. Resets itself (and clears its bindings) when
/// it goes out of scope so the cache can hand it out again. Column and parameter indexes are as in SQLite:
/// parameters from 1, columns from 0.
class Statement {
public:
    Statement(Database& database, sqlite3_stmt* statement);
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    ~Statement();

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value);
    Statement& bind_null(int index);
    Statement& bind_blob(int index, std::string_view bytes);
    /// Binds an id, or NULL when it is 0 (an optional foreign key).
    Statement& bind_optional_id(int index, std::int64_t id);

    /// Runs to the next row: true when there is one, false when the statement is done.
    bool step();
    /// Runs a statement that returns no rows.
    void run();

    std::int64_t column_int64(int column) const;
    int column_int(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;
    std::string column_blob(int column) const;
    bool column_is_null(int column) const;

private:  // data
    Database* m_database;
    sqlite3_stmt* m_statement;
};

/// One SQLite connection with the project's settings, a statement cache, and the translation of SQLite result
/// codes into storybank::Error kinds (the only place that does it). Not thread-safe: the owner serialises.
class Database {
public:
    /// Opens (creating when absent) `file` inside `folder` (named in error messages about locking), with the
    /// busy timeout, and reads its schema to check it is an SQLite database, without writing anything.
    /// Throws Error(Unavailable) when the file cannot be opened or is not a database.
    static std::unique_ptr<Database> open(const std::filesystem::path& file,
                                          const std::filesystem::path& folder,
                                          std::chrono::milliseconds busy_timeout);
    /// The project's connection settings: WAL (persistent, written to the file), foreign keys on,
    /// synchronous=NORMAL. Called once the owner has decided the file is its own.
    void configure();
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// A cached prepared statement for `sql` (compiled on first use).
    Statement prepare(std::string_view sql);
    /// Runs one or more statements without results (schema scripts, PRAGMAs, BEGIN/COMMIT).
    void execute(std::string_view sql);

    std::int64_t last_insert_rowid() const;
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const;
    sqlite3* handle() const { return m_handle; }
    const std::filesystem::path& file() const { return m_file; }

    /// Throws the storybank::Error for a SQLite result code: locked/busy, disk full, I/O error, corrupt file,
    /// cannot open → Unavailable naming the folder or file; anything else → Internal. `context` says what was
    /// being done and only goes into the error's detail.
    [[noreturn]] void fail(int result_code, std::string_view context) const;
    /// fail() unless `result_code` is SQLITE_OK.
    void check(int result_code, std::string_view context) const;

private:
    Database(sqlite3* handle, std::filesystem::path file, std::filesystem::path folder);

    struct StatementDeleter {
        void operator()(sqlite3_stmt* statement) const;
    };

private:  // data
    sqlite3* m_handle;
    std::filesystem::path m_file;
    std::filesystem::path m_folder;
    std::map<std::string, std::unique_ptr<sqlite3_stmt, StatementDeleter>, std::less<>> m_statements;
};

/// BEGIN IMMEDIATE on construction (takes the write lock up front, so a busy database fails at the start
/// rather than half-way), ROLLBACK on destruction unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:  // data
    Database& m_database;
    bool m_done = false;
};

}  // namespace storybank::store::sqlite::detail
