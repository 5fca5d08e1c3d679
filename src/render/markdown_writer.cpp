#include "render/markdown_writer.hpp"

#include "render/field_text.hpp"

namespace storybank::render {
namespace {

/// Table cells cannot hold "|" or line breaks.
std::string table_cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string write_markdown(const core::Story& story,
                           const core::Template& story_template,
                           std::string_view language,
                           PersonalData personal_data) {
    std::string out;
    const core::FieldDefinition* title_field = story_template.field_with_role(core::FieldRole::Title);
    std::string title = title_field != nullptr ? std::string(story.text(title_field->key)) : "";
    out += "# " + (title.empty() ? story_template.name.in(language) : title) + "\n\n";

    bool table_started = false;
    for (const auto& field : story_template.fields) {
        const core::FieldValue* value = story.find(field.key);
        if (value == nullptr || &field == title_field || (field.personal && personal_data == PersonalData::Omit)) {
            continue;
        }
        std::string line = field_as_line(*value, field, language);
        if (line.empty()) {
            continue;
        }
        if (!table_started) {
            out += "| | |\n|---|---|\n";
            table_started = true;
        }
        out += "| **" + table_cell(field.label.in(language)) + "** | " + table_cell(line) + " |\n";
    }
    if (table_started) {
        out += "\n";
    }

    for (const auto& field : story_template.fields) {
        const core::FieldValue* value = story.find(field.key);
        if (value == nullptr || (field.personal && personal_data == PersonalData::Omit)) {
            continue;
        }
        if (field.type == core::FieldType::RichText) {
            out += "## " + field.label.in(language) + "\n\n" + std::get<std::string>(*value) + "\n\n";
        } else if (const auto* quotes = std::get_if<core::QuoteList>(value); quotes != nullptr && !quotes->empty()) {
            out += "## " + field.label.in(language) + "\n\n";
            for (const auto& quote : *quotes) {
                out += "> « " + quote.text + " »\n>\n> — " + quote.speaker +
                       (quote.role.empty() ? "" : ", " + quote.role) + "\n\n";
            }
        } else if (const auto* photos = std::get_if<core::PhotoList>(value); photos != nullptr && !photos->empty()) {
            out += "## " + field.label.in(language) + "\n\n";
            for (const auto& photo : *photos) {
                out += "- " + photo.caption + "\n";
            }
            out += "\n";
        }
    }
    while (out.ends_with("\n\n")) {
        out.pop_back();
    }
    return out;
}

}  // namespace storybank::render
