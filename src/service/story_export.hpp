#pragma once

#include "core/message_catalog.hpp"
#include "core/story.hpp"
#include "core/template.hpp"
#include "render/personal_data.hpp"
#include "render/story_layout.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace storybank::service {

enum class ExportFormat : std::uint8_t { Json, Markdown, Html, Pdf, Docx };

/// "json", "md", "html", "pdf" or "docx"; throws Error(InvalidRequest) naming the accepted formats otherwise.
ExportFormat parse_export_format(std::string_view name);

/// "a4" or "letter" (any case); throws Error(InvalidRequest) otherwise.
render::PaperSize parse_paper_size(std::string_view name);

/// What printed and Word documents need besides the story.
struct DocumentOptions {
    render::PaperSize paper = render::PaperSize::A4;
    std::string date;                ///< in the footer, e.g. today from the service clock; empty: none
    render::PhotoBytes photo_bytes;  ///< the stored photos; empty: captions only
};

/// One story as a document of the format (text for json, md and html; bytes for pdf and docx). Personal data,
/// and testimonies and photos without consent, are left out unless `personal_data` includes them.
std::string export_story(const core::Story& story,
                         const core::Template& story_template,
                         ExportFormat format,
                         const core::MessageCatalog& messages,
                         std::string_view language,
                         render::PersonalData personal_data,
                         const DocumentOptions& options = {});

/// The media type of a format's output ("application/pdf", …), for HTTP responses.
std::string_view export_media_type(ExportFormat format);

}  // namespace storybank::service
