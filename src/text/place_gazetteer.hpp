#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::text {

/// A populated place of the gazetteer, by one of its names.
struct Place {
    std::string name;     ///< the name that matched, as written ("Tombouctou")
    std::string country;  ///< ISO 3166-1 alpha-2
    double latitude = 0;
    double longitude = 0;
    std::int64_t population = 0;
    std::int64_t id = 0;  ///< the place's GeoNames id: one place, several names
};

/// Finds places by name in a gazetteer file (resources/places/gazetteer.tsv, written by
/// scripts/make_gazetteer.py): one line per name, "key\tname\tcountry\tlatitude\tlongitude\tpopulation\tid\tmain"
/// (main: 1 for the place's own name), sorted by key. Lookups binary-search the bytes where they lie (the file is
/// compiled into the binary), so the gazetteer costs no memory until used and then only the pages a search touches.
///
/// Names match without regard to case, accents or punctuation: "tombouctou", "TOMBOUCTOU", "N’Djaména" and
/// "N'Djamena" are the same name.
class PlaceGazetteer {
public:
    /// `lines` (the file's bytes, sorted by key) must outlive the gazetteer.
    explicit PlaceGazetteer(std::string_view lines);

    /// The place of that name in that country (any country when `country` is empty); the most populous when
    /// several share the name.
    std::optional<Place> find(std::string_view name, std::string_view country = {}) const;

    /// The place a locality as people write it names: the whole name, else its part before a comma or a
    /// parenthesis ("Kaya, Centre-Nord", "Kaya (Sanmatenga)" → Kaya).
    std::optional<Place> find_locality(std::string_view locality, std::string_view country) const;

    /// Places whose names begin with what was typed, most populous first, one entry per place: by its own name
    /// when that begins with what was typed too, else by the other name that does.
    std::vector<Place> suggest(std::string_view typed, std::string_view country, std::size_t limit) const;

    /// How the gazetteer compares names: fold_for_matching, then anything but letters and digits a space.
    static std::string key_of(std::string_view name);

private:
    /// Offset of the first line whose key is not less than `key`.
    std::size_t lower_bound(std::string_view key) const;

    std::string_view m_lines;
};

}  // namespace storybank::text
