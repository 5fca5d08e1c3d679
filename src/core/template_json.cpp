#include "core/template_json.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <set>
#include <utility>

namespace storybank::core {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<std::pair<Presence, std::string_view>, 3> kPresenceNames{{
    {Presence::Required, "required"},
    {Presence::Recommended, "recommended"},
    {Presence::Optional, "optional"},
}};
constexpr std::array<std::pair<FieldRole, std::string_view>, 7> kRoleNames{{
    {FieldRole::None, "none"},
    {FieldRole::Title, "title"},
    {FieldRole::Author, "author"},
    {FieldRole::Place, "place"},
    {FieldRole::PartnerNgo, "partner_ngo"},
    {FieldRole::ConsortiumMember, "consortium_member"},
    {FieldRole::Date, "date"},
}};
constexpr std::array<std::pair<SearchColumn, std::string_view>, 5> kSearchNames{{
    {SearchColumn::None, "none"},
    {SearchColumn::Title, "title"},
    {SearchColumn::Summary, "summary"},
    {SearchColumn::Body, "body"},
    {SearchColumn::Quotes, "quotes"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
    for (const auto& [candidate, name] : names) {
        if (candidate == value) {
            return name;
        }
    }
    return names.front().second;
}

class TemplateParser {
public:
    explicit TemplateParser(std::string_view origin) : m_origin(origin) {}

    [[noreturn]] void fail(const std::string& where, const std::string& what) const {
        throw Error(ErrorKind::InvalidRequest,
                    "template '" + m_origin + "': " + where + " " + what + "; fix the template file");
    }

    std::string required_string(const Json& object, const char* key, const std::string& where) const {
        auto found = object.find(key);
        if (found == object.end() || !found->is_string() || found->get<std::string>().empty()) {
            fail(where + "." + key, "must be a non-empty string");
        }
        return found->get<std::string>();
    }

    std::string optional_string(const Json& object, const char* key, const std::string& where) const {
        auto found = object.find(key);
        if (found == object.end() || found->is_null()) {
            return {};
        }
        if (!found->is_string()) {
            fail(where + "." + key, "must be a string");
        }
        return found->get<std::string>();
    }

    std::vector<std::string> strings(const Json& object, const char* key, const std::string& where) const {
        std::vector<std::string> out;
        auto found = object.find(key);
        if (found == object.end()) {
            return out;
        }
        if (!found->is_array()) {
            fail(where + "." + key, "must be a list of strings");
        }
        for (const auto& item : *found) {
            if (!item.is_string()) {
                fail(where + "." + key, "must be a list of strings");
            }
            out.push_back(item.get<std::string>());
        }
        return out;
    }

    LocalizedText localized(const Json& object, const char* key, const std::string& where, bool required) const {
        LocalizedText out;
        auto found = object.find(key);
        if (found == object.end() || found->is_null()) {
            if (required) {
                fail(where + "." + key, "is missing (an object such as {\"fr\": \"…\", \"en\": \"…\"})");
            }
            return out;
        }
        if (!found->is_object()) {
            fail(where + "." + key, "must be an object such as {\"fr\": \"…\", \"en\": \"…\"}");
        }
        for (const auto& [language, text] : found->items()) {
            if (!text.is_string()) {
                fail(where + "." + key + "." + language, "must be a string");
            }
            out.by_language[language] = text.get<std::string>();
        }
        if (required && out.empty()) {
            fail(where + "." + key, "needs at least one language");
        }
        return out;
    }

    template <typename Enum, std::size_t N>
    Enum enumerated(const Json& object,
                    const char* key,
                    const std::string& where,
                    const std::array<std::pair<Enum, std::string_view>, N>& names,
                    Enum fallback) const {
        std::string text = optional_string(object, key, where);
        if (text.empty()) {
            return fallback;
        }
        for (const auto& [value, name] : names) {
            if (name == text) {
                return value;
            }
        }
        std::string allowed;
        for (const auto& [value, name] : names) {
            allowed += (allowed.empty() ? "" : ", ") + std::string(name);
        }
        fail(where + "." + key, "is '" + text + "', expected one of: " + allowed);
    }

    Template parse(std::string_view json_text) const {
        Json document = Json::parse(json_text, nullptr, false);
        if (document.is_discarded() || !document.is_object()) {
            fail("the file", "is not a JSON object");
        }
        Template out;
        out.id = required_string(document, "id", "template");
        if (auto version = document.find("version"); version != document.end()) {
            if (!version->is_number_integer()) {
                fail("template.version", "must be a whole number");
            }
            out.version = version->get<int>();
        }
        out.name = localized(document, "name", "template", true);
        out.description = localized(document, "description", "template", false);
        out.form_titles = strings(document, "form_titles", "template");

        std::set<std::string> section_keys;
        for (const auto& item : array_at(document, "sections")) {
            std::string where = "sections[" + std::to_string(out.sections.size()) + "]";
            SectionDefinition section;
            section.key = required_string(item, "key", where);
            section.label = localized(item, "label", where, true);
            section.aliases = strings(item, "aliases", where);
            if (!section_keys.insert(section.key).second) {
                fail(where + ".key", "'" + section.key + "' is used twice");
            }
            out.sections.push_back(std::move(section));
        }

        std::set<std::string> field_keys;
        for (const auto& item : array_at(document, "fields")) {
            std::string where = "fields[" + std::to_string(out.fields.size()) + "]";
            FieldDefinition field;
            field.key = required_string(item, "key", where);
            where = "field '" + field.key + "'";
            if (!field_keys.insert(field.key).second) {
                fail(where, "is declared twice");
            }
            field.section = optional_string(item, "section", where);
            if (!field.section.empty() && !section_keys.contains(field.section)) {
                fail(where + ".section", "names an unknown section '" + field.section + "'");
            }
            std::string type = required_string(item, "type", where);
            auto parsed_type = parse_field_type(type);
            if (!parsed_type) {
                fail(where + ".type", "is '" + type +
                                          "', expected one of: text, rich_text, person, contact, organisation, "
                                          "place, date, choice, quotes, photos");
            }
            field.type = *parsed_type;
            field.label = localized(item, "label", where, true);
            field.hint = localized(item, "hint", where, false);
            field.aliases = strings(item, "aliases", where);
            field.presence = enumerated(item, "presence", where, kPresenceNames, Presence::Optional);
            field.role = enumerated(item, "role", where, kRoleNames, FieldRole::None);
            field.search = enumerated(item, "search", where, kSearchNames, SearchColumn::None);
            if (auto personal = item.find("personal"); personal != item.end()) {
                if (!personal->is_boolean()) {
                    fail(where + ".personal", "must be true or false");
                }
                field.personal = personal->get<bool>();
            }
            for (const auto& choice_item : array_at(item, "choices")) {
                std::string choice_where = where + ".choices[" + std::to_string(field.choices.size()) + "]";
                Choice choice;
                choice.key = required_string(choice_item, "key", choice_where);
                choice.label = localized(choice_item, "label", choice_where, true);
                choice.aliases = strings(choice_item, "aliases", choice_where);
                field.choices.push_back(std::move(choice));
            }
            if (field.type == FieldType::Choice && field.choices.empty()) {
                fail(where + ".choices", "must list at least one choice for a choice field");
            }
            out.fields.push_back(std::move(field));
        }
        if (out.fields.empty()) {
            fail("fields", "must declare at least one field");
        }

        for (const auto& item : array_at(document, "tags")) {
            std::string where = "tags[" + std::to_string(out.tags.size()) + "]";
            TagDefinition tag;
            tag.key = required_string(item, "key", where);
            tag.label = localized(item, "label", where, true);
            tag.keywords = strings(item, "keywords", where);
            out.tags.push_back(std::move(tag));
        }
        return out;
    }

private:
    const Json& array_at(const Json& object, const char* key) const {
        static const Json kEmptyArray = Json::array();
        auto found = object.find(key);
        if (found == object.end()) {
            return kEmptyArray;
        }
        if (!found->is_array()) {
            fail(key, "must be a list");
        }
        for (const auto& item : *found) {
            if (!item.is_object()) {
                fail(key, "must be a list of objects");
            }
        }
        return *found;
    }

    std::string m_origin;
};

Json localized_json(const LocalizedText& text) {
    Json out = Json::object();
    for (const auto& [language, value] : text.by_language) {
        out[language] = value;
    }
    return out;
}

}  // namespace

Template template_from_json(std::string_view json_text, std::string_view origin) {
    return TemplateParser(origin).parse(json_text);
}

std::string template_to_json(const Template& story_template) {
    Json document;
    document["id"] = story_template.id;
    document["version"] = story_template.version;
    document["name"] = localized_json(story_template.name);
    document["description"] = localized_json(story_template.description);
    document["form_titles"] = story_template.form_titles;
    Json sections = Json::array();
    for (const auto& section : story_template.sections) {
        sections.push_back(
            {{"key", section.key}, {"label", localized_json(section.label)}, {"aliases", section.aliases}});
    }
    document["sections"] = std::move(sections);
    Json fields = Json::array();
    for (const auto& field : story_template.fields) {
        Json entry = {{"key", field.key},
                      {"section", field.section},
                      {"type", field_type_name(field.type)},
                      {"label", localized_json(field.label)},
                      {"hint", localized_json(field.hint)},
                      {"aliases", field.aliases},
                      {"presence", name_of(kPresenceNames, field.presence)},
                      {"personal", field.personal},
                      {"role", name_of(kRoleNames, field.role)},
                      {"search", name_of(kSearchNames, field.search)}};
        if (!field.choices.empty()) {
            Json choices = Json::array();
            for (const auto& choice : field.choices) {
                choices.push_back(
                    {{"key", choice.key}, {"label", localized_json(choice.label)}, {"aliases", choice.aliases}});
            }
            entry["choices"] = std::move(choices);
        }
        fields.push_back(std::move(entry));
    }
    document["fields"] = std::move(fields);
    Json tags = Json::array();
    for (const auto& tag : story_template.tags) {
        tags.push_back({{"key", tag.key}, {"label", localized_json(tag.label)}, {"keywords", tag.keywords}});
    }
    document["tags"] = std::move(tags);
    return document.dump(2);
}

}  // namespace storybank::core
