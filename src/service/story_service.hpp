#pragma once

#include "auth/policy.hpp"
#include "core/revision.hpp"
#include "core/story.hpp"
#include "core/story_diff.hpp"
#include "ingest/source_file.hpp"
#include "service/actor.hpp"
#include "service/audit_log.hpp"
#include "service/clock.hpp"
#include "service/outcome.hpp"
#include "service/story_events.hpp"
#include "service/story_file_reader.hpp"
#include "service/tag_suggestions.hpp"
#include "service/template_catalog.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::service {

/// Reads a story file without storing it (`storybank parse`). `template_id` empty means the default template.
/// Throws Error(UnreadableInput) naming the file when it is not a story.
core::Story parse_story_file(const ingest::SourceFile& file,
                             const TemplateCatalog& templates,
                             std::string_view template_id);

struct ImportReport {
    std::string file_name;
    std::int64_t story_id = 0;
    bool created = false;  ///< false: the same file had been imported before, as story_id
    core::Story story;     ///< as read (for a duplicate: as read now)
};

/// The use cases around stories: import, read, history, list and search. Rules live here, not in the
/// command line or the HTTP handlers.
class StoryService {
public:
    /// `events` is told about each story created, updated or moved, after the change is stored (webhooks).
    StoryService(store::Store& store,
                 const TemplateCatalog& templates,
                 const Clock& clock,
                 const StoryFileReader& reader,
                 StoryEvents& events = NoStoryEvents::instance());

    /// Reads and stores a file as a new draft with its photos, unless the same bytes were imported before.
    /// Throws Error(UnreadableInput) for a file that is not a story; nothing is stored then. The actor is the
    /// revision's author and is audited (story.import) in the same transaction.
    ImportReport import_file(const ingest::SourceFile& file, std::string_view template_id, const Actor& actor);
    /// Stores a story read beforehand (reader().read(), possibly on another thread) in one transaction.
    ImportReport import_prepared(PreparedStory prepared, const Actor& actor);

    /// Stores a story given as canonical JSON (checked against its template) as a new draft (audited as
    /// story.create).
    std::int64_t create_story(core::Story story, const Actor& actor, std::string_view note);

    /// A story's revision (0: the current one). Throws Error(NotFound).
    core::Revision story(std::int64_t story_id, int revision = 0);
    /// The revision as anyone may see it: fields the template marks personal (contact details) removed.
    core::Revision public_story(std::int64_t story_id, int revision = 0);
    /// The revision as `reader` may see it (docs/authorization.md): as written with see-personal-data; with
    /// see only, the current revision with personal fields removed; otherwise Error(NotFound), the same answer as
    /// for a story that does not exist, so that its existence is not revealed.
    core::Revision story_for(const auth::Subject& reader, std::int64_t story_id, int revision = 0);
    /// The current revision number of a story that anyone, signed in or not, may read; Error(NotFound) otherwise,
    /// as story_for answers an anonymous reader. One read of the story's summary: for serving a published story's
    /// text from a cache keyed by revision, which can never be stale since revisions never change.
    int public_revision(std::int64_t story_id);
    store::StorySummary summary(std::int64_t story_id);

    // --- As someone with rights (docs/authorization.md). What they may not see answers Error(NotFound), as for a
    // story that does not exist, so that its existence is not revealed; what they see but may not do answers
    // Error(Forbidden).

    /// The stories `reader` may see, filtered and paged as `query` says.
    std::vector<store::StorySummary> list_for(const auth::Subject& reader, store::ListQuery query);
    store::SearchResult search_for(const auth::Subject& reader, store::SearchQuery query);
    /// The stories waiting for `subject` to act (service/story_visibility.hpp: waiting_for), oldest first.
    std::vector<store::StorySummary> waiting_list(const auth::Subject& subject, store::ListQuery query);
    /// Revisions are for those who may see the story as written; others see only the published text.
    std::vector<core::RevisionInfo> history_for(const auth::Subject& reader, std::int64_t story_id);
    /// Field-by-field changes from revision `from` to revision `to` (0: the current one).
    std::vector<core::FieldChange> diff_for(const auth::Subject& reader, std::int64_t story_id, int from, int to);

    /// Stores a new draft written by `writer`. A story that names no partner NGO gets the writer's organisation
    /// when they write for exactly one. With a `creation_key`, a second creation with the key the same user gave
    /// before stores nothing and answers the story first created (created false): a client whose first answer
    /// was lost sends again without making a copy. Problem: story-not-yours (the writer may not edit a draft of
    /// the organisations the story names), template-unknown.
    Outcome<store::ImportOutcome> create_story_as(const auth::Subject& writer,
                                                  core::Story story,
                                                  const Actor& actor,
                                                  std::string_view creation_key = {});
    /// Saves a new revision of a story `editor` may edit; a text that names no partner NGO gets the editor's
    /// organisation as at creation. `expected_revision` must be the current revision:
    /// otherwise Error(Conflict) names the current one and nothing is saved. Returns the new revision number.
    /// Problem: story-not-yours (the new text moves the story to organisations the editor may not edit for).
    Outcome<int> update_story(const auth::Subject& editor,
                              std::int64_t story_id,
                              core::Story story,
                              int expected_revision,
                              const Actor& actor,
                              std::string_view note);
    /// Moves a story along the workflow (core::is_allowed_transition) if `subject` may (auth::may_move). A
    /// reason is required to ask for changes and to archive; it is kept in the audit log with who and when.
    /// Problems: transition-not-allowed, transition-reason-missing.
    Outcome<core::WorkflowState> move_story(const auth::Subject& subject,
                                            std::int64_t story_id,
                                            core::WorkflowState to,
                                            std::string_view reason,
                                            const Actor& actor);
    /// Reads an uploaded story file into a new draft of `writer`, with the rules of create_story_as. A file
    /// uploaded before answers its story (created false) when the writer may see it, and Error(Conflict) without
    /// saying whose it is otherwise. Throws Error(UnreadableInput) naming the file when it is not a story.
    Outcome<ImportReport> import_as(const auth::Subject& writer,
                                    const ingest::SourceFile& file,
                                    std::string_view template_id,
                                    const Actor& actor);
    /// Adds a photo, processed like imported ones (upright, scaled down, metadata such as GPS removed), with its
    /// caption and whether the people shown agreed to publication, as a new revision (`expected_revision` as for
    /// update_story). Throws Error(UnreadableInput) naming the file when it is not a photo that can be kept.
    /// Problem: story-has-no-photos (its template has no photos field).
    Outcome<int> add_photo(const auth::Subject& editor,
                           std::int64_t story_id,
                           const ingest::SourceFile& photo,
                           std::string caption,
                           bool consent,
                           int expected_revision,
                           const Actor& actor);
    /// A photo of the story as `reader` may see it (or its thumbnail): Error(NotFound) unless the revision they
    /// may see shows that photo, so a photo without consent never reaches the public.
    store::StoredAttachment photo_for(const auth::Subject& reader,
                                      std::int64_t story_id,
                                      std::string_view sha256,
                                      bool thumbnail);

    /// A comment on the story or on one of its fields (`field` a template key, or empty), for the people working
    /// on it: those who may see it as written. Problems: comment-empty, comment-too-long, comment-field-unknown.
    Outcome<std::int64_t> add_comment(const auth::Subject& author,
                                      std::int64_t story_id,
                                      std::string field,
                                      std::string body,
                                      const Actor& actor);
    /// The story's comments, oldest first, for those who may see it as written.
    std::vector<store::Comment> comments_for(const auth::Subject& reader, std::int64_t story_id);

    /// Replaces a story's tags with keys of its template's vocabulary, for those who write, review or publish it.
    /// Problem: tag-unknown (naming the vocabulary). Returns the tags as stored (sorted, without repeats).
    Outcome<std::vector<std::string>> set_tags(const auth::Subject& editor,
                                               std::int64_t story_id,
                                               const std::vector<std::string>& tags,
                                               const Actor& actor);
    /// The story's tags (sorted), for those who may see it; Error(NotFound) for the others.
    std::vector<std::string> tags_for(const auth::Subject& reader, std::int64_t story_id);
    /// Tags of the vocabulary that the story's words suggest (service/tag_suggestions.hpp), for those who see it.
    std::vector<TagSuggestion> tag_suggestions_for(const auth::Subject& reader, std::int64_t story_id);

    /// Selects an approved or published story for a report, with the reason it was chosen (Most Significant
    /// Change): for those who may publish it. Problems: selection-report-missing, selection-reason-missing,
    /// selection-not-ready (not approved or published), selection-exists.
    Outcome<std::int64_t> select_story(const auth::Subject& selector,
                                       std::int64_t story_id,
                                       std::string report,
                                       std::string reason,
                                       const Actor& actor);
    /// The selections of a report (empty: of every report), only of stories `reader` may see.
    std::vector<store::Selection> selections_for(const auth::Subject& reader, std::string_view report);

    /// A move from the command line of the machine that holds the data: the workflow and its reasons apply, the
    /// roles do not (whoever runs it can read the data folder anyway). Problems as for move_story.
    Outcome<core::WorkflowState> move_story_locally(std::int64_t story_id,
                                                    core::WorkflowState to,
                                                    std::string_view reason,
                                                    const Actor& actor);

    /// The workflow moves of a story, newest first, from the audit log (who, when, from, to, why).
    std::vector<store::AuditEntry> transitions_for(const auth::Subject& reader, std::int64_t story_id);
    std::vector<core::RevisionInfo> history(std::int64_t story_id);
    std::vector<store::StorySummary> list(const store::ListQuery& query);
    store::SearchResult search(const store::SearchQuery& query);

    const TemplateCatalog& templates() const { return m_templates; }
    const StoryFileReader& reader() const { return m_reader; }

private:
    store::SaveRequest save_request(core::Story story, const Actor& actor, std::string_view note) const;
    /// Stores a new draft (once per key when there is one), audits it and announces it when it was created.
    store::ImportOutcome store_new_story(core::Story story,
                                         const Actor& actor,
                                         std::string_view note,
                                         const std::optional<store::CreationKey>& key);
    core::Revision without_personal_data(core::Revision found) const;
    /// The story's summary if `subject` may do `action` to it; NotFound when they may not even see it,
    /// Forbidden when they may see it but not do this.
    store::StorySummary summary_allowing(const auth::Subject& subject, std::int64_t story_id, auth::StoryAction action);
    /// The policy's facts about a story as it would be stored: its organisations by the names it gives.
    auth::StoryFacts facts_of(const core::Story& story, core::WorkflowState status);
    /// Checks the workflow, the rights of `subject` (none to check when null: a local command) and the reason,
    /// then moves the story from the state it was read in.
    Outcome<core::WorkflowState> apply_move(const store::StorySummary& current,
                                            core::WorkflowState to,
                                            std::string_view reason,
                                            const Actor& actor,
                                            const auth::Subject* subject);
    /// Tells the listener about a change that is stored; never throws (the change stays stored either way).
    void emit(StoryEventType type,
              std::int64_t story_id,
              int revision,
              core::WorkflowState status,
              const Actor& actor,
              core::WorkflowState from = core::WorkflowState::Draft,
              std::string reason = {});
    /// A story that does not say which partner NGO it is from gets the writer's, when they write for exactly one.
    void assign_writer_organisation(const auth::Subject& writer, core::Story& story);

private:  // data
    store::Store& m_store;
    const TemplateCatalog& m_templates;
    const StoryFileReader& m_reader;
    const Clock& m_clock;
    AuditLog m_audit;
    StoryEvents& m_events;
};

/// What the access policy needs to know about a stored story.
auth::StoryFacts story_facts(const store::StorySummary& summary);

}  // namespace storybank::service
