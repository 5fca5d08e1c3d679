#include "core/template.hpp"

#include <array>
#include <utility>

namespace storybank::core {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 10> kFieldTypeNames{{
    {FieldType::Text, "text"},
    {FieldType::RichText, "rich_text"},
    {FieldType::Person, "person"},
    {FieldType::Contact, "contact"},
    {FieldType::Organisation, "organisation"},
    {FieldType::Place, "place"},
    {FieldType::Date, "date"},
    {FieldType::Choice, "choice"},
    {FieldType::Quotes, "quotes"},
    {FieldType::Photos, "photos"},
}};

const std::string kEmpty;

}  // namespace

std::string_view field_type_name(FieldType type) {
    for (const auto& [candidate, name] : kFieldTypeNames) {
        if (candidate == type) {
            return name;
        }
    }
    return "text";
}

std::optional<FieldType> parse_field_type(std::string_view name) {
    for (const auto& [type, candidate] : kFieldTypeNames) {
        if (candidate == name) {
            return type;
        }
    }
    return std::nullopt;
}

const std::string& LocalizedText::in(std::string_view language) const {
    for (std::string_view wanted : {language, std::string_view("en"), std::string_view("fr")}) {
        auto found = by_language.find(std::string(wanted));
        if (found != by_language.end()) {
            return found->second;
        }
    }
    return by_language.empty() ? kEmpty : by_language.begin()->second;
}

const FieldDefinition* Template::find_field(std::string_view key) const {
    for (const auto& field : fields) {
        if (field.key == key) {
            return &field;
        }
    }
    return nullptr;
}

const FieldDefinition* Template::field_with_role(FieldRole role) const {
    for (const auto& field : fields) {
        if (field.role == role) {
            return &field;
        }
    }
    return nullptr;
}

const FieldDefinition* Template::field_of_type(FieldType type) const {
    for (const auto& field : fields) {
        if (field.type == type) {
            return &field;
        }
    }
    return nullptr;
}

}  // namespace storybank::core
