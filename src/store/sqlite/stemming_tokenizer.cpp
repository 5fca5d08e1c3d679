#include "store/sqlite/stemming_tokenizer.hpp"

#include <libstemmer.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

namespace storybank::store::sqlite::detail {
namespace {

/// Longest language code read from a marker ("fr", "en"; room for three-letter ISO 639-2 codes).
constexpr std::size_t kMaxLanguageLength = 8;

/// Irregular English plurals that Snowball leaves alone ("women" stems to "women"), mapped to the singular
/// before stemming so that "women" finds "woman". Stemming is not lemmatisation; this covers the words most
/// likely in the stories (gender, family, community), not English in general.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kEnglishIrregularPlurals = {{
    {"children", "child"},
    {"men", "man"},
    {"wives", "wife"},
    {"women", "woman"},
}};

enum class Stemming : std::uint8_t { None, French, English, Query };

struct StemmerDeleter {
    void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};
using StemmerPointer = std::unique_ptr<sb_stemmer, StemmerDeleter>;

/// One tokenizer instance (FTS5 makes one per table and connection). Snowball stemmers keep state between
/// calls, so each instance owns its own; the store serialises use of a connection.
struct StemmingTokenizer {
    fts5_tokenizer base_methods{};
    Fts5Tokenizer* base = nullptr;
    StemmerPointer french;
    StemmerPointer english;

    ~StemmingTokenizer() {
        if (base != nullptr) {
            base_methods.xDelete(base);
        }
    }
};

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

/// What on_token() needs for one xTokenize() call.
struct TokenizeCall {
    StemmingTokenizer* tokenizer;
    void* fts_context;
    TokenCallback emit;
    int shift;  ///< length of the stripped marker: offsets from unicode61 are relative to the text after it
    Stemming stemming;
};

std::string_view english_singular(std::string_view token) {
    for (const auto& [plural, singular] : kEnglishIrregularPlurals) {
        if (token == plural) {
            return singular;
        }
    }
    return token;
}

/// The stem of a (case-folded, accent-free) token; empty on allocation failure. The view points into the
/// stemmer's own buffer, valid until its next use.
std::string_view stem(sb_stemmer* stemmer, std::string_view token) {
    const sb_symbol* stemmed =
        sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(token.data()), static_cast<int>(token.size()));
    if (stemmed == nullptr) {
        return {};
    }
    return {reinterpret_cast<const char*>(stemmed), static_cast<std::size_t>(sb_stemmer_length(stemmer))};
}

int emit(const TokenizeCall& call, int flags, std::string_view token, int start, int end) {
    return call.emit(call.fts_context, flags, token.data(), static_cast<int>(token.size()), start, end);
}

int on_token(void* context, int flags, const char* token_data, int token_size, int start, int end) {
    const auto& call = *static_cast<TokenizeCall*>(context);
    std::string_view token(token_data, static_cast<std::size_t>(token_size));
    start += call.shift;
    end += call.shift;
    switch (call.stemming) {
        case Stemming::None:
            return emit(call, flags, token, start, end);
        case Stemming::French: {
            std::string_view stemmed = stem(call.tokenizer->french.get(), token);
            return stemmed.empty() ? SQLITE_NOMEM : emit(call, flags, stemmed, start, end);
        }
        case Stemming::English: {
            std::string_view stemmed = stem(call.tokenizer->english.get(), english_singular(token));
            return stemmed.empty() ? SQLITE_NOMEM : emit(call, flags, stemmed, start, end);
        }
        case Stemming::Query: {
            // The query does not say which language it is in: match the word as written (documents in other
            // languages are not stemmed) and as a French or an English stem.
            int result = emit(call, flags, token, start, end);
            if (result != SQLITE_OK) {
                return result;
            }
            std::string french(stem(call.tokenizer->french.get(), token));
            std::string_view english = stem(call.tokenizer->english.get(), english_singular(token));
            if (french.empty() || english.empty()) {
                return SQLITE_NOMEM;
            }
            if (french != token) {
                result = emit(call, FTS5_TOKEN_COLOCATED, french, start, end);
            }
            if (result == SQLITE_OK && english != token && english != french) {
                result = emit(call, FTS5_TOKEN_COLOCATED, english, start, end);
            }
            return result;
        }
    }
    return SQLITE_INTERNAL;
}

int create_tokenizer(void* user_data, const char** arguments, int argument_count, Fts5Tokenizer** out) {
    auto* api = static_cast<fts5_api*>(user_data);
    auto tokenizer = std::unique_ptr<StemmingTokenizer>(new (std::nothrow) StemmingTokenizer());
    if (tokenizer == nullptr) {
        return SQLITE_NOMEM;
    }
    void* base_user_data = nullptr;
    int result = api->xFindTokenizer(api, "unicode61", &base_user_data, &tokenizer->base_methods);
    if (result != SQLITE_OK) {
        return result;
    }
    // Our own options first; any given in the table's `tokenize` argument (e.g. tokenchars) come after them.
    std::vector<const char*> base_arguments = {"remove_diacritics", "2"};
    base_arguments.insert(base_arguments.end(), arguments, arguments + argument_count);
    result = tokenizer->base_methods.xCreate(base_user_data, base_arguments.data(),
                                             static_cast<int>(base_arguments.size()), &tokenizer->base);
    if (result != SQLITE_OK) {
        tokenizer->base = nullptr;
        return result;
    }
    tokenizer->french.reset(sb_stemmer_new("french", "UTF_8"));
    tokenizer->english.reset(sb_stemmer_new("english", "UTF_8"));
    if (tokenizer->french == nullptr || tokenizer->english == nullptr) {
        return SQLITE_NOMEM;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer.release());
    return SQLITE_OK;
}

void delete_tokenizer(Fts5Tokenizer* tokenizer) {
    delete reinterpret_cast<StemmingTokenizer*>(tokenizer);
}

int tokenize(Fts5Tokenizer* fts_tokenizer,
             void* fts_context,
             int flags,
             const char* text,
             int text_size,
             TokenCallback callback) {
    auto* tokenizer = reinterpret_cast<StemmingTokenizer*>(fts_tokenizer);
    std::string_view input(text != nullptr ? text : "", static_cast<std::size_t>(std::max(text_size, 0)));

    std::string_view language;
    std::size_t shift = 0;
    if (input.size() >= 2 && input.front() == kLanguageMarker) {
        std::size_t close = input.find(kLanguageMarker, 1);
        if (close != std::string_view::npos && close - 1 <= kMaxLanguageLength) {
            language = input.substr(1, close - 1);
            shift = close + 1;
        }
    }
    Stemming stemming = Stemming::None;
    if ((flags & FTS5_TOKENIZE_QUERY) != 0) {
        stemming = Stemming::Query;
    } else if ((flags & FTS5_TOKENIZE_AUX) != 0) {
        // snippet() and highlight() only use token positions and byte offsets (matches come from the index), and
        // stemming keeps one token per token: skipping it here makes snippets as cheap as with plain unicode61.
        stemming = Stemming::None;
    } else if (language == "fr") {
        stemming = Stemming::French;
    } else if (language == "en") {
        stemming = Stemming::English;
    }
    TokenizeCall call{tokenizer, fts_context, callback, static_cast<int>(shift), stemming};
    return tokenizer->base_methods.xTokenize(tokenizer->base, &call, flags, input.data() + shift,
                                             static_cast<int>(input.size() - shift), on_token);
}

fts5_api* find_fts5_api(sqlite3* database) {
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(database, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api;
}

}  // namespace

std::string with_language_marker(std::string_view language, std::string_view text) {
    std::string out;
    if (text.empty()) {
        return out;
    }
    std::size_t primary_length = std::min(language.find_first_of("-_"), language.size());
    std::string_view primary = language.substr(0, std::min(primary_length, kMaxLanguageLength));
    out.reserve(text.size() + primary.size() + 2);
    if (!primary.empty()) {
        out += kLanguageMarker;
        for (char character : primary) {
            out += (character >= 'A' && character <= 'Z') ? static_cast<char>(character - 'A' + 'a') : character;
        }
        out += kLanguageMarker;
    }
    for (char character : text) {
        if (character != kLanguageMarker) {
            out += character;
        }
    }
    return out;
}

std::string strip_language_markers(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t position = 0;
    while (position < text.size()) {
        std::size_t open = text.find(kLanguageMarker, position);
        if (open == std::string_view::npos) {
            break;
        }
        out.append(text.substr(position, open - position));
        std::size_t close = text.find(kLanguageMarker, open + 1);
        // A marker is always closed; a lone separator byte is dropped on its own.
        position = close == std::string_view::npos || close - open - 1 > kMaxLanguageLength ? open + 1 : close + 1;
    }
    if (position < text.size()) {
        out.append(text.substr(position));
    }
    return out;
}

int register_stemming_tokenizer(sqlite3* database) {
    fts5_api* api = find_fts5_api(database);
    if (api == nullptr || api->iVersion < 2) {
        return SQLITE_ERROR;  // SQLite built without FTS5
    }
    fts5_tokenizer methods{create_tokenizer, delete_tokenizer, tokenize};
    std::string name(kStemmingTokenizerName);
    return api->xCreateTokenizer(api, name.c_str(), api, &methods, nullptr);
}

}  // namespace storybank::store::sqlite::detail
