#pragma once

#include "auth/policy.hpp"
#include "core/message_catalog.hpp"
#include "render/pdf_page_image.hpp"
#include "service/booklet.hpp"
#include "service/clock.hpp"
#include "service/data_export.hpp"
#include "service/story_export.hpp"
#include "service/story_selection.hpp"
#include "service/template_catalog.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace storybank::service {

/// One story made into a document for someone.
struct StoryDocument {
    std::string content;
    ExportFormat format = ExportFormat::Pdf;
    std::int64_t story_id = 0;
    int revision = 0;
};

/// Documents for people with rights (docs/authorization.md), as the server hands them out: each story only to
/// those who may see it, and personal data (contact details, testimonies and photos without consent) only to
/// those who may see it as written. The selection rules and the writers are those of the command line; what is
/// added here is who may have what.
class StoryDocuments {
public:
    StoryDocuments(store::Store& store,
                   const TemplateCatalog& templates,
                   const core::MessageCatalog& messages,
                   const Clock& clock);

    /// A story (revision 0: the current one) in `format`. Personal data is included when `reader` may see the
    /// story as written and did not ask for the public version; anyone else gets the public version of the
    /// current revision. A story `reader` may not see answers Error(NotFound), as one that does not exist.
    StoryDocument story_for(const auth::Subject& reader,
                            std::int64_t story_id,
                            int revision,
                            ExportFormat format,
                            std::string_view language,
                            render::PaperSize paper,
                            bool public_version);

    /// A booklet of the selected stories that `reader` may see. An id among them that they may not see answers
    /// Error(NotFound); asking for personal data (request.personal_data Include) answers Error(Forbidden) unless
    /// they may see every selected story as written. Returns the number of stories.
    std::size_t booklet_for(const auth::Subject& reader, BookletRequest request, std::ostream& out);

    /// Page `page` (from 1) of the PDF booklet booklet_for would write, as a PNG `width` pixels wide, with the
    /// same rights: a preview. Error(InvalidRequest) names the page count when there is no such page.
    render::PageImage booklet_page_for(const auth::Subject& reader, BookletRequest request, int page, int width);

    /// The selected stories that `reader` may see, as data (export_data), with the rights of booklet_for.
    std::size_t data_for(const auth::Subject& reader, DataExportRequest request, std::ostream& out);

    /// Today in the service's clock (YYYY-MM-DD): the date printed in documents.
    std::string today() const;

private:
    /// Narrows the selection to the stories `reader` may see and checks the ids it names and the personal data
    /// asked for.
    void restrict_to(const auth::Subject& reader, StorySelection& selection, render::PersonalData personal_data);

private:  // data
    store::Store& m_store;
    const TemplateCatalog& m_templates;
    const core::MessageCatalog& m_messages;
    const Clock& m_clock;
};

}  // namespace storybank::service
