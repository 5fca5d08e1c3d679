#include "service/story_service.hpp"

#include "core/error.hpp"
#include "core/story_index.hpp"
#include "ingest/story_reader.hpp"

namespace storybank::service {

core::Story parse_story_file(const ingest::SourceFile& file,
                             const TemplateCatalog& templates,
                             std::string_view template_id) {
    const core::Template& story_template =
        template_id.empty() ? templates.default_template() : templates.get(template_id);
    return ingest::read_story(file, story_template);
}

StoryService::StoryService(store::Store& store,
                           const TemplateCatalog& templates,
                           const Clock& clock,
                           const StoryFileReader& reader)
    : m_store(store), m_templates(templates), m_clock(clock), m_reader(reader) {}

store::SaveRequest StoryService::save_request(core::Story story, std::string_view author, std::string_view note) const {
    const core::Template& story_template = m_templates.get(story.template_id);
    store::SaveRequest request;
    request.index = core::make_index_entry(story, story_template);
    request.story = std::move(story);
    request.author = author;
    request.note = note;
    return request;
}

ImportReport StoryService::import_file(const ingest::SourceFile& file,
                                       std::string_view template_id,
                                       std::string_view author) {
    return import_prepared(m_reader.read(file, template_id), author);
}

ImportReport StoryService::import_prepared(PreparedStory prepared, std::string_view author) {
    ImportReport report;
    report.file_name = prepared.file_name;
    report.story = prepared.story;
    store::SaveRequest request = save_request(std::move(prepared.story), author, "imported from " + prepared.file_name);
    request.attachments = std::move(prepared.attachments);
    store::ImportOutcome outcome = m_store.import_story(request, {prepared.source_sha256, prepared.file_name});
    report.story_id = outcome.story_id;
    report.created = outcome.created;
    return report;
}

std::int64_t StoryService::create_story(core::Story story, std::string_view author, std::string_view note) {
    if (story.template_id.empty()) {
        story.template_id = m_templates.default_template().id;
    }
    m_templates.get(story.template_id);
    return m_store.create_story(save_request(std::move(story), author, note));
}

core::Revision StoryService::story(std::int64_t story_id, int revision) {
    return m_store.revision(story_id, revision);
}

core::Revision StoryService::public_story(std::int64_t story_id, int revision) {
    core::Revision found = m_store.revision(story_id, revision);
    const core::Template* story_template = m_templates.find(found.story.template_id);
    std::vector<std::pair<std::string, core::FieldValue>> kept;
    for (auto& [key, value] : found.story.fields) {
        const core::FieldDefinition* field = story_template != nullptr ? story_template->find_field(key) : nullptr;
        // Unknown template or field: nothing says the value is safe to show, so leave it out.
        if (field != nullptr && !field->personal) {
            kept.emplace_back(key, std::move(value));
        }
    }
    found.story.fields = std::move(kept);
    std::erase_if(found.story.problems, [&](const core::Problem& problem) {
        const core::FieldDefinition* field =
            story_template != nullptr ? story_template->find_field(problem.field) : nullptr;
        return field != nullptr && field->personal;
    });
    return found;
}

store::StorySummary StoryService::summary(std::int64_t story_id) {
    auto found = m_store.find_story(story_id);
    if (!found) {
        throw Error(ErrorKind::NotFound, "there is no story " + std::to_string(story_id));
    }
    return *found;
}

std::vector<core::RevisionInfo> StoryService::history(std::int64_t story_id) {
    return m_store.history(story_id);
}

std::vector<store::StorySummary> StoryService::list(const store::ListQuery& query) {
    return m_store.list_stories(query);
}

store::SearchResult StoryService::search(const store::SearchQuery& query) {
    return m_store.search(query);
}

}  // namespace storybank::service
