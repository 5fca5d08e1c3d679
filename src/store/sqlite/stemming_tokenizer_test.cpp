#include "store/sqlite/stemming_tokenizer.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <set>
#include <vector>

namespace storybank::store::sqlite::detail {
namespace {

TEST(LanguageMarker, PrefixesTheLanguageAndStripsBack) {
    EXPECT_EQ(with_language_marker("fr", "Les écoles"),
              "\x1F"
              "fr\x1FLes écoles");
    EXPECT_EQ(with_language_marker("en-GB", "women"),
              "\x1F"
              "en\x1Fwomen");
    EXPECT_EQ(with_language_marker("FR", "x"),
              "\x1F"
              "fr\x1Fx");
    EXPECT_EQ(with_language_marker("", "x"), "x");
    EXPECT_EQ(with_language_marker("fr", ""), "");
    EXPECT_EQ(with_language_marker("fr",
                                   "a\x1F"
                                   "b"),
              "\x1F"
              "fr\x1F"
              "ab");  // no marker byte inside the text

    EXPECT_EQ(strip_language_markers("\x1F"
                                     "fr\x1FLes \x02"
                                     "écoles\x03…"),
              "Les \x02"
              "écoles\x03…");
    EXPECT_EQ(strip_language_markers("no marker"), "no marker");
    EXPECT_EQ(strip_language_markers("lone \x1F byte"), "lone  byte");
}

/// An in-memory database with the tokenizer and one FTS5 table `t(a)`.
class StemmingTokenizer : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(sqlite3_open(":memory:", &m_database), SQLITE_OK);
        ASSERT_EQ(register_stemming_tokenizer(m_database), SQLITE_OK);
        execute(
            "CREATE VIRTUAL TABLE t USING fts5(a, tokenize = 'storybank');"
            "CREATE VIRTUAL TABLE t_terms USING fts5vocab(t, 'row');");
    }
    void TearDown() override { sqlite3_close(m_database); }

    void execute(const char* sql) {
        ASSERT_EQ(sqlite3_exec(m_database, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(m_database);
    }

    void insert(std::int64_t rowid, const std::string& value) {
        sqlite3_stmt* statement = nullptr;
        ASSERT_EQ(sqlite3_prepare_v2(m_database, "INSERT INTO t (rowid, a) VALUES (?, ?)", -1, &statement, nullptr),
                  SQLITE_OK);
        sqlite3_bind_int64(statement, 1, rowid);
        sqlite3_bind_text(statement, 2, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
        EXPECT_EQ(sqlite3_step(statement), SQLITE_DONE) << sqlite3_errmsg(m_database);
        sqlite3_finalize(statement);
    }

    std::vector<std::string> strings(const char* sql, const std::string& parameter = {}) {
        sqlite3_stmt* statement = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(m_database, sql, -1, &statement, nullptr), SQLITE_OK)
            << sqlite3_errmsg(m_database);
        if (!parameter.empty()) {
            sqlite3_bind_text(statement, 1, parameter.c_str(), -1, SQLITE_TRANSIENT);
        }
        std::vector<std::string> out;
        int result = SQLITE_OK;
        while ((result = sqlite3_step(statement)) == SQLITE_ROW) {
            out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
        }
        EXPECT_EQ(result, SQLITE_DONE) << sqlite3_errmsg(m_database);
        sqlite3_finalize(statement);
        return out;
    }

    std::set<std::string> terms() {
        auto list = strings("SELECT term FROM t_terms");
        return {list.begin(), list.end()};
    }

    std::vector<std::string> matching_rows(const std::string& query) {
        return strings("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", query);
    }

    sqlite3* m_database = nullptr;
};

TEST_F(StemmingTokenizer, StemsFrenchDocumentsWithoutAccents) {
    insert(1, with_language_marker("fr", "Les écoles des Enfants et les récoltes"));
    std::set<std::string> found = terms();
    EXPECT_TRUE(found.count("ecol")) << "école → ecol";
    EXPECT_TRUE(found.count("enfant"));
    EXPECT_TRUE(found.count("recolt"));
    EXPECT_FALSE(found.count("ecoles"));
    EXPECT_FALSE(found.count("fr")) << "the marker is not a word";
}

TEST_F(StemmingTokenizer, StemsEnglishDocumentsIncludingIrregularPlurals) {
    insert(1, with_language_marker("en", "Women farmers and their children"));
    std::set<std::string> found = terms();
    EXPECT_TRUE(found.count("woman"));
    EXPECT_TRUE(found.count("farmer"));
    EXPECT_TRUE(found.count("child"));
    EXPECT_FALSE(found.count("en"));
}

TEST_F(StemmingTokenizer, LeavesOtherLanguagesUnstemmed) {
    insert(1, with_language_marker("bm", "denmisenw kalanso"));
    insert(2, "enfants");  // no marker at all
    std::set<std::string> found = terms();
    EXPECT_TRUE(found.count("denmisenw"));
    EXPECT_TRUE(found.count("enfants"));
    EXPECT_FALSE(found.count("bm"));
}

TEST_F(StemmingTokenizer, QueriesMatchEitherLanguageAndUnstemmedText) {
    insert(1, with_language_marker("fr", "Les enfants et les récoltes"));
    insert(2, with_language_marker("en", "The woman and the children"));
    insert(3, "enfants");
    EXPECT_EQ(matching_rows("enfant"), (std::vector<std::string>{"1"})) << "unstemmed text matches as written";
    EXPECT_EQ(matching_rows("enfants"), (std::vector<std::string>{"1", "3"}));
    EXPECT_EQ(matching_rows("women"), (std::vector<std::string>{"2"}));
    EXPECT_EQ(matching_rows("child"), (std::vector<std::string>{"2"}));
    EXPECT_EQ(matching_rows("recolte"), (std::vector<std::string>{"1"}));
    EXPECT_EQ(matching_rows("\"les enfants\""), (std::vector<std::string>{"1"})) << "phrases keep positions";
    EXPECT_TRUE(matching_rows("paix").empty());
}

TEST_F(StemmingTokenizer, HighlightOffsetsPointIntoTheMarkedText) {
    insert(1, with_language_marker("fr", "Les écoles de Gao"));
    auto highlighted = strings("SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?", "ecole");
    ASSERT_EQ(highlighted.size(), 1u);
    EXPECT_EQ(highlighted[0],
              "\x1F"
              "fr\x1FLes [écoles] de Gao");
    EXPECT_EQ(strip_language_markers(highlighted[0]), "Les [écoles] de Gao");
}

TEST_F(StemmingTokenizer, DeletingARowRemovesItsStemmedTerms) {
    insert(1, with_language_marker("fr", "écoles"));
    execute("DELETE FROM t WHERE rowid = 1");
    EXPECT_TRUE(terms().empty());
    EXPECT_TRUE(matching_rows("ecole").empty());
}

}  // namespace
}  // namespace storybank::store::sqlite::detail
