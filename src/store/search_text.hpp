#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::store {

/// One thing to look for: a word, or a "quoted phrase" whose words must follow each other.
struct SearchTerm {
    enum class Kind : std::uint8_t { Word, Phrase };

    std::string text;
    Kind kind = Kind::Word;

    bool operator==(const SearchTerm&) const = default;
};

/// What the user's search text asks for, independent of any search engine's syntax. Each backend turns it
/// into its own query (FTS5 MATCH expression, PostgreSQL tsquery), so user text never reaches the engine raw.
struct SearchText {
    /// Every group must match; a group matches when any of its terms does ("a OR b" makes a group of two).
    std::vector<std::vector<SearchTerm>> all_of;
    /// No term here may match ("-word", "-\"a phrase\"", "NOT word").
    std::vector<SearchTerm> none_of;

    bool empty() const { return all_of.empty() && none_of.empty(); }
    bool operator==(const SearchText&) const = default;
};

/// Longest search text accepted, in bytes, and most terms in it.
inline constexpr std::size_t kMaxSearchTextBytes = 1000;
inline constexpr std::size_t kMaxSearchTerms = 32;

/// Reads a search box's text. Words are ANDed; "quoted phrases" are kept together; an upper-case OR between two
/// terms means either; a leading '-' (or NOT before a term) excludes it; AND is accepted and ignored. Every
/// other character of query languages (* ^ : ( ) { } + NEAR, column filters such as title:x) is plain text:
/// punctuation separates words and engine keywords are ordinary words. Terms without a letter or digit are
/// dropped, so the result may be empty (the store then lists stories by the filters alone).
///
/// Throws Error(InvalidRequest) for an unbalanced double quote, a text longer than kMaxSearchTextBytes, or more
/// than kMaxSearchTerms terms, with a message saying what to change.
SearchText parse_search_text(std::string_view text);

}  // namespace storybank::store
