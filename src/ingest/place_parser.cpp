#include "ingest/value_parsers.hpp"
#include "text/country_finder.hpp"
#include "text/unicode_text.hpp"

#include <array>

namespace storybank::ingest {
namespace {

// Little words between a place and its country: "Bamako en République du Mali", "Dori, au Burkina Faso".
constexpr std::array<std::string_view, 16> kConnectors = {
    "en", "au", "aux", "a", "in", "du", "de", "dans", "le", "la", "l'", "region", "pays", "republique", "et", "near",
};

std::string trim_connectors(std::string text, bool from_end) {
    for (;;) {
        text = text::tidy_spaces(text);
        while (!text.empty() &&
               std::string_view(",;:-()/").find(from_end ? text.back() : text.front()) != std::string_view::npos) {
            if (from_end) {
                text.pop_back();
            } else {
                text.erase(0, 1);
            }
            text = text::tidy_spaces(text);
        }
        if (text.empty()) {
            return text;
        }
        std::size_t space = from_end ? text.rfind(' ') : text.find(' ');
        std::string word = space == std::string::npos ? text
                           : from_end                 ? text.substr(space + 1)
                                                      : text.substr(0, space);
        bool connector = false;
        for (std::string_view candidate : kConnectors) {
            connector = connector || text::fold_for_matching(word) == candidate;
        }
        if (!connector) {
            return text;
        }
        text = space == std::string::npos ? std::string() : from_end ? text.substr(0, space) : text.substr(space + 1);
    }
}

}  // namespace

core::Place parse_place(std::string_view raw,
                        std::string_view language,
                        const std::string& field,
                        ProblemSink& problems) {
    core::Place place;
    place.text = strip_enclosing_emphasis(text::tidy_spaces(raw));
    auto mention = text::find_country(place.text);
    if (!mention) {
        place.name = place.text;
        problems.push_back({field, core::Severity::Warning, "locality-country-unknown", {{"value", place.text}}, ""});
        return place;
    }
    place.country = mention->code;
    if (mention->is_country) {
        place.name = trim_connectors(place.text.substr(0, mention->begin), true);
        if (place.name.empty()) {
            place.name = trim_connectors(place.text.substr(mention->end), false);
        }
        if (place.name.empty()) {
            place.name = text::country_name(mention->code, language.empty() ? "fr" : language);
        }
    } else {
        place.name = place.text;
    }
    return place;
}

}  // namespace storybank::ingest
