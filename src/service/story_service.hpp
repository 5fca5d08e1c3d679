#pragma once

#include "auth/policy.hpp"
#include "core/revision.hpp"
#include "core/story.hpp"
#include "ingest/source_file.hpp"
#include "service/actor.hpp"
#include "service/audit_log.hpp"
#include "service/clock.hpp"
#include "service/story_file_reader.hpp"
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
    StoryService(store::Store& store,
                 const TemplateCatalog& templates,
                 const Clock& clock,
                 const StoryFileReader& reader);

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
    store::StorySummary summary(std::int64_t story_id);
    std::vector<core::RevisionInfo> history(std::int64_t story_id);
    std::vector<store::StorySummary> list(const store::ListQuery& query);
    store::SearchResult search(const store::SearchQuery& query);

    const TemplateCatalog& templates() const { return m_templates; }
    const StoryFileReader& reader() const { return m_reader; }

private:
    store::SaveRequest save_request(core::Story story, const Actor& actor, std::string_view note) const;
    core::Revision without_personal_data(core::Revision found) const;

private:  // data
    store::Store& m_store;
    const TemplateCatalog& m_templates;
    const StoryFileReader& m_reader;
    AuditLog m_audit;  ///< holds the clock: audit entries are the only times this service makes
};

/// What the access policy needs to know about a stored story.
auth::StoryFacts story_facts(const store::StorySummary& summary);

}  // namespace storybank::service
