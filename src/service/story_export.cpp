#include "service/story_export.hpp"

#include "core/error.hpp"
#include "core/story_json.hpp"
#include "render/html_writer.hpp"
#include "render/markdown_writer.hpp"

namespace storybank::service {
namespace {

core::Story without_personal_fields(const core::Story& story, const core::Template& story_template) {
    core::Story out = story;
    std::erase_if(out.fields, [&](const auto& entry) {
        const core::FieldDefinition* field = story_template.find_field(entry.first);
        return field == nullptr || field->personal;
    });
    return out;
}

}  // namespace

ExportFormat parse_export_format(std::string_view name) {
    if (name == "json") {
        return ExportFormat::Json;
    }
    if (name == "md" || name == "markdown") {
        return ExportFormat::Markdown;
    }
    if (name == "html") {
        return ExportFormat::Html;
    }
    throw Error(ErrorKind::InvalidRequest, "the format must be json, md or html, not '" + std::string(name) + "'");
}

std::string export_story(const core::Story& story,
                         const core::Template& story_template,
                         ExportFormat format,
                         const core::MessageCatalog& messages,
                         std::string_view language,
                         render::PersonalData personal_data) {
    switch (format) {
        case ExportFormat::Json:
            return core::to_canonical_json(
                personal_data == render::PersonalData::Include ? story : without_personal_fields(story, story_template),
                messages, language);
        case ExportFormat::Markdown:
            return render::write_markdown(story, story_template, language, personal_data);
        case ExportFormat::Html: {
            const core::FieldDefinition* title_field = story_template.field_with_role(core::FieldRole::Title);
            std::string title = title_field != nullptr ? std::string(story.text(title_field->key)) : "storybank";
            return render::html_page(title, render::write_story_html(story, story_template, language, personal_data),
                                     language);
        }
    }
    return {};
}

}  // namespace storybank::service
