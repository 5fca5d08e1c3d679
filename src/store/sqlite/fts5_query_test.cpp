#include "store/sqlite/fts5_query.hpp"

#include "core/error.hpp"
#include "store/sqlite/stemming_tokenizer.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <random>

namespace storybank::store::sqlite::detail {
namespace {

TEST(Fts5Query, QuotesEveryTermAndDoublesInnerQuotes) {
    EXPECT_EQ(fts5_string("paix"), "\"paix\"");
    EXPECT_EQ(fts5_string("a\"b"), "\"a\"\"b\"");
    EXPECT_EQ(fts5_string("NEAR"), "\"NEAR\"");
}

TEST(Fts5Query, BuildsAndOrNot) {
    struct Case {
        const char* text;
        const char* match;
        const char* excluded;
    };
    const Case cases[] = {
        {"femmes paix", R"("femmes" AND "paix")", ""},
        {"\"la paix\" OR concorde femmes", R"(("la paix" OR "concorde") AND "femmes")", ""},
        {"paix -guerre -\"conflit armé\"", R"(("paix") NOT ("guerre" OR "conflit armé"))", ""},
        {"-guerre", "", R"("guerre")"},
        {"title:x", R"("title" AND "x")", ""},
        {"", "", ""},
    };
    for (const auto& test_case : cases) {
        Fts5Query query = to_fts5_query(parse_search_text(test_case.text));
        EXPECT_EQ(query.match, test_case.match) << test_case.text;
        EXPECT_EQ(query.excluded, test_case.excluded) << test_case.text;
    }
}

/// Every search text either is refused as InvalidRequest by the parser or becomes MATCH expressions that FTS5
/// accepts: user text can never produce an FTS5 syntax error.
class Fts5QueryAgainstSqlite : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(sqlite3_open(":memory:", &m_database), SQLITE_OK);
        ASSERT_EQ(register_stemming_tokenizer(m_database), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(m_database,
                               "CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize = 'storybank');"
                               "INSERT INTO t VALUES ('les femmes et la paix', 'near title or not');",
                               nullptr, nullptr, nullptr),
                  SQLITE_OK);
    }
    void TearDown() override { sqlite3_close(m_database); }

    /// The SQLite result code of running `expression` as a MATCH (SQLITE_DONE or SQLITE_ROW when accepted).
    int run_match(const std::string& expression) {
        sqlite3_stmt* statement = nullptr;
        int result = sqlite3_prepare_v2(m_database, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &statement, nullptr);
        if (result == SQLITE_OK) {
            sqlite3_bind_text(statement, 1, expression.c_str(), -1, SQLITE_TRANSIENT);
            result = sqlite3_step(statement);
        }
        sqlite3_finalize(statement);
        return result;
    }

    /// Checks that one text is handled; returns false when the parser refused it.
    bool check_text(const std::string& text) {
        Fts5Query query;
        try {
            query = to_fts5_query(parse_search_text(text));
        } catch (const Error& error) {
            EXPECT_EQ(error.kind(), ErrorKind::InvalidRequest) << text;
            return false;
        }
        for (const std::string& expression : {query.match, query.excluded}) {
            if (!expression.empty()) {
                EXPECT_EQ(run_match(expression), SQLITE_ROW)
                    << "text: " << text << "\nexpression: " << expression << "\n"
                    << sqlite3_errmsg(m_database);
            }
        }
        return true;
    }

    sqlite3* m_database = nullptr;
};

TEST_F(Fts5QueryAgainstSqlite, HostileTextsAreAcceptedOrRefusedCleanly) {
    const char* texts[] = {
        "*",          "NEAR(",       "title:x",  ") OR (",       "",       "\"\"", "a OR", "NOT", "AND OR NOT",
        "^a",         "a + b",       "{a b}:c",  "NEAR(a b, 2)", "- -",    "a -",  "'",    "''",  "a'",
        "\"a\"\"b\"", "col:\"a b\"", "\x01\x02", "é*",           "«paix»",
    };
    for (const char* text : texts) {
        check_text(text);
    }
    EXPECT_FALSE(check_text("\""));
}

TEST_F(Fts5QueryAgainstSqlite, RandomTextsNeverReachFts5AsSyntax) {
    const std::string alphabet = "ab é\"'-*^:(){}[]+,;ORANDNOT NEAR\t.\\/|&#$%~!?<>=`_@0";
    std::mt19937 random(20261129);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<int> length(0, 24);
    int accepted = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        for (int index = length(random); index > 0; --index) {
            text += alphabet[pick(random)];
        }
        accepted += check_text(text) ? 1 : 0;
    }
    EXPECT_GT(accepted, 500);  // most random texts have balanced quotes or none
}

}  // namespace
}  // namespace storybank::store::sqlite::detail
