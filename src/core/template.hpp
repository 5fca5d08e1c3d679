#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::core {

/// What kind of value a template field holds; decides how readers parse it and writers lay it out.
enum class FieldType : std::uint8_t {
    Text,          ///< short text on one line
    RichText,      ///< paragraphs, CommonMark emphasis kept
    Person,        ///< {name, function}
    Contact,       ///< {phones[] in E.164, emails[]}
    Organisation,  ///< an organisation's name
    Place,         ///< {name, country (ISO 3166-1 alpha-2), text}
    Date,          ///< ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)
    Choice,        ///< one of the field's declared choices
    Quotes,        ///< [{text, speaker, role}], found in the rich text
    Photos,        ///< [{caption, attachment}]
};

std::string_view field_type_name(FieldType type);
std::optional<FieldType> parse_field_type(std::string_view name);

/// What happens when the field is absent: a required field is an error, a recommended one a warning.
enum class Presence : std::uint8_t { Required, Recommended, Optional };

/// The part a field plays for listing, filtering and search, independent of its key.
enum class FieldRole : std::uint8_t { None, Title, Author, Place, PartnerNgo, ConsortiumMember, Date };

/// Which full-text column a field's words go to (each column has its own weight).
enum class SearchColumn : std::uint8_t { None, Title, Summary, Body, Quotes };

/// A text in several languages ("fr", "en", …).
struct LocalizedText {
    std::map<std::string, std::string> by_language;

    /// The text in `language`, else English, else French, else any; empty when there is none.
    const std::string& in(std::string_view language) const;
    bool empty() const { return by_language.empty(); }
};

struct Choice {
    std::string key;
    LocalizedText label;
    std::vector<std::string> aliases;
};

struct FieldDefinition {
    std::string key;
    std::string section;  ///< key of the SectionDefinition it belongs to
    FieldType type = FieldType::Text;
    LocalizedText label;
    LocalizedText hint;                ///< help shown beside the label (and removed from imported text)
    std::vector<std::string> aliases;  ///< other wordings importers accept, in any language
    Presence presence = Presence::Optional;
    bool personal = false;  ///< left out of public outputs
    FieldRole role = FieldRole::None;
    SearchColumn search = SearchColumn::None;
    std::vector<Choice> choices;  ///< for FieldType::Choice
};

struct SectionDefinition {
    std::string key;
    LocalizedText label;
    std::vector<std::string> aliases;
};

struct TagDefinition {
    std::string key;
    LocalizedText label;
    std::vector<std::string> keywords;  ///< words in the text that suggest this tag, any language
};

/// A story collection format: sections, fields, labels, aliases. Data, not code: loaded from a JSON file.
class Template {
public:
    std::string id;
    int version = 1;
    LocalizedText name;
    LocalizedText description;
    std::vector<std::string> form_titles;  ///< headings of the blank form itself, ignored by importers
    std::vector<SectionDefinition> sections;
    std::vector<FieldDefinition> fields;
    std::vector<TagDefinition> tags;

    /// The field with this key, or nullptr.
    const FieldDefinition* find_field(std::string_view key) const;
    /// The first field playing this role, or nullptr.
    const FieldDefinition* field_with_role(FieldRole role) const;
    /// The first field of this type, or nullptr.
    const FieldDefinition* field_of_type(FieldType type) const;
};

}  // namespace storybank::core
