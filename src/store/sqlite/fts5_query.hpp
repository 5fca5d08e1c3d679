#pragma once

#include "store/search_text.hpp"

#include <string>
#include <string_view>

namespace storybank::store::sqlite::detail {

/// A parsed search as FTS5 MATCH expressions. Every term becomes an FTS5 string ("…", inner quotes doubled),
/// whose content FTS5 only hands to the tokenizer: no user character can act as FTS5 syntax.
struct Fts5Query {
    /// What a matching story must contain, exclusions included ("a" AND ("b" OR "c") NOT ("d")); empty when
    /// the search has no positive term.
    std::string match;
    /// When `match` is empty: the terms none of the listed stories may contain ("d" OR "e"), for a
    /// `rowid NOT IN (… MATCH …)` filter; empty otherwise.
    std::string excluded;
};

/// `text` as an FTS5 string literal.
std::string fts5_string(std::string_view text);

Fts5Query to_fts5_query(const SearchText& search);

}  // namespace storybank::store::sqlite::detail
