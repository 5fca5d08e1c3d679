#pragma once

#include "core/problem.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace storybank::core {

struct Person {
    std::string name;
    std::string function;
    bool operator==(const Person&) const = default;
};

struct Contact {
    std::vector<std::string> phones;  ///< E.164, e.g. "+22379959269"
    std::vector<std::string> emails;
    bool operator==(const Contact&) const = default;
};

struct Place {
    std::string name;     ///< "Bamako"
    std::string country;  ///< ISO 3166-1 alpha-2, "ML"; empty when unknown
    std::string text;     ///< as written: "Bamako en République du Mali"
    bool operator==(const Place&) const = default;
};

struct Quote {
    std::string text;
    std::string speaker;
    std::string role;
    bool consent = false;  ///< the speaker agreed to be quoted in public outputs
    bool operator==(const Quote&) const = default;
};

/// A processed photo held by the store, addressed by the SHA-256 of its stored bytes.
struct Attachment {
    std::string sha256;
    std::string media_type;
    int width = 0;
    int height = 0;
    bool operator==(const Attachment&) const = default;
};

struct Photo {
    std::string caption;
    std::optional<Attachment> attachment;
    bool consent = false;  ///< the people shown agreed to publication
    bool operator==(const Photo&) const = default;
};

using QuoteList = std::vector<Quote>;
using PhotoList = std::vector<Photo>;

/// The value of one field. Text, rich text, organisation, date and choice fields hold a string.
using FieldValue = std::variant<std::string, Person, Contact, Place, QuoteList, PhotoList>;

/// One story in a template's format: the fields that were found, in template order, plus its problems.
/// This is what a reader produces and what every revision stores (as canonical JSON).
class Story {
public:
    std::string template_id;
    std::string language;  ///< ISO 639-1 of the text ("fr", "en"), empty when unknown
    std::vector<std::pair<std::string, FieldValue>> fields;
    std::vector<Problem> problems;

    /// The value of a field, or nullptr when the story doesn't have it.
    const FieldValue* find(std::string_view key) const;
    /// Sets (or replaces) a field, keeping the order in which fields were first set.
    void set(std::string key, FieldValue value);
    /// Removes a field; false when it was absent.
    bool erase(std::string_view key);
    /// The string value of a text-like field, or an empty view.
    std::string_view text(std::string_view key) const;

    bool operator==(const Story&) const = default;
};

/// True when a value carries nothing (empty text, empty lists, a person without a name, …).
bool is_empty(const FieldValue& value);

}  // namespace storybank::core
