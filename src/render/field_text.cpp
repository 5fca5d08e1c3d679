#include "render/field_text.hpp"

#include "text/country_finder.hpp"

namespace storybank::render {

std::string field_as_line(const core::FieldValue& value,
                          const core::FieldDefinition& field,
                          std::string_view language) {
    if (field.type == core::FieldType::RichText) {
        return {};
    }
    if (const auto* text = std::get_if<std::string>(&value)) {
        if (field.type == core::FieldType::Choice) {
            for (const auto& choice : field.choices) {
                if (choice.key == *text) {
                    return choice.label.in(language);
                }
            }
        }
        return *text;
    }
    if (const auto* person = std::get_if<core::Person>(&value)) {
        return person->function.empty() ? person->name : person->name + ", " + person->function;
    }
    if (const auto* contact = std::get_if<core::Contact>(&value)) {
        std::string out;
        for (const auto& phone : contact->phones) {
            out += (out.empty() ? "" : ", ") + phone;
        }
        for (const auto& email : contact->emails) {
            out += (out.empty() ? "" : ", ") + email;
        }
        return out;
    }
    if (const auto* place = std::get_if<core::Place>(&value)) {
        if (place->country.empty()) {
            return place->name.empty() ? place->text : place->name;
        }
        std::string country = text::country_name(place->country, language);
        return place->name == country ? country : place->name + " (" + country + ")";
    }
    return {};
}

}  // namespace storybank::render
