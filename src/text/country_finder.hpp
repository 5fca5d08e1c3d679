#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace storybank::text {

struct CountryMention {
    std::string code;        ///< ISO 3166-1 alpha-2
    std::size_t begin = 0;   ///< byte offset of the mention in the searched text
    std::size_t end = 0;     ///< one past its last byte
    bool is_country = true;  ///< false when a town or region named it ("Bamako" → ML)
};

/// Finds the country a place description names: French and English country names (from ICU/CLDR), official
/// long names ("République du Mali"), abbreviations ("RDC") and the main towns of the region ("Bamako",
/// "Ouagadougou"). The longest match wins; a country name wins over a town. Case and accents are ignored.
std::optional<CountryMention> find_country(std::string_view text);

/// The country's name in a language ("fr", "en"), or the code itself when unknown.
std::string country_name(std::string_view code, std::string_view language);

/// True for a valid ISO 3166-1 alpha-2 code known to ICU.
bool is_country_code(std::string_view code);

}  // namespace storybank::text
