// Writing and moving stories as someone with rights: the rules of docs/authorization.md and the workflow, in one
// place for the HTTP API and the command line.
#include "core/error.hpp"
#include "core/story_check.hpp"
#include "service/account_problems.hpp"
#include "service/story_service.hpp"

namespace storybank::service {
namespace {

/// Moves that must say why: sending a story back, archiving it, withdrawing a published one.
bool needs_reason(core::WorkflowState from, core::WorkflowState to) {
    return to == core::WorkflowState::ChangesRequested || to == core::WorkflowState::Archived ||
           from == core::WorkflowState::Published;
}

}  // namespace

Outcome<store::ImportOutcome> StoryService::create_story_as(const auth::Subject& writer,
                                                            core::Story story,
                                                            const Actor& actor,
                                                            std::string_view creation_key) {
    using Created = Outcome<store::ImportOutcome>;
    if (story.template_id.empty()) {
        story.template_id = m_templates.default_template().id;
    }
    const core::Template* story_template = m_templates.find(story.template_id);
    if (story_template == nullptr) {
        return Created::refused({detail::refusal("template", "template-unknown", {{"template", story.template_id}})});
    }
    if (auto refusals = core::conform_to_template(story, *story_template); !refusals.empty()) {
        return Created::refused(std::move(refusals));
    }
    assign_writer_organisation(writer, story);
    if (!auth::may(writer, auth::StoryAction::Edit, facts_of(story, core::WorkflowState::Draft))) {
        return Created::refused({detail::refusal("partner_ngo", "story-not-yours")});
    }
    std::optional<store::CreationKey> key;
    if (!creation_key.empty()) {
        key = store::CreationKey{actor.user_id, std::string(creation_key)};
    }
    return Created::done(store_new_story(std::move(story), actor, "created", key));
}

void StoryService::assign_writer_organisation(const auth::Subject& writer, core::Story& story) {
    const core::Template* story_template = m_templates.find(story.template_id);
    const core::FieldDefinition* partner_field =
        story_template != nullptr ? story_template->field_with_role(core::FieldRole::PartnerNgo) : nullptr;
    if (partner_field == nullptr || !story.text(partner_field->key).empty()) {
        return;
    }
    std::vector<std::int64_t> own;
    for (const auto& membership : writer.memberships) {
        if (membership.role == auth::Role::Contributor) {
            own.push_back(membership.organisation_id);
        }
    }
    if (own.size() == 1) {
        if (auto organisation = m_store.find_organisation_by_id(own.front())) {
            story.set(partner_field->key, organisation->name);
        }
    }
}

Outcome<int> StoryService::update_story(const auth::Subject& editor,
                                        std::int64_t story_id,
                                        core::Story story,
                                        int expected_revision,
                                        const Actor& actor,
                                        std::string_view note) {
    store::StorySummary current = summary_allowing(editor, story_id, auth::StoryAction::Edit);
    if (story.template_id.empty()) {
        story.template_id = current.template_id;
    }
    const core::Template* story_template = m_templates.find(story.template_id);
    if (story_template == nullptr) {
        return Outcome<int>::refused(
            {detail::refusal("template", "template-unknown", {{"template", story.template_id}})});
    }
    if (auto refusals = core::conform_to_template(story, *story_template); !refusals.empty()) {
        return Outcome<int>::refused(std::move(refusals));
    }
    // As at creation: a text without a partner NGO (a draft written before the server gave it one) is the
    // writer's organisation's when they write for one.
    assign_writer_organisation(editor, story);
    // The new text may name other organisations: the editor must be allowed to edit the story as it will be.
    if (!auth::may(editor, auth::StoryAction::Edit, facts_of(story, current.status))) {
        return Outcome<int>::refused({detail::refusal("partner_ngo", "story-not-yours")});
    }
    store::SaveRequest request = save_request(std::move(story), actor, note);
    request.audit = m_audit.entry(actor, audit_action::kStoryUpdate, "story", std::to_string(story_id),
                                  {{"revision", std::to_string(expected_revision + 1)}});
    int revision = m_store.save_revision(story_id, request, expected_revision);
    emit(StoryEventType::Updated, story_id, revision, current.status, actor);
    return Outcome<int>::done(revision);
}

Outcome<core::WorkflowState> StoryService::move_story(const auth::Subject& subject,
                                                      std::int64_t story_id,
                                                      core::WorkflowState to,
                                                      std::string_view reason,
                                                      const Actor& actor) {
    return apply_move(summary_allowing(subject, story_id, auth::StoryAction::See), to, reason, actor, &subject);
}

Outcome<core::WorkflowState> StoryService::move_story_locally(std::int64_t story_id,
                                                              core::WorkflowState to,
                                                              std::string_view reason,
                                                              const Actor& actor) {
    return apply_move(summary(story_id), to, reason, actor, nullptr);
}

Outcome<core::WorkflowState> StoryService::apply_move(const store::StorySummary& current,
                                                      core::WorkflowState to,
                                                      std::string_view reason,
                                                      const Actor& actor,
                                                      const auth::Subject* subject) {
    using Result = Outcome<core::WorkflowState>;
    std::string from_name(core::workflow_state_name(current.status));
    std::string to_name(core::workflow_state_name(to));
    if (!core::is_allowed_transition(current.status, to)) {
        return Result::refused(
            {detail::refusal("status", "transition-not-allowed", {{"from", from_name}, {"to", to_name}})});
    }
    if (subject != nullptr && !auth::may_move(*subject, story_facts(current), to)) {
        throw Error(ErrorKind::Forbidden,
                    "you may not move story " + std::to_string(current.id) + " from " + from_name + " to " + to_name);
    }
    std::string why = std::string(reason);
    if (needs_reason(current.status, to) && why.find_first_not_of(" \t\r\n") == std::string::npos) {
        return Result::refused({detail::refusal("reason", "transition-reason-missing", {{"to", to_name}})});
    }
    m_store.move_story(current.id, current.status, to,
                       m_audit.entry(actor, audit_action::kStoryTransition, "story", std::to_string(current.id),
                                     {{"from", from_name}, {"to", to_name}, {"reason", why}}));
    emit(StoryEventType::Transitioned, current.id, current.current_revision, to, actor, current.status, why);
    return Result::done(to);
}

std::vector<store::AuditEntry> StoryService::transitions_for(const auth::Subject& reader, std::int64_t story_id) {
    summary_allowing(reader, story_id, auth::StoryAction::SeePersonalData);
    store::AuditQuery query;
    query.limit = 1000;
    query.target_type = "story";
    query.target_id = std::to_string(story_id);
    query.action = std::string(audit_action::kStoryTransition);
    return m_store.audit_entries(query);
}

}  // namespace storybank::service
