// Files people upload through the API: a story document into a new draft, a photo into a story, and photos read
// back as the reader may see them.
#include "core/error.hpp"
#include "service/account_problems.hpp"
#include "service/story_service.hpp"

namespace storybank::service {

Outcome<ImportReport> StoryService::import_as(const auth::Subject& writer,
                                              const ingest::SourceFile& file,
                                              std::string_view template_id,
                                              const Actor& actor) {
    if (!template_id.empty() && m_templates.find(template_id) == nullptr) {
        return Outcome<ImportReport>::refused(
            {detail::refusal("template", "template-unknown", {{"template", std::string(template_id)}})});
    }
    PreparedStory prepared = m_reader.read(file, template_id);
    assign_writer_organisation(writer, prepared.story);
    if (!auth::may(writer, auth::StoryAction::Edit, facts_of(prepared.story, core::WorkflowState::Draft))) {
        return Outcome<ImportReport>::refused({detail::refusal("partner_ngo", "story-not-yours")});
    }
    ImportReport report = import_prepared(std::move(prepared), actor);
    if (!report.created) {
        auto existing = m_store.find_story(report.story_id);
        if (!existing || !auth::may(writer, auth::StoryAction::See, story_facts(*existing))) {
            throw Error(ErrorKind::Conflict, "the file " + file.name + " was uploaded before, by someone else");
        }
    }
    return Outcome<ImportReport>::done(std::move(report));
}

Outcome<int> StoryService::add_photo(const auth::Subject& editor,
                                     std::int64_t story_id,
                                     const ingest::SourceFile& photo,
                                     std::string caption,
                                     bool consent,
                                     int expected_revision,
                                     const Actor& actor) {
    summary_allowing(editor, story_id, auth::StoryAction::Edit);
    core::Revision current = m_store.revision(story_id);
    const core::Template& story_template = m_templates.get(current.story.template_id);
    const core::FieldDefinition* photos_field = story_template.field_of_type(core::FieldType::Photos);
    if (photos_field == nullptr) {
        return Outcome<int>::refused(
            {detail::refusal("photos", "story-has-no-photos", {{"template", story_template.id}})});
    }
    // Processed before anything is stored: a file that is not a photo changes nothing.
    std::vector<store::StoredAttachment> stored = m_reader.read_photo(photo.name, photo.bytes);
    core::PhotoList photos;
    if (const core::FieldValue* value = current.story.find(photos_field->key)) {
        if (const auto* list = std::get_if<core::PhotoList>(value)) {
            photos = *list;
        }
    }
    photos.push_back({std::move(caption), stored.front().attachment, consent});
    core::Story story = std::move(current.story);
    story.set(photos_field->key, std::move(photos));
    store::SaveRequest request = save_request(std::move(story), actor, "photo added: " + photo.name);
    request.attachments = std::move(stored);
    request.audit = m_audit.entry(actor, audit_action::kStoryUpdate, "story", std::to_string(story_id),
                                  {{"revision", std::to_string(expected_revision + 1)}, {"photo", photo.name}});
    return Outcome<int>::done(m_store.save_revision(story_id, request, expected_revision));
}

store::StoredAttachment StoryService::photo_for(const auth::Subject& reader,
                                                std::int64_t story_id,
                                                std::string_view sha256,
                                                bool thumbnail) {
    core::Revision visible = story_for(reader, story_id, 0);
    bool shown = false;
    for (const auto& [key, value] : visible.story.fields) {
        if (const auto* photos = std::get_if<core::PhotoList>(&value)) {
            for (const auto& photo : *photos) {
                shown = shown || (photo.attachment && photo.attachment->sha256 == sha256);
            }
        }
    }
    auto found = shown ? m_store.find_attachment(sha256) : std::nullopt;
    if (!found) {
        throw Error(ErrorKind::NotFound, "story " + std::to_string(story_id) + " has no photo " + std::string(sha256));
    }
    if (thumbnail && !found->thumbnail_sha256.empty()) {
        auto small = m_store.find_attachment(found->thumbnail_sha256);
        if (small) {
            return *small;
        }
    }
    return *found;
}

}  // namespace storybank::service
