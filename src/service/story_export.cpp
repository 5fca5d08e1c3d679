#include "service/story_export.hpp"

#include "core/error.hpp"
#include "core/story_json.hpp"
#include "render/docx_writer.hpp"
#include "render/html_writer.hpp"
#include "render/markdown_writer.hpp"
#include "render/pdf_story_writer.hpp"
#include "service/document_labels.hpp"

#include <sstream>

namespace storybank::service {

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
    if (name == "pdf") {
        return ExportFormat::Pdf;
    }
    if (name == "docx") {
        return ExportFormat::Docx;
    }
    throw Error(ErrorKind::InvalidRequest,
                "the format must be json, md, html, pdf or docx, not '" + std::string(name) + "'");
}

render::PaperSize parse_paper_size(std::string_view name) {
    std::string lower;
    for (char c : name) {
        lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (lower == "a4") {
        return render::PaperSize::A4;
    }
    if (lower == "letter") {
        return render::PaperSize::Letter;
    }
    throw Error(ErrorKind::InvalidRequest, "the paper size must be a4 or letter, not '" + std::string(name) + "'");
}

std::string_view export_media_type(ExportFormat format) {
    switch (format) {
        case ExportFormat::Json:
            return "application/json";
        case ExportFormat::Markdown:
            return "text/markdown; charset=utf-8";
        case ExportFormat::Html:
            return "text/html; charset=utf-8";
        case ExportFormat::Pdf:
            return "application/pdf";
        case ExportFormat::Docx:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    return "application/octet-stream";
}

std::string export_story(const core::Story& story,
                         const core::Template& story_template,
                         ExportFormat format,
                         const core::MessageCatalog& messages,
                         std::string_view language,
                         render::PersonalData personal_data,
                         const DocumentOptions& options) {
    render::DocumentLabels labels = document_labels(messages, language);
    bool omitted = false;
    const core::Story& shown = personal_data == render::PersonalData::Include
                                   ? story
                                   : render::public_story(story, story_template, labels.quote_withheld, &omitted);
    switch (format) {
        case ExportFormat::Json:
            return core::to_canonical_json(shown, messages, language);
        case ExportFormat::Markdown: {
            std::string markdown = render::write_markdown(shown, story_template, language, personal_data);
            if (omitted) {
                // Under the title, where a reader sees it first.
                std::size_t end_of_title = markdown.find('\n');
                markdown.insert(end_of_title == std::string::npos ? markdown.size() : end_of_title + 1,
                                "\n*" + labels.omitted_note + "*\n");
            }
            return markdown;
        }
        case ExportFormat::Html: {
            const core::FieldDefinition* title_field = story_template.field_with_role(core::FieldRole::Title);
            std::string title = title_field != nullptr ? std::string(shown.text(title_field->key)) : "storybank";
            std::string body = render::write_story_html(shown, story_template, language, personal_data);
            if (omitted) {
                std::size_t end_of_title = body.find("</h1>");
                if (end_of_title != std::string::npos) {
                    body.insert(end_of_title + 5,
                                "\n<p class=\"note\"><em>" + render::escape_html(labels.omitted_note) + "</em></p>");
                }
            }
            return render::html_page(title, body, language);
        }
        case ExportFormat::Pdf: {
            render::StoryLayout layout =
                render::make_story_layout(story, story_template, language, personal_data, labels);
            std::ostringstream out;
            render::write_story_pdf(out, layout, labels, options.photo_bytes, {options.paper, options.date});
            return std::move(out).str();
        }
        case ExportFormat::Docx: {
            render::StoryLayout layout =
                render::make_story_layout(story, story_template, language, personal_data, labels);
            std::string footer = layout.organisation;
            if (!options.date.empty()) {
                footer += (footer.empty() ? "" : "  \u00B7  ") + options.date;
            }
            return render::write_docx(1, [&](std::size_t) { return layout; }, labels, options.photo_bytes,
                                      {options.paper, layout.title, footer});
        }
    }
    return {};
}

}  // namespace storybank::service
