#include "service/story_service.hpp"

#include "core/error.hpp"
#include "core/story_index.hpp"
#include "ingest/story_reader.hpp"
#include "render/story_layout.hpp"
#include "service/story_visibility.hpp"

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
                           const StoryFileReader& reader,
                           StoryEvents& events)
    : m_store(store),
      m_templates(templates),
      m_reader(reader),
      m_clock(clock),
      m_audit(store, clock),
      m_events(events) {}

void StoryService::emit(StoryEventType type,
                        std::int64_t story_id,
                        int revision,
                        core::WorkflowState status,
                        const Actor& actor,
                        core::WorkflowState from,
                        std::string reason) {
    StoryEvent event;
    event.type = type;
    event.story_id = story_id;
    event.revision = revision;
    event.status = status;
    event.from = from;
    event.reason = std::move(reason);
    event.actor = actor;
    event.occurred_at = m_clock.now();
    m_events.story_changed(event);
}

store::SaveRequest StoryService::save_request(core::Story story, const Actor& actor, std::string_view note) const {
    const core::Template& story_template = m_templates.get(story.template_id);
    store::SaveRequest request;
    request.index = core::make_index_entry(story, story_template);
    request.story = std::move(story);
    request.author = actor.name;
    request.note = note;
    return request;
}

ImportReport StoryService::import_file(const ingest::SourceFile& file,
                                       std::string_view template_id,
                                       const Actor& actor) {
    return import_prepared(m_reader.read(file, template_id), actor);
}

ImportReport StoryService::import_prepared(PreparedStory prepared, const Actor& actor) {
    ImportReport report;
    report.file_name = prepared.file_name;
    report.story = prepared.story;
    std::string template_id = prepared.story.template_id;
    store::SaveRequest request = save_request(std::move(prepared.story), actor, "imported from " + prepared.file_name);
    request.attachments = std::move(prepared.attachments);
    request.audit =
        m_audit.entry(actor, audit_action::kStoryImport, "story", {},
                      {{"file", prepared.file_name}, {"sha256", prepared.source_sha256}, {"template", template_id}});
    store::ImportOutcome outcome = m_store.import_story(request, {prepared.source_sha256, prepared.file_name});
    report.story_id = outcome.story_id;
    report.created = outcome.created;
    if (outcome.created) {
        emit(StoryEventType::Created, outcome.story_id, 1, core::WorkflowState::Draft, actor);
    }
    return report;
}

std::int64_t StoryService::create_story(core::Story story, const Actor& actor, std::string_view note) {
    return store_new_story(std::move(story), actor, note, std::nullopt).story_id;
}

store::ImportOutcome StoryService::store_new_story(core::Story story,
                                                   const Actor& actor,
                                                   std::string_view note,
                                                   const std::optional<store::CreationKey>& key) {
    if (story.template_id.empty()) {
        story.template_id = m_templates.default_template().id;
    }
    m_templates.get(story.template_id);
    std::string template_id = story.template_id;
    store::SaveRequest request = save_request(std::move(story), actor, note);
    request.audit = m_audit.entry(actor, audit_action::kStoryCreate, "story", {}, {{"template", template_id}});
    store::ImportOutcome outcome =
        key ? m_store.create_story_once(request, *key) : store::ImportOutcome{m_store.create_story(request), true};
    if (outcome.created) {
        emit(StoryEventType::Created, outcome.story_id, 1, core::WorkflowState::Draft, actor);
    }
    return outcome;
}

core::Revision StoryService::story(std::int64_t story_id, int revision) {
    return m_store.revision(story_id, revision);
}

core::Revision StoryService::public_story(std::int64_t story_id, int revision) {
    return without_personal_data(m_store.revision(story_id, revision));
}

core::Revision StoryService::story_for(const auth::Subject& reader, std::int64_t story_id, int revision) {
    auto summary = m_store.find_story(story_id);
    auth::StoryFacts facts = summary ? story_facts(*summary) : auth::StoryFacts{};
    if (summary && auth::may(reader, auth::StoryAction::SeePersonalData, facts)) {
        return m_store.revision(story_id, revision);
    }
    // A public reader sees the published text, not the drafts before it.
    bool current = revision == 0 || (summary && revision == summary->current_revision);
    if (summary && current && auth::may(reader, auth::StoryAction::See, facts)) {
        return without_personal_data(m_store.revision(story_id, revision));
    }
    throw Error(ErrorKind::NotFound, "there is no story " + std::to_string(story_id));
}

int StoryService::public_revision(std::int64_t story_id) {
    auto summary = m_store.find_story(story_id);
    if (!summary || !auth::may(auth::Subject{}, auth::StoryAction::See, story_facts(*summary))) {
        throw Error(ErrorKind::NotFound, "there is no story " + std::to_string(story_id));
    }
    return summary->current_revision;
}

core::Revision StoryService::without_personal_data(core::Revision found) const {
    const core::Template* story_template = m_templates.find(found.story.template_id);
    if (story_template == nullptr) {
        // Unknown template: nothing says any value is safe to show, so leave them all out.
        found.story.fields.clear();
    } else {
        // The one rule of every public output (documents use it too): personal fields out, and the people
        // quoted or shown who did not agree to publication, their testimony cut from the text as well.
        found.story = render::public_story(found.story, *story_template, "[\u2026]");
    }
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

std::vector<store::StorySummary> StoryService::list_for(const auth::Subject& reader, store::ListQuery query) {
    query.filter.visible_to = visibility_of(reader);
    return m_store.list_stories(query);
}

store::SearchResult StoryService::search_for(const auth::Subject& reader, store::SearchQuery query) {
    query.filter.visible_to = visibility_of(reader);
    return m_store.search(query);
}

std::vector<store::StorySummary> StoryService::waiting_list(const auth::Subject& subject, store::ListQuery query) {
    query.filter.visible_to = waiting_for(subject);
    return m_store.list_stories(query);
}

std::vector<core::RevisionInfo> StoryService::history_for(const auth::Subject& reader, std::int64_t story_id) {
    summary_allowing(reader, story_id, auth::StoryAction::SeePersonalData);
    return m_store.history(story_id);
}

std::vector<core::FieldChange> StoryService::diff_for(const auth::Subject& reader,
                                                      std::int64_t story_id,
                                                      int from,
                                                      int to) {
    summary_allowing(reader, story_id, auth::StoryAction::SeePersonalData);
    return core::diff_stories(m_store.revision(story_id, from).story, m_store.revision(story_id, to).story);
}

store::StorySummary StoryService::summary_allowing(const auth::Subject& subject,
                                                   std::int64_t story_id,
                                                   auth::StoryAction action) {
    auto found = m_store.find_story(story_id);
    if (!found || !auth::may(subject, auth::StoryAction::See, story_facts(*found))) {
        throw Error(ErrorKind::NotFound, "there is no story " + std::to_string(story_id));
    }
    if (!auth::may(subject, action, story_facts(*found))) {
        throw Error(ErrorKind::Forbidden, "you may not " + std::string(auth::story_action_name(action)) + " story " +
                                              std::to_string(story_id) + " while it is " +
                                              std::string(core::workflow_state_name(found->status)));
    }
    return *found;
}

auth::StoryFacts StoryService::facts_of(const core::Story& story, core::WorkflowState status) {
    const core::Template& story_template = m_templates.get(story.template_id);
    core::StoryIndexEntry index = core::make_index_entry(story, story_template);
    auto id_of = [&](const std::string& name) -> std::int64_t {
        if (name.empty()) {
            return 0;
        }
        auto organisation = m_store.find_organisation(name);
        return organisation ? organisation->id : 0;
    };
    return {id_of(index.partner_ngo), id_of(index.consortium_member), status};
}

auth::StoryFacts story_facts(const store::StorySummary& summary) {
    return {summary.partner_id, summary.member_id, summary.status};
}

}  // namespace storybank::service
