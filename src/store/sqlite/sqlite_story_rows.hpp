#pragma once

#include "store/store.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace storybank::store::sqlite::detail {

class Statement;

/// Columns of a StorySummary, for `SELECT <kSummaryColumns> <kSummaryFrom> …` (stories are aliased `s`).
extern const char* const kSummaryColumns;
extern const char* const kSummaryFrom;

/// Reads a row selected with kSummaryColumns.
StorySummary read_summary(const Statement& statement);

/// A StoryFilter as an SQL condition over `stories s`, with its values to bind in order.
struct FilterSql {
    std::string condition;  ///< "s.country = ? AND …", empty when the filter lets everything through
    std::vector<std::variant<std::int64_t, std::string>> values;
};

FilterSql filter_sql(const StoryFilter& filter);

/// Binds the values of a filter from parameter `first_index` on; returns the next free index.
int bind_filter(Statement& statement, int first_index, const FilterSql& filter);

}  // namespace storybank::store::sqlite::detail
