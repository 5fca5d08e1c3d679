#pragma once

#include <string>
#include <string_view>

struct sqlite3;

namespace storybank::store::sqlite::detail {

/// Name under which register_stemming_tokenizer() makes the tokenizer known to FTS5 (`tokenize = 'storybank'`).
inline constexpr std::string_view kStemmingTokenizerName = "storybank";

/// Byte that opens and closes the language marker at the start of an indexed column value. It is a control
/// character (UNIT SEPARATOR) that never appears in stored story text: with_language_marker() removes it.
inline constexpr char kLanguageMarker = '\x1F';

/// `text` prefixed with the marker for `language` ("fr", "en-GB", …; only the primary subtag is kept), so the
/// tokenizer stems it in that language. Empty text stays empty; an empty language gives no marker.
std::string with_language_marker(std::string_view language, std::string_view text);

/// `text` without any language marker (for snippets, which FTS5 cuts from the stored, marked value).
std::string strip_language_markers(std::string_view text);

/// Registers the "storybank" FTS5 tokenizer on a connection. It wraps `unicode61 remove_diacritics 2` and:
/// - for documents (and snippets), reads the language marker, removes it (token offsets still point into the
///   marked text) and stems each token with Snowball in that language: French, English, none for others;
/// - for queries, emits each token as is plus its French and English stems as colocated alternatives, so one
///   query finds documents in either language (and unstemmed ones).
/// Returns an SQLite result code (SQLITE_OK on success); the caller turns it into an Error.
int register_stemming_tokenizer(sqlite3* database);

}  // namespace storybank::store::sqlite::detail
