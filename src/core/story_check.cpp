#include "core/story_check.hpp"

#include <algorithm>

namespace storybank::core {
namespace {

bool has_shape(FieldType type, const FieldValue& value) {
    switch (type) {
        case FieldType::Text:
        case FieldType::RichText:
        case FieldType::Organisation:
        case FieldType::Date:
        case FieldType::Choice:
            return std::holds_alternative<std::string>(value);
        case FieldType::Person:
            return std::holds_alternative<Person>(value);
        case FieldType::Contact:
            return std::holds_alternative<Contact>(value);
        case FieldType::Place:
            return std::holds_alternative<Place>(value);
        case FieldType::Quotes:
            return std::holds_alternative<QuoteList>(value);
        case FieldType::Photos:
            return std::holds_alternative<PhotoList>(value);
    }
    return false;
}

bool is_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// YYYY, YYYY-MM or YYYY-MM-DD with a month 01–12 and a day 01–31.
bool is_partial_iso_date(std::string_view date) {
    if (date.size() != 4 && date.size() != 7 && date.size() != 10) {
        return false;
    }
    if (!is_digits(date.substr(0, 4))) {
        return false;
    }
    if (date.size() >= 7) {
        if (date[4] != '-' || !is_digits(date.substr(5, 2))) {
            return false;
        }
        int month = (date[5] - '0') * 10 + (date[6] - '0');
        if (month < 1 || month > 12) {
            return false;
        }
    }
    if (date.size() == 10) {
        if (date[7] != '-' || !is_digits(date.substr(8, 2))) {
            return false;
        }
        int day = (date[8] - '0') * 10 + (date[9] - '0');
        if (day < 1 || day > 31) {
            return false;
        }
    }
    return true;
}

Problem refusal(const std::string& field, std::string message_id, std::map<std::string, std::string> params) {
    return {field, Severity::Error, std::move(message_id), std::move(params), ""};
}

}  // namespace

std::vector<Problem> conform_to_template(Story& story, const Template& story_template) {
    std::vector<Problem> refusals;
    for (const auto& [key, value] : story.fields) {
        const FieldDefinition* field = story_template.find_field(key);
        if (field == nullptr) {
            refusals.push_back(refusal(key, "field-unknown", {{"field", key}, {"template", story_template.id}}));
            continue;
        }
        if (is_empty(value)) {
            continue;
        }
        if (!has_shape(field->type, value)) {
            refusals.push_back(refusal(key, "field-wrong-type",
                                       {{"field", key}, {"type", std::string(field_type_name(field->type))}}));
            continue;
        }
        if (field->type == FieldType::Choice) {
            const auto& chosen = std::get<std::string>(value);
            bool known = std::any_of(field->choices.begin(), field->choices.end(),
                                     [&](const Choice& choice) { return choice.key == chosen; });
            if (!known) {
                refusals.push_back(refusal(key, "field-choice-unknown", {{"field", key}, {"value", chosen}}));
            }
        }
        if (field->type == FieldType::Date && !is_partial_iso_date(std::get<std::string>(value))) {
            refusals.push_back(
                refusal(key, "field-date-invalid", {{"field", key}, {"value", std::get<std::string>(value)}}));
        }
    }
    if (!refusals.empty()) {
        return refusals;
    }

    const std::string label_language = story.language == "en" ? "en" : "fr";
    std::vector<std::pair<std::string, FieldValue>> ordered;
    std::vector<Problem> problems;
    for (const auto& field : story_template.fields) {
        const FieldValue* value = story.find(field.key);
        if (value != nullptr && !is_empty(*value)) {
            ordered.emplace_back(field.key, *value);
            continue;
        }
        if (field.presence == Presence::Optional) {
            continue;
        }
        bool required = field.presence == Presence::Required;
        problems.push_back({field.key,
                            required ? Severity::Error : Severity::Warning,
                            required ? "field-missing-required" : "field-missing-recommended",
                            {{"label", field.label.in(label_language)}},
                            ""});
    }
    story.fields = std::move(ordered);
    story.problems = std::move(problems);
    return {};
}

}  // namespace storybank::core
