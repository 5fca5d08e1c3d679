#pragma once

#include "core/revision.hpp"
#include "core/story.hpp"
#include "core/story_index.hpp"
#include "core/workflow.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::store {

/// A story as lists show it: its current revision's summary columns, without the document.
struct StorySummary {
    std::int64_t id = 0;
    std::string template_id;
    core::WorkflowState status = core::WorkflowState::Draft;
    int current_revision = 0;
    std::string title;
    std::string author;
    std::string language;
    std::string country;
    std::string locality;
    std::string partner_ngo;
    std::string consortium_member;
    int year = 0;
    std::string created_at;  ///< ISO 8601 UTC
    std::string updated_at;
    std::vector<std::string> tags;
    int error_count = 0;    ///< problems of severity error in the current revision
    int warning_count = 0;  ///< problems of severity warning
};

/// Filters shared by listing and search; an empty member means "any".
struct StoryFilter {
    std::string country;            ///< ISO code
    std::string partner_ngo;        ///< matched ignoring case and accents
    std::string consortium_member;  ///< matched ignoring case and accents
    std::string template_id;
    std::string language;
    int year = 0;
    std::string tag;
    std::optional<core::WorkflowState> status;
};

struct ListQuery {
    StoryFilter filter;
    int limit = 50;
    std::int64_t after_id = 0;  ///< cursor: only stories with a greater id
};

struct SearchQuery {
    std::string text;  ///< words, "quoted phrases", OR, -excluded; accents and inflections ignored
    StoryFilter filter;
    int limit = 20;
    int offset = 0;
};

/// Markers around matched words in snippets, replaced at the edge (HTML <mark>, terminal bold, …).
inline constexpr std::string_view kMatchStart = "\x02";
inline constexpr std::string_view kMatchEnd = "\x03";

struct SearchHit {
    StorySummary story;
    double score = 0;     ///< higher is better
    std::string snippet;  ///< text around the matches, matches between kMatchStart and kMatchEnd
};

struct SearchResult {
    std::vector<SearchHit> hits;
    int total = 0;  ///< number of matching stories, before limit/offset
};

struct StoredAttachment {
    core::Attachment attachment;
    std::string bytes;
    std::string thumbnail_sha256;  ///< the small copy of a photo, itself an attachment; empty when there is none
};

/// Everything a save needs besides the story itself.
struct SaveRequest {
    core::Story story;
    core::StoryIndexEntry index;  ///< from core::make_index_entry(story, template)
    std::string author;           ///< who saves: a user name, "import", "cli"
    std::string note;             ///< why
    /// Photos (and their thumbnails) the story refers to, stored in the same transaction as the revision, so
    /// an interrupted save leaves neither a story without its photos nor photos without a story.
    std::vector<StoredAttachment> attachments;
};

/// Where an imported story came from; the SHA-256 of the source file makes import idempotent.
struct ImportSource {
    std::string sha256;
    std::string file_name;
};

struct ImportOutcome {
    std::int64_t story_id = 0;
    bool created = false;  ///< false when this source had been imported before (story_id is that story)
};

struct Organisation {
    std::int64_t id = 0;
    std::string name;
    std::string kind;  ///< "member", "partner", "lead" or "" when unknown
};

/// The one storage interface. Each backend (SQLite now, PostgreSQL later) implements it and passes
/// tests/store/store_conformance_test.cpp. SQL and backend types never leave the backend's folder.
///
/// All methods may throw storybank::Error: Unavailable (locked, disk full, server down), NotFound, Conflict.
/// Every multi-row write is one transaction: on failure nothing of it is stored.
class Store {
public:
    virtual ~Store() = default;

    /// Creates a story with its first revision (number 1) in state Draft; returns the new id.
    virtual std::int64_t create_story(const SaveRequest& request) = 0;

    /// Creates a story from an imported file unless a story from the same source bytes exists.
    virtual ImportOutcome import_story(const SaveRequest& request, const ImportSource& source) = 0;

    /// Saves a new revision. `expected_revision` must be the story's current revision number, otherwise
    /// throws Error(Conflict) naming the current one. Returns the new revision number.
    virtual int save_revision(std::int64_t story_id, const SaveRequest& request, int expected_revision) = 0;

    /// Moves a story to another workflow state (rules are checked by service, not here).
    virtual void set_status(std::int64_t story_id, core::WorkflowState status) = 0;

    /// Replaces a story's tags (tag keys are created as needed).
    virtual void set_tags(std::int64_t story_id, const std::vector<std::string>& tags) = 0;

    /// The story's summary, or nullopt when there is no such story.
    virtual std::optional<StorySummary> find_story(std::int64_t story_id) = 0;

    /// One revision of a story; 0 means the current one. Throws Error(NotFound) when absent.
    virtual core::Revision revision(std::int64_t story_id, int number = 0) = 0;

    /// Every revision of a story, oldest first. Throws Error(NotFound) for an unknown story.
    virtual std::vector<core::RevisionInfo> history(std::int64_t story_id) = 0;

    /// Stories ordered by id, filtered, from the cursor on.
    virtual std::vector<StorySummary> list_stories(const ListQuery& query) = 0;

    /// Full-text search over the current revisions, best first. Throws Error(InvalidRequest) for a query that
    /// cannot be understood (e.g. unbalanced quotes), with a message saying so.
    virtual SearchResult search(const SearchQuery& query) = 0;

    /// Number of stories stored.
    virtual std::int64_t story_count() = 0;

    /// Adds an attachment (content-addressed, stored once) and returns nothing; a second put of the same
    /// SHA-256 is a no-op.
    virtual void put_attachment(const StoredAttachment& attachment) = 0;
    virtual std::optional<StoredAttachment> find_attachment(std::string_view sha256) = 0;

    /// The organisation with this name ignoring case, accents and spacing, created when absent.
    virtual Organisation ensure_organisation(std::string_view name, std::string_view kind) = 0;
    virtual std::vector<Organisation> organisations() = 0;
};

}  // namespace storybank::store
