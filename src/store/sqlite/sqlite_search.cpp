// SqliteStore::search: the user's text → SearchText → FTS5 MATCH, ranked by the bm25 weights configured as the
// table's `rank` (migrations/0002_story_search.sql), filtered by StoryFilter, with snippets for the page only.
#include "core/error.hpp"
#include "store/search_text.hpp"
#include "store/sqlite/fts5_query.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/sqlite/sqlite_story_rows.hpp"
#include "store/sqlite/stemming_tokenizer.hpp"

#include <algorithm>

namespace storybank::store::sqlite {
namespace {

using detail::Statement;

/// Most hits one search returns; a larger `limit` is cut to this.
constexpr int kMaxSearchLimit = 200;
/// Tokens of context a snippet shows around the matches.
constexpr int kSnippetTokens = 16;
constexpr std::string_view kSnippetEllipsis = "…";

/// A facet: its name and the SQL of its value over `stories s` joined with the organisations (kSummaryFrom).
struct FacetColumn {
    const char* name;
    const char* value;
    /// Most frequent first, or (for a time series) the newest values first, whatever their counts.
    const char* order = "2 DESC, 1";
};

constexpr FacetColumn kFacetColumns[] = {
    {"status", "s.status"},
    {"country", "s.country"},
    {"partner_ngo", "coalesce(partner.name, '')"},
    {"consortium_member", "coalesce(member.name, '')"},
    {"year", "CAST(CASE WHEN s.year <> 0 THEN s.year ELSE CAST(substr(s.created_at, 1, 4) AS INTEGER) END AS TEXT)"},
    {"language", "s.language"},
    {"locality", "s.locality"},
    // The month the story was first recorded (not its event date, which many stories lack): a dashboard's
    // "stories over time" counts what was collected when.
    {"month", "substr(s.created_at, 1, 7)", "1 DESC"},
};

constexpr int kFacetValuesShown = 50;
/// Places for a map: more of them than a list of facets shows.
constexpr int kPlacesShown = 500;

}  // namespace

std::vector<FacetCount> SqliteStore::facet_counts(const SearchQuery& query,
                                                  const std::string& matching_ids,
                                                  const std::function<void(Statement&)>& bind) {
    std::vector<FacetCount> facets;
    auto collect = [&](const char* facet, const std::string& sql) {
        Statement statement = m_database->prepare(sql);
        bind(statement);
        while (statement.step()) {
            std::string value = statement.column_text(0);
            if (!value.empty()) {
                facets.push_back({facet, std::move(value), statement.column_int(1)});
            }
        }
    };
    for (const auto& column : kFacetColumns) {
        collect(column.name, std::string("SELECT ") + column.value + ", count(*) " + detail::kSummaryFrom +
                                 " WHERE s.id IN (" + matching_ids + ") GROUP BY 1 ORDER BY " + column.order +
                                 " LIMIT " + std::to_string(kFacetValuesShown));
    }
    if (query.place_facet) {
        collect("place", std::string("SELECT CASE WHEN s.locality <> '' THEN s.country || char(9) || s.locality END, "
                                     "count(*) FROM stories s WHERE s.id IN (") +
                             matching_ids + ") GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + std::to_string(kPlacesShown));
    }
    collect("tag", "SELECT t.key, count(*) FROM story_tags st JOIN tags t ON t.id = st.tag_id WHERE st.story_id IN (" +
                       matching_ids + ") GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + std::to_string(kFacetValuesShown));
    return facets;
}

SearchResult SqliteStore::search(const SearchQuery& query) {
    detail::Fts5Query fts = detail::to_fts5_query(parse_search_text(query.text));
    detail::FilterSql filter = detail::filter_sql(query.filter);
    int limit = query.limit <= 0 ? 20 : std::min(query.limit, kMaxSearchLimit);
    int offset = std::max(query.offset, 0);

    SearchResult result;
    std::lock_guard lock(m_mutex);

    if (fts.match.empty()) {
        // Nothing to look for: the stories the filters (and exclusions) let through, newest first.
        std::string condition = filter.condition;
        if (!fts.excluded.empty()) {
            condition += std::string(condition.empty() ? "" : " AND ") +
                         "s.id NOT IN (SELECT rowid FROM story_search WHERE story_search MATCH ?)";
        }
        std::string where = condition.empty() ? "" : " WHERE " + condition;
        auto bind_condition = [&](Statement& statement) {
            int next = detail::bind_filter(statement, 1, filter);
            if (!fts.excluded.empty()) {
                statement.bind(next++, fts.excluded);
            }
            return next;
        };
        {
            Statement statement =
                m_database->prepare(std::string("SELECT ") + detail::kSummaryColumns + " " + detail::kSummaryFrom +
                                    where + " ORDER BY s.id DESC LIMIT ? OFFSET ?");
            int next = bind_condition(statement);
            statement.bind(next, limit).bind(next + 1, offset);
            while (statement.step()) {
                result.hits.push_back({detail::read_summary(statement), 0.0, {}});
            }
        }
        Statement count = m_database->prepare("SELECT count(*) FROM stories s" + where);
        bind_condition(count);
        count.step();
        result.total = count.column_int(0);
        if (query.facets) {
            result.facets = facet_counts(query, "SELECT s.id FROM stories s" + where,
                                         [&](Statement& statement) { bind_condition(statement); });
        }
        return result;
    }

    // The query stays on the FTS table alone (filters become a rowid IN subquery, evaluated once): then FTS5
    // sorts by rank itself, and SQLite computes the snippets only for the rows of the page. With a join or an
    // ORDER BY that FTS5 cannot take over, SQLite would build a snippet for every match before sorting.
    std::string where = " FROM story_search WHERE story_search MATCH ?";
    if (!filter.condition.empty()) {
        where += " AND story_search.rowid IN (SELECT s.id FROM stories s WHERE " + filter.condition + ")";
    }
    std::vector<std::pair<std::int64_t, double>> ranked;
    std::vector<std::string> snippets;
    {
        Statement statement =
            m_database->prepare("SELECT story_search.rowid, story_search.rank, snippet(story_search, -1, ?, ?, ?, ?)" +
                                where + " ORDER BY story_search.rank LIMIT ? OFFSET ?");
        statement.bind(1, kMatchStart).bind(2, kMatchEnd).bind(3, kSnippetEllipsis).bind(4, kSnippetTokens);
        statement.bind(5, fts.match);
        int next = detail::bind_filter(statement, 6, filter);
        statement.bind(next, limit).bind(next + 1, offset);
        while (statement.step()) {
            // bm25() is negative, lower is better; callers get "higher is better".
            ranked.emplace_back(statement.column_int64(0), -statement.column_double(1));
            snippets.push_back(detail::strip_language_markers(statement.column_text(2)));
        }
    }
    for (std::size_t index = 0; index < ranked.size(); ++index) {
        std::optional<StorySummary> summary = find_story_locked(ranked[index].first);
        if (!summary) {
            throw Error(
                ErrorKind::Internal, "the search index is out of step with the stories",
                "story_search has rowid " + std::to_string(ranked[index].first) + " but stories has no such id");
        }
        result.hits.push_back({std::move(*summary), ranked[index].second, std::move(snippets[index])});
    }

    if (offset == 0 && static_cast<int>(ranked.size()) < limit) {
        result.total = static_cast<int>(ranked.size());
    } else {
        Statement count = m_database->prepare("SELECT count(*)" + where);
        count.bind(1, fts.match);
        detail::bind_filter(count, 2, filter);
        count.step();
        result.total = count.column_int(0);
    }
    if (query.facets) {
        result.facets = facet_counts(query, "SELECT story_search.rowid" + where, [&](Statement& statement) {
            statement.bind(1, fts.match);
            detail::bind_filter(statement, 2, filter);
        });
    }
    return result;
}

}  // namespace storybank::store::sqlite
