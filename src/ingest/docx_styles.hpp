#pragma once

#include "ingest/inline_text.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pugi {
class xml_document;
}

namespace storybank::ingest {

/// What a DOCX reader needs from word/styles.xml: which paragraph styles are headings or captions, which
/// character styles carry emphasis, which paragraph styles number their paragraphs. Styles are found by id
/// and judged by name, because Word localises ids ("Titre1", "Lgende") but keeps the built-in names in
/// English ("heading 1", "caption"); basedOn chains are followed.
class DocxStyles {
public:
    void load(const pugi::xml_document& styles);

    bool is_heading(std::string_view style_id) const;
    bool is_caption(std::string_view style_id) const;
    /// The emphasis a character style gives, over its basedOn chain.
    Emphasis emphasis(std::string_view style_id) const;
    /// The numbering (numId, level) a paragraph style applies, if any.
    std::optional<std::pair<std::string, int>> numbering(std::string_view style_id) const;
    /// The style used when a paragraph names none.
    const std::string& default_paragraph_style() const { return m_default_paragraph; }

private:
    struct Style {
        std::string name;  ///< lower-cased
        std::string based_on;
        bool outline = false;  ///< has an outline level: Word shows it in the navigation pane as a heading
        std::optional<bool> bold;
        std::optional<bool> italic;
        std::optional<std::pair<std::string, int>> numbering;
    };
    /// The style and its ancestors, nearest first (bounded, so that a basedOn loop ends).
    template <typename Visit>
    void for_chain(std::string_view style_id, Visit visit) const;

    std::map<std::string, Style, std::less<>> m_styles;
    std::string m_default_paragraph;
};

/// The list numbering of word/numbering.xml, counted as paragraphs go by: the text a list item starts with.
class DocxNumbering {
public:
    void load(const pugi::xml_document& numbering);
    /// "- " for bullets and other formats, "3. " for the third item of a decimal list; advances the count.
    std::string next_marker(const std::string& num_id, int level);

private:
    struct Level {
        std::string format = "bullet";
        int start = 1;
    };
    static constexpr int kLevels = 9;
    std::map<std::string, std::array<Level, kLevels>> m_abstract;
    std::map<std::string, std::string> m_abstract_of;
    std::map<std::string, std::map<int, int>> m_start_override;
    std::map<std::string, std::array<int, kLevels>> m_counters;
};

}  // namespace storybank::ingest
