#include "service/story_documents.hpp"

#include "core/error.hpp"
#include "service/story_service.hpp"
#include "service/story_visibility.hpp"

#include <sstream>

namespace storybank::service {
namespace {

[[noreturn]] void no_such_story(std::int64_t story_id) {
    throw Error(ErrorKind::NotFound, "there is no story " + std::to_string(story_id));
}

}  // namespace

StoryDocuments::StoryDocuments(store::Store& store,
                               const TemplateCatalog& templates,
                               const core::MessageCatalog& messages,
                               const Clock& clock)
    : m_store(store), m_templates(templates), m_messages(messages), m_clock(clock) {}

std::string StoryDocuments::today() const {
    return m_clock.now_iso8601().substr(0, 10);
}

StoryDocument StoryDocuments::story_for(const auth::Subject& reader,
                                        std::int64_t story_id,
                                        int revision,
                                        ExportFormat format,
                                        std::string_view language,
                                        render::PaperSize paper,
                                        bool public_version) {
    auto summary = m_store.find_story(story_id);
    if (!summary) {
        no_such_story(story_id);
    }
    auth::StoryFacts facts = story_facts(*summary);
    bool as_written = auth::may(reader, auth::StoryAction::SeePersonalData, facts);
    // Without the right to the story as written, only the public text of the current revision: earlier
    // revisions may hold what was taken out before publication.
    bool current = revision == 0 || revision == summary->current_revision;
    if (!as_written && !(current && auth::may(reader, auth::StoryAction::See, facts))) {
        no_such_story(story_id);
    }
    core::Revision found = m_store.revision(story_id, as_written ? revision : 0);
    DocumentOptions options;
    options.paper = paper;
    options.date = today();
    options.photo_bytes = stored_photos(m_store);
    StoryDocument document;
    document.format = format;
    document.story_id = story_id;
    document.revision = found.info.number;
    document.content = export_story(
        found.story, m_templates.get(found.story.template_id), format, m_messages, language,
        as_written && !public_version ? render::PersonalData::Include : render::PersonalData::Omit, options);
    return document;
}

void StoryDocuments::restrict_to(const auth::Subject& reader,
                                 StorySelection& selection,
                                 render::PersonalData personal_data) {
    selection.filter.visible_to = visibility_of(reader);
    // Named ids are taken as given by select_stories, filter or not: each must be one the reader may see, and
    // one they may not see is answered as one that does not exist.
    for (std::int64_t id : selection.ids) {
        auto summary = m_store.find_story(id);
        if (!summary || !auth::may(reader, auth::StoryAction::See, story_facts(*summary))) {
            no_such_story(id);
        }
    }
    if (personal_data == render::PersonalData::Omit) {
        return;
    }
    for (std::int64_t id : select_stories(m_store, selection)) {
        auto summary = m_store.find_story(id);
        if (!summary || !auth::may(reader, auth::StoryAction::SeePersonalData, story_facts(*summary))) {
            throw Error(ErrorKind::Forbidden, "you may not see the personal data of story " + std::to_string(id) +
                                                  "; ask for the public version, which leaves it out");
        }
    }
}

std::size_t StoryDocuments::booklet_for(const auth::Subject& reader, BookletRequest request, std::ostream& out) {
    restrict_to(reader, request.selection, request.personal_data);
    if (request.date.empty()) {
        request.date = today();
    }
    return write_booklet(m_store, m_templates, m_messages, request, out);
}

render::PageImage StoryDocuments::booklet_page_for(const auth::Subject& reader,
                                                   BookletRequest request,
                                                   int page,
                                                   int width) {
    request.format = BookletFormat::Pdf;
    std::ostringstream pdf;
    booklet_for(reader, std::move(request), pdf);
    return render::pdf_page_image(pdf.view(), page, width);
}

std::size_t StoryDocuments::data_for(const auth::Subject& reader, DataExportRequest request, std::ostream& out) {
    restrict_to(reader, request.selection, request.personal_data);
    return export_data(m_store, m_templates, m_messages, request, out);
}

}  // namespace storybank::service
