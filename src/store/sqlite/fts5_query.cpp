#include "store/sqlite/fts5_query.hpp"

namespace storybank::store::sqlite::detail {
namespace {

std::string any_of(const std::vector<SearchTerm>& terms) {
    std::string out;
    for (const auto& term : terms) {
        if (!out.empty()) {
            out += " OR ";
        }
        out += fts5_string(term.text);
    }
    return out;
}

}  // namespace

std::string fts5_string(std::string_view text) {
    std::string out = "\"";
    for (char character : text) {
        if (character == '"') {
            out += '"';
        }
        out += character;
    }
    out += '"';
    return out;
}

Fts5Query to_fts5_query(const SearchText& search) {
    Fts5Query query;
    for (const auto& group : search.all_of) {
        if (!query.match.empty()) {
            query.match += " AND ";
        }
        query.match += group.size() == 1 ? any_of(group) : "(" + any_of(group) + ")";
    }
    if (search.none_of.empty()) {
        return query;
    }
    if (query.match.empty()) {
        query.excluded = any_of(search.none_of);
    } else {
        // FTS5's NOT is binary and binds tighter than AND: bracket both sides.
        query.match = "(" + query.match + ") NOT (" + any_of(search.none_of) + ")";
    }
    return query;
}

}  // namespace storybank::store::sqlite::detail
