#pragma once

#include "core/template.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::ingest {

/// What a line of a document is, with respect to a template.
struct LabelMatch {
    enum class Kind : std::uint8_t { None, FormTitle, Section, Field };

    Kind kind = Kind::None;
    const core::FieldDefinition* field = nullptr;      ///< for Kind::Field
    const core::SectionDefinition* section = nullptr;  ///< for Kind::Section
    std::string value;     ///< text after the label on the same line ("" when the label stands alone)
    std::string language;  ///< language of the label that matched ("fr", "en"), or "" for an alias
};

/// Finds template labels in lines of text, whatever the form: "label<TAB>value", "Label: value",
/// "Label : value" (no-break space too), a label alone as a heading, numbered ("2.1 Titre") or not, in
/// Markdown (# heading, **bold**), French or English, with or without accents, with the template's hint
/// after the label ("Contact de l'auteur (Tel et email)"). One locator serves every reader.
class FieldLocator {
public:
    explicit FieldLocator(const core::Template& story_template);

    /// Matches one line. With `allow_complement`, a short field's label may also be followed by a few words
    /// the template does not spell out and a colon ("Contact de la narratrice : …"); readers allow it where
    /// no running text is being gathered, so that sentences inside rich text are not taken for labels.
    LabelMatch match(std::string_view line, bool allow_complement = false) const;

private:
    struct Variant {
        std::vector<std::string> words;
        LabelMatch::Kind kind;
        const core::FieldDefinition* field = nullptr;
        const core::SectionDefinition* section = nullptr;
        std::string language;
    };
    void add_variant(std::string_view label,
                     LabelMatch::Kind kind,
                     const core::FieldDefinition* field,
                     const core::SectionDefinition* section,
                     std::string language);

private:  // data
    const core::Template& m_template;
    std::vector<Variant> m_variants;
    std::size_t m_longest_variant = 0;  ///< in words: how far into a line a label can reach
};

/// The words of a label as the locator compares them: folded, without emphasis marks, brackets or colons.
std::vector<std::string> label_words(std::string_view text);

}  // namespace storybank::ingest
