#include "text/place_gazetteer.hpp"

#include "core/error.hpp"
#include "text/unicode_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_map>

namespace storybank::text {
namespace {

/// Lines a suggestion looks at, at most: a two-letter beginning can match thousands of names.
constexpr std::size_t kMaxLinesScanned = 5000;
constexpr std::size_t kFieldCount = 8;

std::string_view line_at(std::string_view lines, std::size_t start) {
    std::size_t end = lines.find('\n', start);
    return lines.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

std::string_view key_in(std::string_view line) {
    return line.substr(0, line.find('\t'));
}

template <typename Number>
Number number_in(std::string_view text, std::string_view line) {
    Number value{};
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) {
        throw Error(ErrorKind::Internal, "the place gazetteer has a malformed line", std::string(line));
    }
    return value;
}

/// A line of the gazetteer: the place by one of its names, and whether that name is the place's own.
struct NamedPlace {
    Place place;
    bool own_name = false;
};

NamedPlace named_place_in(std::string_view line) {
    std::array<std::string_view, kFieldCount> fields;
    std::size_t start = 0;
    for (std::size_t index = 0; index < kFieldCount; ++index) {
        std::size_t tab = index + 1 < kFieldCount ? line.find('\t', start) : line.size();
        if (tab == std::string_view::npos) {
            throw Error(ErrorKind::Internal, "the place gazetteer has a line with too few fields", std::string(line));
        }
        fields[index] = line.substr(start, tab - start);
        start = tab + 1;
    }
    return {{std::string(fields[1]), std::string(fields[2]), number_in<double>(fields[3], line),
             number_in<double>(fields[4], line), number_in<std::int64_t>(fields[5], line),
             number_in<std::int64_t>(fields[6], line)},
            fields[7] == "1"};
}

bool is_ascii_alphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

PlaceGazetteer::PlaceGazetteer(std::string_view lines) : m_lines(lines) {}

std::string PlaceGazetteer::key_of(std::string_view name) {
    std::string folded = fold_for_matching(name);
    std::string key;
    key.reserve(folded.size());
    bool pending_space = false;
    for (char c : folded) {
        // Letters outside ASCII that folding kept (ø, ł) stay: the file has no such keys, so they match nothing.
        if (is_ascii_alphanumeric(c) || static_cast<unsigned char>(c) >= 0x80) {
            if (pending_space && !key.empty()) {
                key += ' ';
            }
            pending_space = false;
            key += c;
        } else {
            pending_space = true;
        }
    }
    return key;
}

std::size_t PlaceGazetteer::lower_bound(std::string_view key) const {
    // A binary search over byte offsets: each probe moves to the next line start. `low` is always a line start
    // whose preceding lines have smaller keys; line starts from `high` on have keys not smaller.
    auto line_start_from = [this](std::size_t offset) {
        if (offset == 0) {
            return std::size_t{0};
        }
        std::size_t newline = m_lines.find('\n', offset - 1);
        return newline == std::string_view::npos ? m_lines.size() : newline + 1;
    };
    std::size_t low = 0;
    std::size_t high = m_lines.size();
    while (low < high) {
        std::size_t middle = low + (high - low) / 2;
        std::size_t start = line_start_from(middle);
        if (start >= high) {
            high = middle;
            continue;
        }
        std::string_view line = line_at(m_lines, start);
        if (key_in(line) < key) {
            low = start + line.size() + 1;
        } else {
            high = start;
        }
    }
    return std::min(low, m_lines.size());
}

std::optional<Place> PlaceGazetteer::find(std::string_view name, std::string_view country) const {
    std::string key = key_of(name);
    if (key.empty()) {
        return std::nullopt;
    }
    // Lines of one key are in decreasing population: the first in the country is the answer.
    for (std::size_t start = lower_bound(key); start < m_lines.size();) {
        std::string_view line = line_at(m_lines, start);
        if (key_in(line) != key) {
            break;
        }
        NamedPlace named = named_place_in(line);
        if (country.empty() || named.place.country == country) {
            return std::move(named.place);
        }
        start += line.size() + 1;
    }
    return std::nullopt;
}

std::optional<Place> PlaceGazetteer::find_locality(std::string_view locality, std::string_view country) const {
    if (auto place = find(locality, country)) {
        return place;
    }
    std::size_t end = locality.find_first_of(",(");
    if (end == std::string_view::npos || end == 0) {
        return std::nullopt;
    }
    return find(locality.substr(0, end), country);
}

std::vector<Place> PlaceGazetteer::suggest(std::string_view typed, std::string_view country, std::size_t limit) const {
    std::string key = key_of(typed);
    std::vector<Place> places;
    if (key.empty() || limit == 0) {
        return places;
    }
    // Each place once, by its own name when that matches too ("seg": Ségou, not its other name Segi).
    std::unordered_map<std::int64_t, std::size_t> index_of;
    std::vector<bool> own_name;
    std::size_t scanned = 0;
    for (std::size_t start = lower_bound(key); start < m_lines.size() && scanned < kMaxLinesScanned; ++scanned) {
        std::string_view line = line_at(m_lines, start);
        if (!key_in(line).starts_with(key)) {
            break;
        }
        start += line.size() + 1;
        NamedPlace named = named_place_in(line);
        if (!country.empty() && named.place.country != country) {
            continue;
        }
        auto [found, added] = index_of.try_emplace(named.place.id, places.size());
        if (added) {
            places.push_back(std::move(named.place));
            own_name.push_back(named.own_name);
        } else if (named.own_name && !own_name[found->second]) {
            places[found->second] = std::move(named.place);
            own_name[found->second] = true;
        }
    }
    std::stable_sort(places.begin(), places.end(),
                     [](const Place& left, const Place& right) { return left.population > right.population; });
    if (places.size() > limit) {
        places.resize(limit);
    }
    return places;
}

}  // namespace storybank::text
