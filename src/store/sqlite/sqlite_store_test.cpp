// SQLite-specific behaviour: locking, damaged files, schema versions, what is on disk. The behaviour every backend
// shares is in tests/store/store_conformance_test.cpp.
#include "store/sqlite/sqlite_store.hpp"

#include "core/error.hpp"
#include "store/sqlite/sqlite_migrations.hpp"
#include "store/sqlite/stemming_tokenizer.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace storybank::store::sqlite {
namespace {

constexpr std::chrono::milliseconds kShortBusyTimeout{50};

SaveRequest request_with_title(const std::string& title) {
    SaveRequest request;
    request.story.template_id = "success-story";
    request.story.language = "fr";
    request.story.set("title", title);
    request.index.title = title;
    request.index.search_title = title;
    request.author = "tester";
    return request;
}

AuditEntry status_audit() {
    AuditEntry entry;
    entry.at = "2026-11-29T10:00:00Z";
    entry.actor = "tester";
    entry.action = "story.status";
    return entry;
}

std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A second, raw connection to the same file, as another process would have.
class RawConnection {
public:
    explicit RawConnection(const std::filesystem::path& file) {
        EXPECT_EQ(sqlite3_open(file.c_str(), &m_database), SQLITE_OK);
    }
    ~RawConnection() { sqlite3_close(m_database); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    sqlite3* handle() const { return m_database; }
    int execute(const std::string& sql) { return sqlite3_exec(m_database, sql.c_str(), nullptr, nullptr, nullptr); }

    std::string text(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        std::string out;
        if (sqlite3_prepare_v2(m_database, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr) {
            out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        }
        sqlite3_finalize(statement);
        return out;
    }

private:  // data
    sqlite3* m_database = nullptr;
};

template <typename Function>
Error error_from(Function&& function) {
    try {
        function();
    } catch (const Error& error) {
        return error;
    }
    ADD_FAILURE() << "expected a storybank::Error";
    return Error(ErrorKind::Internal, "no error");
}

class SqliteStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        static std::atomic<int> counter = 0;
        m_data_dir = std::filesystem::temp_directory_path() /
                     ("storybank-sqlite-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
        std::filesystem::remove_all(m_data_dir);
    }
    void TearDown() override {
        if (!HasFailure()) {
            std::filesystem::remove_all(m_data_dir);
        }
    }

    std::unique_ptr<SqliteStore> open_store() {
        return SqliteStore::open(
            m_data_dir, [] { return std::string("2026-11-29T10:00:00Z"); }, kShortBusyTimeout);
    }
    std::filesystem::path database_file() const { return m_data_dir / kDatabaseFileName; }

    std::filesystem::path m_data_dir;
};

TEST_F(SqliteStoreTest, CreatesTheFolderAndAWalDatabaseWithEveryMigration) {
    auto store = open_store();
    EXPECT_TRUE(std::filesystem::is_regular_file(database_file()));
    EXPECT_EQ(store->database_file(), database_file());
    EXPECT_EQ(store->schema_version(), detail::migrations().back().version);
    store.reset();

    RawConnection raw(database_file());
    EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(raw.text("SELECT count(*) FROM schema_migrations"), std::to_string(detail::migrations().size()));
    EXPECT_EQ(raw.text("SELECT name FROM schema_migrations WHERE version = 1"), "0001_initial");
    EXPECT_EQ(raw.text("SELECT applied_at FROM schema_migrations WHERE version = 1"), "2026-11-29T10:00:00Z");
}

TEST_F(SqliteStoreTest, MigrationsAreNumberedInOrder) {
    int previous = 0;
    for (const auto& migration : detail::migrations()) {
        EXPECT_GT(migration.version, previous) << migration.name;
        EXPECT_EQ(std::stoi(std::string(migration.name).substr(0, 4)), migration.version) << migration.name;
        previous = migration.version;
    }
}

TEST_F(SqliteStoreTest, AWriteLockHeldElsewhereIsUnavailableSayingLocked) {
    auto store = open_store();
    store->create_story(request_with_title("avant"));

    RawConnection other(database_file());
    ASSERT_EQ(other.execute("BEGIN EXCLUSIVE"), SQLITE_OK);
    Error error = error_from([&] { store->create_story(request_with_title("pendant")); });
    EXPECT_EQ(error.kind(), ErrorKind::Unavailable);
    EXPECT_NE(error.public_message().find("locked"), std::string::npos) << error.public_message();
    EXPECT_NE(error.public_message().find(m_data_dir.string()), std::string::npos) << error.public_message();
    EXPECT_EQ(store->story_count(), 1) << "reads go on while another process writes (WAL)";
    EXPECT_EQ(error_from([&] { store->set_status(1, core::WorkflowState::Approved, status_audit()); }).kind(),
              ErrorKind::Unavailable);

    ASSERT_EQ(other.execute("COMMIT"), SQLITE_OK);
    store->create_story(request_with_title("après"));
    EXPECT_EQ(store->story_count(), 2) << "the refused write left nothing behind";
}

TEST_F(SqliteStoreTest, AFileThatIsNotADatabaseIsRefusedAndLeftUntouched) {
    std::filesystem::create_directories(m_data_dir);
    const std::string bytes = "PK\x03\x04 this is a zip file, not a database. " + std::string(4096, 'x');
    {
        std::ofstream out(database_file(), std::ios::binary);
        out << bytes;
    }
    Error error = error_from([&] { open_store(); });
    EXPECT_EQ(error.kind(), ErrorKind::Unavailable);
    EXPECT_NE(error.public_message().find(database_file().string()), std::string::npos) << error.public_message();
    EXPECT_NE(error.public_message().find("not a storybank database or is damaged"), std::string::npos)
        << error.public_message();
    EXPECT_TRUE(read_bytes(database_file()) == bytes) << "the file's bytes changed";
}

TEST_F(SqliteStoreTest, AnotherApplicationsDatabaseIsRefused) {
    std::filesystem::create_directories(m_data_dir);
    {
        RawConnection raw(database_file());
        ASSERT_EQ(raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"), SQLITE_OK);
    }
    std::string before = read_bytes(database_file());
    Error error = error_from([&] { open_store(); });
    EXPECT_EQ(error.kind(), ErrorKind::Unavailable);
    EXPECT_NE(error.public_message().find("not a storybank one"), std::string::npos) << error.public_message();
    EXPECT_TRUE(read_bytes(database_file()) == before) << "the file's bytes changed";
}

TEST_F(SqliteStoreTest, ADatabaseFromANewerStorybankIsRefused) {
    open_store()->create_story(request_with_title("gardée"));
    {
        RawConnection raw(database_file());
        ASSERT_EQ(raw.execute("INSERT INTO schema_migrations VALUES (9999, '9999_future', '2030-01-01T00:00:00Z')"),
                  SQLITE_OK);
    }
    std::string before = read_bytes(database_file());
    Error error = error_from([&] { open_store(); });
    EXPECT_TRUE(read_bytes(database_file()) == before) << "the file's bytes changed";
    EXPECT_EQ(error.kind(), ErrorKind::Unavailable);
    EXPECT_NE(error.public_message().find("upgrade storybank"), std::string::npos) << error.public_message();
    EXPECT_NE(error.public_message().find("9999"), std::string::npos) << error.public_message();

    RawConnection raw(database_file());
    EXPECT_EQ(raw.text("SELECT count(*) FROM stories"), "1");
    EXPECT_EQ(raw.text("SELECT max(version) FROM schema_migrations"), "9999");
}

TEST_F(SqliteStoreTest, AFolderThatCannotBeCreatedIsUnavailableNamingIt) {
    std::filesystem::create_directories(m_data_dir);
    std::ofstream(m_data_dir / "plain-file") << "x";
    std::filesystem::path impossible = m_data_dir / "plain-file" / "data";
    Error error = error_from([&] { SqliteStore::open(impossible); });
    EXPECT_EQ(error.kind(), ErrorKind::Unavailable);
    EXPECT_NE(error.public_message().find(impossible.string()), std::string::npos) << error.public_message();
}

TEST_F(SqliteStoreTest, RevisionsCannotBeChangedEvenBySql) {
    auto store = open_store();
    std::int64_t id = store->create_story(request_with_title("v1"));
    store->save_revision(id, request_with_title("v2"), 1);
    store.reset();

    RawConnection raw(database_file());
    EXPECT_NE(raw.execute("UPDATE revisions SET note = 'rewritten'"), SQLITE_OK);
    EXPECT_NE(raw.execute("DELETE FROM revisions"), SQLITE_OK);
    EXPECT_EQ(raw.text("SELECT count(*) FROM revisions"), "2");
    EXPECT_EQ(raw.text("SELECT count(*) FROM story_search_docsize"), "1") << "one index row per story";
}

TEST_F(SqliteStoreTest, IndexedColumnsCarryTheLanguageMarker) {
    auto store = open_store();
    store->create_story(request_with_title("Les écoles"));
    store.reset();
    RawConnection raw(database_file());
    ASSERT_EQ(detail::register_stemming_tokenizer(raw.handle()), SQLITE_OK);
    EXPECT_EQ(raw.text("SELECT hex(title) FROM story_search"), "1F66721F4C657320C3A9636F6C6573");  // \x1Ffr\x1F…
}

TEST_F(SqliteStoreTest, OpeningTwiceSharesTheFile) {
    auto first = open_store();
    auto second = open_store();
    std::int64_t id = first->create_story(request_with_title("partagée"));
    ASSERT_TRUE(second->find_story(id));
    EXPECT_EQ(second->search({"partagee", {}, 20, 0}).total, 1);
}

}  // namespace
}  // namespace storybank::store::sqlite
