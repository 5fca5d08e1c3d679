#pragma once

#include "core/message_catalog.hpp"
#include "render/pdf_booklet_writer.hpp"
#include "service/story_export.hpp"
#include "service/story_selection.hpp"
#include "service/template_catalog.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace storybank::service {

enum class BookletFormat : std::uint8_t { Pdf, Docx };

struct BookletRequest {
    StorySelection selection;
    BookletFormat format = BookletFormat::Pdf;
    std::string title;       ///< required
    std::string consortium;  ///< empty: the consortium member named by most of the stories
    std::string period;      ///< empty: the years of the stories ("2024–2026")
    std::string language = "fr";
    /// Omit (the default) for anyone without the right to see personal data: donors, the public.
    render::PersonalData personal_data = render::PersonalData::Omit;
    render::PaperSize paper = render::PaperSize::A4;
    std::string date;  ///< on the cover and in the footers
};

/// Compiles the selected stories (current revisions) into a booklet and writes it to `out`: for PDF a cover,
/// table of contents, one chapter per story and an index by country and partner NGO; for DOCX a title page and
/// one story after another. One story is in memory at a time (PDF). Returns the number of stories. Throws
/// Error(InvalidRequest) when the title is empty or nothing matches the selection, Error(NotFound) for an
/// unknown id.
std::size_t write_booklet(store::Store& store,
                          const TemplateCatalog& templates,
                          const core::MessageCatalog& messages,
                          const BookletRequest& request,
                          std::ostream& out,
                          const render::Progress& progress = {});

}  // namespace storybank::service
