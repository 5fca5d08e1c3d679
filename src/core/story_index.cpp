#include "core/story_index.hpp"

#include <charconv>
#include <variant>

namespace storybank::core {
namespace {

void append(std::string& out, std::string_view text) {
    if (text.empty()) {
        return;
    }
    if (!out.empty()) {
        out += '\n';
    }
    out += text;
}

/// Every word a value holds, for full-text search.
std::string searchable_text(const FieldValue& value) {
    struct Visitor {
        std::string operator()(const std::string& text) const { return text; }
        std::string operator()(const Person& person) const {
            std::string out;
            append(out, person.name);
            append(out, person.function);
            return out;
        }
        // Phones and e-mails are personal: never indexed.
        std::string operator()(const Contact&) const { return {}; }
        std::string operator()(const Place& place) const { return place.text.empty() ? place.name : place.text; }
        std::string operator()(const QuoteList& quotes) const {
            std::string out;
            for (const auto& quote : quotes) {
                append(out, quote.text);
                append(out, quote.speaker);
                append(out, quote.role);
            }
            return out;
        }
        std::string operator()(const PhotoList& photos) const {
            std::string out;
            for (const auto& photo : photos) {
                append(out, photo.caption);
            }
            return out;
        }
    };
    return std::visit(Visitor{}, value);
}

int year_of(std::string_view date) {
    int year = 0;
    if (date.size() >= 4) {
        auto [end, error] = std::from_chars(date.data(), date.data() + 4, year);
        if (error != std::errc() || end != date.data() + 4) {
            return 0;
        }
    }
    return year;
}

}  // namespace

StoryIndexEntry make_index_entry(const Story& story, const Template& story_template) {
    StoryIndexEntry entry;
    for (const auto& field : story_template.fields) {
        const FieldValue* value = story.find(field.key);
        if (value == nullptr) {
            continue;
        }
        switch (field.role) {
            case FieldRole::Title:
                entry.title = story.text(field.key);
                break;
            case FieldRole::Author:
                if (const auto* person = std::get_if<Person>(value)) {
                    entry.author = person->name;
                }
                break;
            case FieldRole::Place:
                if (const auto* place = std::get_if<Place>(value)) {
                    entry.country = place->country;
                    entry.locality = place->name;
                }
                break;
            case FieldRole::PartnerNgo:
                entry.partner_ngo = story.text(field.key);
                break;
            case FieldRole::ConsortiumMember:
                entry.consortium_member = story.text(field.key);
                break;
            case FieldRole::Date:
                entry.year = year_of(story.text(field.key));
                break;
            case FieldRole::None:
                break;
        }
        if (field.personal) {
            continue;
        }
        std::string words = searchable_text(*value);
        switch (field.search) {
            case SearchColumn::Title:
                append(entry.search_title, words);
                break;
            case SearchColumn::Summary:
                append(entry.search_summary, words);
                break;
            case SearchColumn::Body:
                append(entry.search_body, words);
                break;
            case SearchColumn::Quotes:
                append(entry.search_quotes, words);
                break;
            case SearchColumn::None:
                break;
        }
    }
    return entry;
}

}  // namespace storybank::core
