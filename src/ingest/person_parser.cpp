#include "ingest/value_parsers.hpp"
#include "text/unicode_text.hpp"

#include <array>
#include <cctype>

namespace storybank::ingest {
namespace {

// Words that start a job title, folded. A name is rarely one of these; a function nearly always starts with one.
constexpr std::array<std::string_view, 58> kFunctionWords = {
    "coordonnateur", "coordonnatrice", "coordinateur",  "coordinatrice", "charge",      "chargee",     "directeur",
    "directrice",    "president",      "presidente",    "responsable",   "assistant",   "assistante",  "secretaire",
    "animateur",     "animatrice",     "agent",         "chef",          "conseiller",  "conseillere", "superviseur",
    "superviseure",  "point",          "expert",        "experte",       "consultant",  "consultante", "tresorier",
    "tresoriere",    "representant",   "representante", "fondateur",     "fondatrice",  "journaliste", "enseignant",
    "enseignante",   "facilitateur",   "facilitatrice", "gestionnaire",  "specialiste", "officier",    "membre",
    "officer",       "manager",        "coordinator",   "director",      "head",        "program",     "programme",
    "project",       "projet",         "chairman",      "chairwoman",    "advisor",     "adviser",     "volunteer",
    "volontaire",    "field",
};

bool is_function_word(std::string_view word) {
    std::string folded = text::fold_for_matching(word);
    for (std::string_view candidate : kFunctionWords) {
        if (folded == candidate) {
            return true;
        }
    }
    return false;
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') {
            ++i;
        }
        std::size_t start = i;
        while (i < text.size() && text[i] != ' ') {
            ++i;
        }
        if (i > start) {
            words.push_back(text.substr(start, i - start));
        }
    }
    return words;
}

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to && i < words.size(); ++i) {
        out += (out.empty() ? "" : " ") + std::string(words[i]);
    }
    return out;
}

std::string trim_punctuation(std::string_view text) {
    std::string out = strip_enclosing_emphasis(text);
    while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == '.' || out.back() == '-')) {
        out.pop_back();
    }
    while (!out.empty() && (out.front() == ',' || out.front() == ';' || out.front() == '-')) {
        out.erase(0, 1);
    }
    return text::tidy_spaces(out);
}

core::Person split_at(std::string_view value, std::size_t position, std::size_t separator_length) {
    return {trim_punctuation(value.substr(0, position)), trim_punctuation(value.substr(position + separator_length))};
}

/// "First LAST Function", "LAST First Function", "First Last Function": the index of the first word of the
/// function (words.size() when none is recognised).
std::size_t function_start(const std::vector<std::string_view>& words) {
    std::size_t function_word = words.size();
    for (std::size_t i = 1; i < words.size(); ++i) {
        if (is_function_word(words[i])) {
            function_word = i;
            break;
        }
    }
    std::size_t surname_end = words.size();  // one past the first run of upper-case words
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (text::is_upper_case_word(words[i])) {
            std::size_t j = i;
            while (j < words.size() && text::is_upper_case_word(words[j])) {
                ++j;
            }
            // "FOMBA Abdoul Kassim Coordonnateur": the surname comes first, the given names follow.
            if (i == 0) {
                while (j < words.size() && j < function_word) {
                    ++j;
                }
            }
            surname_end = j;
            break;
        }
    }
    return std::min(function_word, surname_end);
}

core::Person split_by_words(std::string_view value) {
    std::string plain = strip_enclosing_emphasis(value);
    std::vector<std::string_view> words = split_words(plain);
    std::size_t split = function_start(words);
    return {join(words, 0, split), join(words, split, words.size())};
}

/// "Jean-Baptiste OUÉDRAOGO Programme Manager, Social Cohesion": the comma is inside the function, because
/// the text before it already reads as a name followed by a word that starts a function.
bool comma_inside_function(std::string_view before_comma) {
    std::string plain = strip_enclosing_emphasis(before_comma);
    std::vector<std::string_view> words = split_words(plain);
    std::size_t split = function_start(words);
    return split > 0 && split < words.size() && is_function_word(words[split]);
}

}  // namespace

core::Person parse_person(std::string_view raw, const std::string& field, ProblemSink& problems) {
    std::string value = text::tidy_spaces(raw);
    core::Person person;
    if (auto newline = value.find('\n'); newline != std::string::npos) {
        person = split_at(value, newline, 1);
    } else if (auto dash = value.find(" \xE2\x80\x93 "); dash != std::string::npos) {
        person = split_at(value, dash, 5);
    } else if (auto long_dash = value.find(" \xE2\x80\x94 "); long_dash != std::string::npos) {
        person = split_at(value, long_dash, 5);
    } else if (auto hyphen = value.find(" - "); hyphen != std::string::npos) {
        person = split_at(value, hyphen, 3);
    } else if (auto comma = value.find(',');
               comma != std::string::npos && !comma_inside_function(std::string_view(value).substr(0, comma))) {
        person = split_at(value, comma, 1);
    } else {
        person = split_by_words(value);
    }
    if (person.name.empty() && !person.function.empty()) {
        std::swap(person.name, person.function);
    }
    if (!person.name.empty() && person.function.empty()) {
        problems.push_back({field, core::Severity::Warning, "author-function-missing", {{"value", person.name}}, ""});
    }
    return person;
}

}  // namespace storybank::ingest
