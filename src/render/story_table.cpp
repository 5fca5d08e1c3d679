#include "render/story_table.hpp"

#include "render/field_text.hpp"
#include "render/rich_text.hpp"

namespace storybank::render {

StoryTable::StoryTable(const core::Template& story_template, const DocumentLabels& labels, PersonalData personal_data)
    : m_template(story_template), m_labels(labels), m_personal_data(personal_data) {
    m_story_header = {labels.id, labels.status, labels.text_language};
    for (const auto& field : story_template.fields) {
        if (field.type == core::FieldType::Quotes || field.type == core::FieldType::Photos ||
            (field.personal && personal_data == PersonalData::Omit)) {
            continue;
        }
        m_columns.push_back(&field);
        m_story_header.push_back(field.label.in(labels.language));
    }
    m_story_header.insert(m_story_header.end(), {labels.tags, labels.created, labels.updated});
    m_quote_header = {labels.id, labels.story_title, labels.quote_text, labels.speaker, labels.role};
    m_photo_header = {labels.id, labels.story_title, labels.caption, labels.photo_file, labels.width, labels.height};
}

StoryTable::Rows StoryTable::rows(const StoryRecord& record) const {
    const core::Story& story = m_personal_data == PersonalData::Omit
                                   ? public_story(record.story, m_template, m_labels.quote_withheld)
                                   : record.story;
    Rows rows;
    std::string id = std::to_string(record.id);
    rows.story = {id, record.status, story.language};
    for (const core::FieldDefinition* field : m_columns) {
        const core::FieldValue* value = story.find(field->key);
        if (value == nullptr) {
            rows.story.emplace_back();
        } else if (field->type == core::FieldType::RichText) {
            rows.story.push_back(plain_text(rich_text_paragraphs(std::get<std::string>(*value))));
        } else {
            rows.story.push_back(field_as_line(*value, *field, m_labels.language));
        }
    }
    std::string tags;
    for (const auto& tag : record.tags) {
        tags += (tags.empty() ? "" : ", ") + tag;
    }
    rows.story.insert(rows.story.end(), {tags, record.created_at, record.updated_at});

    const core::FieldDefinition* title_field = m_template.field_with_role(core::FieldRole::Title);
    std::string title = title_field != nullptr ? std::string(story.text(title_field->key)) : "";
    for (const auto& [key, value] : story.fields) {
        if (const auto* quotes = std::get_if<core::QuoteList>(&value)) {
            for (const auto& quote : *quotes) {
                rows.quotes.push_back({id, title, quote.text, quote.speaker, quote.role});
            }
        } else if (const auto* photos = std::get_if<core::PhotoList>(&value)) {
            for (const auto& photo : *photos) {
                if (photo.attachment) {
                    rows.photos.push_back({id, title, photo.caption, photo.attachment->sha256,
                                           std::to_string(photo.attachment->width),
                                           std::to_string(photo.attachment->height)});
                } else {
                    rows.photos.push_back({id, title, photo.caption, "", "", ""});
                }
            }
        }
    }
    return rows;
}

}  // namespace storybank::render
