#include "render/html_writer.hpp"

#include "render/field_text.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace storybank::render {

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string rich_text_to_html(std::string_view markdown) {
    // CMARK_OPT_DEFAULT is safe: raw HTML is replaced by a comment and javascript: links are emptied.
    std::unique_ptr<char, decltype(&std::free)> html(
        cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &std::free);
    return html ? std::string(html.get()) : std::string();
}

std::string write_story_html(const core::Story& story,
                             const core::Template& story_template,
                             std::string_view language,
                             PersonalData personal_data) {
    const core::FieldDefinition* title_field = story_template.field_with_role(core::FieldRole::Title);
    std::string title = title_field != nullptr ? std::string(story.text(title_field->key)) : "";
    std::string out = "<article class=\"story\">\n<h1>" + escape_html(title) + "</h1>\n<table class=\"summary\">\n";
    for (const auto& field : story_template.fields) {
        const core::FieldValue* value = story.find(field.key);
        if (value == nullptr || &field == title_field || (field.personal && personal_data == PersonalData::Omit)) {
            continue;
        }
        std::string line = field_as_line(*value, field, language);
        if (!line.empty()) {
            out += "<tr><th scope=\"row\">" + escape_html(field.label.in(language)) + "</th><td>" + escape_html(line) +
                   "</td></tr>\n";
        }
    }
    out += "</table>\n";
    for (const auto& field : story_template.fields) {
        const core::FieldValue* value = story.find(field.key);
        if (value == nullptr || (field.personal && personal_data == PersonalData::Omit)) {
            continue;
        }
        if (field.type == core::FieldType::RichText) {
            out += "<section><h2>" + escape_html(field.label.in(language)) + "</h2>\n" +
                   rich_text_to_html(std::get<std::string>(*value)) + "</section>\n";
        } else if (const auto* quotes = std::get_if<core::QuoteList>(value); quotes != nullptr && !quotes->empty()) {
            out += "<section><h2>" + escape_html(field.label.in(language)) + "</h2>\n";
            for (const auto& quote : *quotes) {
                out += "<figure><blockquote>" + escape_html(quote.text) + "</blockquote><figcaption>" +
                       escape_html(quote.speaker) + (quote.role.empty() ? "" : ", " + escape_html(quote.role)) +
                       "</figcaption></figure>\n";
            }
            out += "</section>\n";
        } else if (const auto* photos = std::get_if<core::PhotoList>(value); photos != nullptr && !photos->empty()) {
            out += "<section><h2>" + escape_html(field.label.in(language)) + "</h2>\n<ul class=\"photos\">\n";
            for (const auto& photo : *photos) {
                out += "<li>" + escape_html(photo.caption) + "</li>\n";
            }
            out += "</ul></section>\n";
        }
    }
    out += "</article>\n";
    return out;
}

std::string html_page(std::string_view title, std::string_view body_html, std::string_view language) {
    return "<!DOCTYPE html>\n<html lang=\"" + escape_html(language) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
           "initial-scale=1\">\n<link rel=\"icon\" href=\"data:,\">\n<title>" +
           escape_html(title) +
           "</title>\n<style>body{font-family:'DejaVu Sans',sans-serif;max-width:48rem;margin:2rem "
           "auto;padding:0 1rem;line-height:1.5;color:#222}table.summary th{text-align:left;padding-right:1rem;"
           "vertical-align:top}blockquote{font-style:italic;margin:0}figure{border-left:4px solid "
           "#c60;padding-left:1rem}mark{background:#fd6}a{color:#0645ad}</style>\n</head>\n<body>\n" +
           std::string(body_html) + "</body>\n</html>\n";
}

}  // namespace storybank::render
