#include "store/search_text.hpp"

#include "core/error.hpp"

namespace storybank::store {
namespace {

/// ASCII characters that separate words. They are the operators of common query languages (FTS5, tsquery,
/// Lucene); treating them as spaces is what makes every input safe. Apostrophes, hyphens inside words, dots
/// and underscores stay in the word: the engine's tokenizer decides what they mean ("l'école", "e-mail").
bool is_separator(char character) {
    switch (character) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
        case '\f':
        case '\v':
        case '(':
        case ')':
        case '*':
        case '^':
        case ':':
        case '+':
        case '{':
        case '}':
        case '[':
        case ']':
        case ',':
        case ';':
        case '<':
        case '>':
        case '=':
        case '|':
        case '\\':
        case '/':
        case '!':
        case '?':
        case '~':
        case '&':
        case '#':
        case '$':
        case '%':
        case '`':
            return true;
        default:
            return false;
    }
}

bool is_ascii_alphanumeric(char character) {
    return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
           (character >= '0' && character <= '9');
}

/// Whether a code point above ASCII is punctuation or a symbol that a tokenizer would drop. Letters of every
/// script pass; the exclusions are the blocks of punctuation that French text commonly holds (« », ’, –, …).
bool is_punctuation_code_point(char32_t code_point) {
    if (code_point >= 0xA0 && code_point <= 0xBF) {
        return code_point != 0xAA && code_point != 0xB5 && code_point != 0xBA;  // ª µ º are letters
    }
    return code_point == 0xD7 || code_point == 0xF7 || (code_point >= 0x2000 && code_point <= 0x206F) ||
           (code_point >= 0x20A0 && code_point <= 0x20CF) || (code_point >= 0x3000 && code_point <= 0x303F) ||
           (code_point >= 0xFF01 && code_point <= 0xFF0F);
}

/// True when a term holds at least one letter or digit. A term without any ("«", "…") would reach the engine as
/// an empty phrase, which matches nothing and would empty the whole result.
bool has_word_characters(std::string_view text) {
    for (std::size_t index = 0; index < text.size();) {
        auto byte = static_cast<unsigned char>(text[index]);
        if (byte < 0x80) {
            if (is_ascii_alphanumeric(text[index])) {
                return true;
            }
            ++index;
            continue;
        }
        std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        if (length == 1 || index + length > text.size()) {
            return true;  // not valid UTF-8: let the engine decide
        }
        char32_t code_point = byte & (0x7F >> length);
        for (std::size_t offset = 1; offset < length; ++offset) {
            code_point = (code_point << 6) | (static_cast<unsigned char>(text[index + offset]) & 0x3F);
        }
        if (!is_punctuation_code_point(code_point)) {
            return true;
        }
        index += length;
    }
    return false;
}

struct Lexeme {
    enum class Kind : std::uint8_t { Term, Or, And, Not };
    Kind kind = Kind::Term;
    SearchTerm term;
    bool negated = false;
};

std::vector<Lexeme> split_lexemes(std::string_view text) {
    std::vector<Lexeme> lexemes;
    std::size_t index = 0;
    while (index < text.size()) {
        if (is_separator(text[index])) {
            ++index;
            continue;
        }
        bool negated = false;
        while (index < text.size() && text[index] == '-') {
            negated = true;
            ++index;
        }
        if (index == text.size() || is_separator(text[index])) {
            continue;  // a lone '-'
        }
        if (text[index] == '"') {
            std::size_t close = text.find('"', index + 1);
            if (close == std::string_view::npos) {
                throw Error(ErrorKind::InvalidRequest,
                            "the search text has an opening double quote (\") without a closing one; close the "
                            "phrase with another \" or remove the quote");
            }
            lexemes.push_back({Lexeme::Kind::Term,
                               {std::string(text.substr(index + 1, close - index - 1)), SearchTerm::Kind::Phrase},
                               negated});
            index = close + 1;
            continue;
        }
        std::size_t end = index;
        while (end < text.size() && !is_separator(text[end]) && text[end] != '"') {
            ++end;
        }
        std::string_view word = text.substr(index, end - index);
        index = end;
        Lexeme lexeme{Lexeme::Kind::Term, {std::string(word), SearchTerm::Kind::Word}, negated};
        if (!negated) {
            if (word == "OR") {
                lexeme.kind = Lexeme::Kind::Or;
            } else if (word == "AND") {
                lexeme.kind = Lexeme::Kind::And;
            } else if (word == "NOT") {
                lexeme.kind = Lexeme::Kind::Not;
            }
        }
        lexemes.push_back(std::move(lexeme));
    }
    return lexemes;
}

bool is_positive_term(const std::vector<Lexeme>& lexemes, std::size_t index) {
    return index < lexemes.size() && lexemes[index].kind == Lexeme::Kind::Term && !lexemes[index].negated &&
           has_word_characters(lexemes[index].term.text);
}

}  // namespace

SearchText parse_search_text(std::string_view text) {
    if (text.size() > kMaxSearchTextBytes) {
        throw Error(ErrorKind::InvalidRequest, "the search text is too long (" + std::to_string(text.size()) +
                                                   " bytes); use at most " + std::to_string(kMaxSearchTextBytes));
    }
    std::vector<Lexeme> lexemes = split_lexemes(text);

    SearchText result;
    bool last_was_positive = false;  // the previous lexeme added a positive term: an OR may extend its group
    bool join_with_previous = false;
    bool exclude_next = false;
    std::size_t term_count = 0;
    for (std::size_t index = 0; index < lexemes.size(); ++index) {
        Lexeme& lexeme = lexemes[index];
        switch (lexeme.kind) {
            case Lexeme::Kind::Or:
                // Only between two positive terms; anywhere else ("OR", "a OR", "a OR -b") it means nothing.
                join_with_previous = last_was_positive && is_positive_term(lexemes, index + 1);
                last_was_positive = false;
                continue;
            case Lexeme::Kind::And:
                continue;
            case Lexeme::Kind::Not:
                exclude_next = index + 1 < lexemes.size() && lexemes[index + 1].kind == Lexeme::Kind::Term;
                last_was_positive = false;
                continue;
            case Lexeme::Kind::Term:
                break;
        }
        bool negated = lexeme.negated || exclude_next;
        bool join = join_with_previous;
        exclude_next = false;
        join_with_previous = false;
        last_was_positive = false;
        if (!has_word_characters(lexeme.term.text)) {
            continue;
        }
        if (++term_count > kMaxSearchTerms) {
            throw Error(ErrorKind::InvalidRequest,
                        "the search text has too many words; use at most " + std::to_string(kMaxSearchTerms));
        }
        if (negated) {
            result.none_of.push_back(std::move(lexeme.term));
        } else if (join && !result.all_of.empty()) {
            result.all_of.back().push_back(std::move(lexeme.term));
            last_was_positive = true;
        } else {
            result.all_of.push_back({std::move(lexeme.term)});
            last_was_positive = true;
        }
    }
    return result;
}

}  // namespace storybank::store
