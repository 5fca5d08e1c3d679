#include "render/story_layout.hpp"

#include "render/field_text.hpp"
#include "text/country_finder.hpp"

namespace storybank::render {
namespace {

/// The span of a quote in its text: the quotation marks around it and the speaker's name (with its emphasis)
/// and role after it, so that nothing of the testimony is left behind.
std::string without_quote(std::string text, const core::Quote& quote, std::string_view withheld) {
    if (quote.text.empty()) {
        return text;
    }
    std::size_t start = text.find(quote.text);
    if (start == std::string::npos) {
        return text;
    }
    std::size_t end = start + quote.text.size();
    auto skip_back = [&](std::size_t at) {
        while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '*' || text[at - 1] == '_')) {
            --at;
        }
        return at;
    };
    auto skip_forward = [&](std::size_t at) {
        while (at < text.size() && (text[at] == ' ' || text[at] == '*' || text[at] == '_')) {
            ++at;
        }
        return at;
    };
    for (std::string_view open : {"\u00AB", "\u201C", "\""}) {
        std::size_t before = skip_back(start);
        if (before >= open.size() && text.compare(before - open.size(), open.size(), open) == 0) {
            start = before - open.size();
            break;
        }
    }
    // Keep emphasis markers that opened before the quote: they close after it.
    while (start < text.size() && (text[start] == '*' || text[start] == '_')) {
        ++start;
    }
    for (std::string_view close : {"\u00BB", "\u201D", "\""}) {
        std::size_t after = skip_forward(end);
        if (text.compare(after, close.size(), close) == 0) {
            end = after + close.size();
            break;
        }
    }
    if (!quote.speaker.empty()) {
        std::size_t after = skip_forward(end);
        // "(Oumar Guindo, pupil, 14)" after the quote: the whole parenthesis names the speaker.
        if (after < text.size() && text[after] == '(') {
            std::size_t close = text.find(')', after);
            if (close != std::string::npos &&
                text.substr(after, close - after).find(quote.speaker) != std::string::npos) {
                text.replace(start, close + 1 - start, withheld);
                return text;
            }
        }
        for (std::string_view dash : {"\u2014", "\u2013", "-", ","}) {
            if (text.compare(after, dash.size(), dash) == 0) {
                after = skip_forward(after + dash.size());
                break;
            }
        }
        if (text.compare(after, quote.speaker.size(), quote.speaker) == 0) {
            end = after + quote.speaker.size();
            while (end < text.size() && (text[end] == '*' || text[end] == '_') && text[end - 1] != ' ') {
                ++end;
            }
            std::size_t role_at = end;
            while (role_at < text.size() && (text[role_at] == ',' || text[role_at] == ' ')) {
                ++role_at;
            }
            if (!quote.role.empty() && text.compare(role_at, quote.role.size(), quote.role) == 0) {
                end = role_at + quote.role.size();
            }
        }
    }
    text.replace(start, end - start, withheld);
    return text;
}

}  // namespace

core::Story public_story(const core::Story& story,
                         const core::Template& story_template,
                         std::string_view withheld,
                         bool* omitted) {
    core::Story out = story;
    bool removed = false;
    removed |= std::erase_if(out.fields, [&](const auto& entry) {
                   const core::FieldDefinition* field = story_template.find_field(entry.first);
                   return (field == nullptr || field->personal) && !core::is_empty(entry.second);
               }) > 0;
    std::erase_if(out.fields, [&](const auto& entry) {
        const core::FieldDefinition* field = story_template.find_field(entry.first);
        return field == nullptr || field->personal;
    });
    core::QuoteList withheld_quotes;
    for (auto& [key, value] : out.fields) {
        if (auto* quotes = std::get_if<core::QuoteList>(&value)) {
            for (const auto& quote : *quotes) {
                if (!quote.consent) {
                    withheld_quotes.push_back(quote);
                }
            }
            removed |= std::erase_if(*quotes, [](const core::Quote& quote) { return !quote.consent; }) > 0;
        } else if (auto* photos = std::get_if<core::PhotoList>(&value)) {
            removed |= std::erase_if(*photos, [](const core::Photo& photo) { return !photo.consent; }) > 0;
        }
    }
    for (auto& [key, value] : out.fields) {
        const core::FieldDefinition* field = story_template.find_field(key);
        if (field == nullptr || field->type != core::FieldType::RichText) {
            continue;
        }
        if (auto* text = std::get_if<std::string>(&value)) {
            for (const auto& quote : withheld_quotes) {
                *text = without_quote(std::move(*text), quote, withheld);
            }
        }
    }
    if (omitted != nullptr) {
        *omitted = removed;
    }
    return out;
}

StoryLayout make_story_layout(const core::Story& source,
                              const core::Template& story_template,
                              std::string_view language,
                              PersonalData personal_data,
                              const DocumentLabels& labels) {
    StoryLayout layout;
    core::Story story = source;
    if (personal_data == PersonalData::Omit) {
        story = public_story(source, story_template, labels.quote_withheld, &layout.omitted);
    }
    layout.language = std::string(language);
    layout.story_language = story.language;
    layout.kicker = story_template.name.in(language);
    const core::FieldDefinition* title_field = story_template.field_with_role(core::FieldRole::Title);
    layout.title = title_field != nullptr ? std::string(story.text(title_field->key)) : "";
    if (!story_template.sections.empty()) {
        layout.summary_heading = story_template.sections.front().label.in(language);
    }
    if (story_template.sections.size() > 1) {
        layout.case_heading = story_template.sections[1].label.in(language);
    }
    for (const auto& field : story_template.fields) {
        const core::FieldValue* value = story.find(field.key);
        if (value == nullptr || &field == title_field) {
            continue;
        }
        if (field.type == core::FieldType::RichText) {
            auto paragraphs = rich_text_paragraphs(std::get<std::string>(*value));
            if (!paragraphs.empty()) {
                layout.sections.push_back({field.key, field.label.in(language), std::move(paragraphs)});
            }
        } else if (const auto* quotes = std::get_if<core::QuoteList>(value)) {
            layout.quotes_heading = field.label.in(language);
            layout.quotes = *quotes;
        } else if (const auto* photos = std::get_if<core::PhotoList>(value)) {
            layout.photos_heading = field.label.in(language);
            for (const auto& photo : *photos) {
                layout.photos.push_back({photo.caption, photo.attachment});
            }
        } else if (std::string line = field_as_line(*value, field, language); !line.empty()) {
            std::string as_written = line;
            if (const auto* place = std::get_if<core::Place>(value); place != nullptr && !place->text.empty()) {
                as_written = place->text;
            }
            layout.summary.push_back({field.label.in(language), line, as_written});
        }
    }
    auto text_of_role = [&](core::FieldRole role) {
        const core::FieldDefinition* field = story_template.field_with_role(role);
        return field != nullptr ? std::string(story.text(field->key)) : std::string();
    };
    layout.partner = text_of_role(core::FieldRole::PartnerNgo);
    layout.organisation = text_of_role(core::FieldRole::ConsortiumMember);
    if (layout.organisation.empty()) {
        layout.organisation = layout.partner;
    }
    if (const core::FieldDefinition* place_field = story_template.field_with_role(core::FieldRole::Place)) {
        if (const auto* place = std::get_if<core::Place>(
                story.find(place_field->key) != nullptr ? story.find(place_field->key) : nullptr)) {
            layout.country_code = place->country;
            layout.locality = place->name.empty() ? place->text : place->name;
            if (!place->country.empty()) {
                layout.country = text::country_name(place->country, language);
            }
        }
    }
    return layout;
}

}  // namespace storybank::render
