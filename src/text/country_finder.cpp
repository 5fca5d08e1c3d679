#include "text/country_finder.hpp"

#include "text/unicode_text.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>
#include <map>
#include <mutex>
#include <vector>

namespace storybank::text {
namespace {

struct Alias {
    std::string_view name;
    std::string_view code;
    bool is_country;
};

// What CLDR's names miss: official long names, abbreviations, ASCII spellings, and towns that people write
// instead of a country. Kept to the regions the consortia work in; extend as stories come from elsewhere.
constexpr std::array kAliases = {
    Alias{"République du Mali", "ML", true},
    Alias{"Republic of Mali", "ML", true},
    Alias{"République du Niger", "NE", true},
    Alias{"Republic of Niger", "NE", true},
    Alias{"République du Sénégal", "SN", true},
    Alias{"République du Tchad", "TD", true},
    Alias{"République de Guinée", "GN", true},
    Alias{"République islamique de Mauritanie", "MR", true},
    Alias{"République fédérale du Nigeria", "NG", true},
    Alias{"République du Cameroun", "CM", true},
    Alias{"République du Bénin", "BJ", true},
    Alias{"République togolaise", "TG", true},
    Alias{"République de Côte d'Ivoire", "CI", true},
    Alias{"Côte d'Ivoire", "CI", true},
    Alias{"Cote d Ivoire", "CI", true},
    Alias{"Ivory Coast", "CI", true},
    Alias{"Burkina", "BF", true},
    Alias{"RDC", "CD", true},
    Alias{"RD Congo", "CD", true},
    Alias{"DRC", "CD", true},
    Alias{"République démocratique du Congo", "CD", true},
    Alias{"Democratic Republic of the Congo", "CD", true},
    Alias{"RCA", "CF", true},
    Alias{"Centrafrique", "CF", true},
    Alias{"Nigéria", "NG", true},
    Alias{"Sénégal", "SN", true},
    Alias{"Gambie", "GM", true},
    // Towns and regions.
    Alias{"Bamako", "ML", false},
    Alias{"Gao", "ML", false},
    Alias{"Tombouctou", "ML", false},
    Alias{"Timbuktu", "ML", false},
    Alias{"Mopti", "ML", false},
    Alias{"Ségou", "ML", false},
    Alias{"Sikasso", "ML", false},
    Alias{"Kayes", "ML", false},
    Alias{"Koulikoro", "ML", false},
    Alias{"Kidal", "ML", false},
    Alias{"Ménaka", "ML", false},
    Alias{"Taoudéni", "ML", false},
    Alias{"Bandiagara", "ML", false},
    Alias{"Douentza", "ML", false},
    Alias{"Ouagadougou", "BF", false},
    Alias{"Bobo-Dioulasso", "BF", false},
    Alias{"Dori", "BF", false},
    Alias{"Djibo", "BF", false},
    Alias{"Fada N'Gourma", "BF", false},
    Alias{"Kaya", "BF", false},
    Alias{"Ouahigouya", "BF", false},
    Alias{"Niamey", "NE", false},
    Alias{"Tillabéri", "NE", false},
    Alias{"Tillabéry", "NE", false},
    Alias{"Agadez", "NE", false},
    Alias{"Diffa", "NE", false},
    Alias{"Zinder", "NE", false},
    Alias{"Maradi", "NE", false},
    Alias{"Tahoua", "NE", false},
    Alias{"Dosso", "NE", false},
    Alias{"Dakar", "SN", false},
    Alias{"Ziguinchor", "SN", false},
    Alias{"Saint-Louis", "SN", false},
    Alias{"N'Djamena", "TD", false},
    Alias{"Ndjamena", "TD", false},
    Alias{"Abéché", "TD", false},
    Alias{"Nouakchott", "MR", false},
    Alias{"Abidjan", "CI", false},
    Alias{"Yamoussoukro", "CI", false},
    Alias{"Conakry", "GN", false},
    Alias{"Lomé", "TG", false},
    Alias{"Cotonou", "BJ", false},
    Alias{"Porto-Novo", "BJ", false},
    Alias{"Accra", "GH", false},
    Alias{"Abuja", "NG", false},
    Alias{"Lagos", "NG", false},
    Alias{"Maiduguri", "NG", false},
    Alias{"Yaoundé", "CM", false},
    Alias{"Douala", "CM", false},
    Alias{"Maroua", "CM", false},
    Alias{"Kinshasa", "CD", false},
    Alias{"Goma", "CD", false},
    Alias{"Bangui", "CF", false},
    Alias{"Banjul", "GM", false},
    Alias{"Bissau", "GW", false},
    Alias{"Freetown", "SL", false},
    Alias{"Monrovia", "LR", false},
};

struct Entry {
    std::vector<std::string> words;  ///< folded
    std::string code;
    bool is_country;
};

struct Word {
    std::string folded;
    std::size_t begin;
    std::size_t end;
};

bool is_separator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == '(' || c == ')' ||
           c == '/' || c == '.' || c == ':' || c == '[' || c == ']';
}

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < text.size()) {
        // U+00A0 (C2 A0) and U+202F (E2 80 AF) separate words too.
        if (is_separator(text[i])) {
            ++i;
            continue;
        }
        if (text.substr(i).starts_with("\xC2\xA0")) {
            i += 2;
            continue;
        }
        if (text.substr(i).starts_with("\xE2\x80\xAF")) {
            i += 3;
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && !is_separator(text[i]) && !text.substr(i).starts_with("\xC2\xA0") &&
               !text.substr(i).starts_with("\xE2\x80\xAF")) {
            ++i;
        }
        std::string folded = fold_for_matching(text.substr(start, i - start));
        // Hyphens join words in names ("Guinée-Bissau") but people also write "Bobo Dioulasso".
        for (char& c : folded) {
            if (c == '-') {
                c = ' ';
            }
        }
        std::size_t piece_start = 0;
        while (piece_start <= folded.size()) {
            std::size_t space = folded.find(' ', piece_start);
            std::string piece =
                folded.substr(piece_start, space == std::string::npos ? std::string::npos : space - piece_start);
            if (!piece.empty()) {
                words.push_back({piece, start, i});
            }
            if (space == std::string::npos) {
                break;
            }
            piece_start = space + 1;
        }
    }
    return words;
}

std::vector<std::string> folded_words(std::string_view name) {
    std::vector<std::string> out;
    for (auto& word : split_words(name)) {
        out.push_back(std::move(word.folded));
    }
    return out;
}

const std::vector<Entry>& entries() {
    static const std::vector<Entry> kEntries = [] {
        std::vector<Entry> out;
        const char* const* codes = icu::Locale::getISOCountries();
        for (int i = 0; codes[i] != nullptr; ++i) {
            std::string code = codes[i];
            icu::Locale region("", codes[i]);
            for (const icu::Locale& language : {icu::Locale::getFrench(), icu::Locale::getEnglish()}) {
                icu::UnicodeString name;
                region.getDisplayCountry(language, name);
                std::string utf8;
                name.toUTF8String(utf8);
                if (!utf8.empty() && utf8 != code) {
                    out.push_back({folded_words(utf8), code, true});
                }
            }
        }
        for (const auto& alias : kAliases) {
            out.push_back({folded_words(alias.name), std::string(alias.code), alias.is_country});
        }
        return out;
    }();
    return kEntries;
}

}  // namespace

std::optional<CountryMention> find_country(std::string_view text) {
    const std::vector<Word> words = split_words(text);
    std::optional<CountryMention> best;
    std::size_t best_length = 0;
    for (std::size_t start = 0; start < words.size(); ++start) {
        for (const auto& entry : entries()) {
            const std::size_t length = entry.words.size();
            if (length == 0 || start + length > words.size()) {
                continue;
            }
            bool matches = true;
            for (std::size_t k = 0; k < length && matches; ++k) {
                matches = words[start + k].folded == entry.words[k];
            }
            if (!matches) {
                continue;
            }
            // A country beats a town; then the longer match; then the later one (the country usually ends the text).
            bool better = !best || (entry.is_country && !best->is_country) ||
                          (entry.is_country == best->is_country && length >= best_length);
            if (better) {
                best = CountryMention{entry.code, words[start].begin, words[start + length - 1].end, entry.is_country};
                best_length = length;
            }
        }
    }
    return best;
}

std::string country_name(std::string_view code, std::string_view language) {
    if (!is_country_code(code)) {
        return std::string(code);
    }
    icu::Locale region("", std::string(code).c_str());
    icu::UnicodeString name;
    region.getDisplayCountry(icu::Locale(std::string(language).c_str()), name);
    std::string utf8;
    name.toUTF8String(utf8);
    return utf8;
}

bool is_country_code(std::string_view code) {
    if (code.size() != 2) {
        return false;
    }
    static const std::map<std::string, bool, std::less<>> kCodes = [] {
        std::map<std::string, bool, std::less<>> out;
        const char* const* codes = icu::Locale::getISOCountries();
        for (int i = 0; codes[i] != nullptr; ++i) {
            out[codes[i]] = true;
        }
        return out;
    }();
    return kCodes.contains(code);
}

}  // namespace storybank::text
