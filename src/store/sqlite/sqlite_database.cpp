#include "store/sqlite/sqlite_database.hpp"

#include "core/error.hpp"

#include <sqlite3.h>

#include <limits>
#include <system_error>
#include <utility>

namespace storybank::store::sqlite::detail {
namespace {

std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

int checked_size(std::size_t size) {
    if (size > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw Error(ErrorKind::InvalidRequest, "a value is too large to store (over 2 GB)");
    }
    return static_cast<int>(size);
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Statement

Statement::Statement(Database& database, sqlite3_stmt* statement) : m_database(&database), m_statement(statement) {}

Statement::Statement(Statement&& other) noexcept
    : m_database(other.m_database), m_statement(std::exchange(other.m_statement, nullptr)) {}

Statement::~Statement() {
    if (m_statement != nullptr) {
        // The result code repeats the last step's error, which was already reported.
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
}

Statement& Statement::bind(int index, std::string_view text) {
    // A default-constructed view has no data pointer, which SQLite would bind as NULL rather than ''.
    const char* data = text.data() != nullptr ? text.data() : "";
    m_database->check(sqlite3_bind_text(m_statement, index, data, checked_size(text.size()), SQLITE_TRANSIENT),
                      "binding a text parameter");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    m_database->check(sqlite3_bind_int64(m_statement, index, value), "binding an integer parameter");
    return *this;
}

Statement& Statement::bind(int index, int value) {
    m_database->check(sqlite3_bind_int(m_statement, index, value), "binding an integer parameter");
    return *this;
}

Statement& Statement::bind_null(int index) {
    m_database->check(sqlite3_bind_null(m_statement, index), "binding NULL");
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    m_database->check(sqlite3_bind_blob(m_statement, index, bytes.data(), checked_size(bytes.size()), SQLITE_TRANSIENT),
                      "binding a blob parameter");
    return *this;
}

Statement& Statement::bind_optional_id(int index, std::int64_t id) {
    return id == 0 ? bind_null(index) : bind(index, id);
}

bool Statement::step() {
    int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW) {
        return true;
    }
    if (result == SQLITE_DONE) {
        return false;
    }
    m_database->fail(result, sqlite3_sql(m_statement));
}

void Statement::run() {
    while (step()) {
    }
}

std::int64_t Statement::column_int64(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

int Statement::column_int(int column) const {
    return sqlite3_column_int(m_statement, column);
}

double Statement::column_double(int column) const {
    return sqlite3_column_double(m_statement, column);
}

std::string Statement::column_text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    if (text == nullptr) {
        return {};
    }
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column)));
}

std::string Statement::column_blob(int column) const {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
    if (bytes == nullptr) {
        return {};
    }
    return std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column)));
}

bool Statement::column_is_null(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

// ---------------------------------------------------------------------------------------------------------------
// Database

void Database::StatementDeleter::operator()(sqlite3_stmt* statement) const {
    sqlite3_finalize(statement);
}

Database::Database(sqlite3* handle, std::filesystem::path file, std::filesystem::path folder)
    : m_handle(handle), m_file(std::move(file)), m_folder(std::move(folder)) {}

Database::~Database() {
    m_statements.clear();
    sqlite3_close_v2(m_handle);
}

std::unique_ptr<Database> Database::open(const std::filesystem::path& file,
                                         const std::filesystem::path& folder,
                                         std::chrono::milliseconds busy_timeout) {
    sqlite3* handle = nullptr;
    int result = sqlite3_open_v2(file.c_str(), &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (result != SQLITE_OK) {
        std::string detail = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(result);
        sqlite3_close_v2(handle);
        throw Error(ErrorKind::Unavailable,
                    "cannot open the database " + quoted(file) + "; check that the data folder exists and is writable",
                    detail);
    }
    std::unique_ptr<Database> database(new Database(handle, file, folder));
    sqlite3_extended_result_codes(handle, 1);
    database->check(sqlite3_busy_timeout(handle, static_cast<int>(busy_timeout.count())), "setting busy_timeout");

    // Read before writing anything: on a file that is not a database this fails with SQLITE_NOTADB and the
    // file is left byte-for-byte as it was.
    database->execute("SELECT count(*) FROM sqlite_schema");
    return database;
}

void Database::configure() {
    {
        Statement journal = prepare("PRAGMA journal_mode = WAL");
        if (!journal.step() || journal.column_text(0) != "wal") {
            throw Error(ErrorKind::Unavailable,
                        "cannot switch " + quoted(m_file) +
                            " to write-ahead logging; is the data folder on a network drive? Use a local folder",
                        "PRAGMA journal_mode = WAL did not return 'wal'");
        }
    }
    execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL");
}

Statement Database::prepare(std::string_view sql) {
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        sqlite3_stmt* statement = nullptr;
        int result = sqlite3_prepare_v3(m_handle, sql.data(), checked_size(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                        &statement, nullptr);
        if (result != SQLITE_OK) {
            sqlite3_finalize(statement);
            fail(result, sql);
        }
        found =
            m_statements.emplace(std::string(sql), std::unique_ptr<sqlite3_stmt, StatementDeleter>(statement)).first;
    }
    return Statement(*this, found->second.get());
}

void Database::execute(std::string_view sql) {
    std::string script(sql);  // sqlite3_exec needs a NUL-terminated string
    char* message = nullptr;
    int result = sqlite3_exec(m_handle, script.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);  // the same text is available from sqlite3_errmsg() in fail()
    if (result != SQLITE_OK) {
        fail(result, sql);
    }
}

std::int64_t Database::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(m_handle);
}

int Database::changes() const {
    return sqlite3_changes(m_handle);
}

void Database::check(int result_code, std::string_view context) const {
    if (result_code != SQLITE_OK) {
        fail(result_code, context);
    }
}

void Database::fail(int result_code, std::string_view context) const {
    std::string detail = std::string(sqlite3_errstr(result_code)) + " (" + sqlite3_errmsg(m_handle) + ", code " +
                         std::to_string(result_code) + ") while running: " + std::string(context);
    switch (result_code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw Error(
                ErrorKind::Unavailable,
                "the data folder " + quoted(m_folder) + " is locked by another storybank process; stop it or wait",
                detail);
        case SQLITE_FULL:
            throw Error(ErrorKind::Unavailable,
                        "the disk holding " + quoted(m_file) + " is full; free some space and try again", detail);
        case SQLITE_IOERR:
            throw Error(ErrorKind::Unavailable,
                        "reading or writing " + quoted(m_file) + " failed (input/output error); check the disk",
                        detail);
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            throw Error(ErrorKind::Unavailable,
                        quoted(m_file) + " is not a storybank database or is damaged; restore it from a backup",
                        detail);
        case SQLITE_CANTOPEN:
            throw Error(ErrorKind::Unavailable,
                        "cannot open " + quoted(m_file) + "; check that the data folder exists and is writable",
                        detail);
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_AUTH:
            throw Error(ErrorKind::Unavailable,
                        "cannot write to " + quoted(m_file) + "; check the permissions of the data folder", detail);
        default:
            throw Error(ErrorKind::Internal, "the store failed unexpectedly; see the log for details", detail);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Transaction

Transaction::Transaction(Database& database) : m_database(database) {
    m_database.prepare("BEGIN IMMEDIATE").run();
}

Transaction::~Transaction() {
    if (!m_done) {
        // Nothing to report from here: the exception that ends the transaction is already on its way, and
        // SQLite may have rolled back by itself (then this fails harmlessly).
        sqlite3_exec(m_database.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    m_database.prepare("COMMIT").run();
    m_done = true;
}

}  // namespace storybank::store::sqlite::detail
