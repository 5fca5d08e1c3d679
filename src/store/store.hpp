#pragma once

#include "core/revision.hpp"
#include "core/story.hpp"
#include "core/story_index.hpp"
#include "core/workflow.hpp"
#include "store/accounts.hpp"
#include "store/webhooks.hpp"

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
    std::int64_t partner_id = 0;  ///< the partner NGO's organisation id, 0 when unknown (for the access policy)
    std::int64_t member_id = 0;   ///< the consortium member's organisation id, 0 when unknown
    int year = 0;
    std::string created_at;  ///< ISO 8601 UTC
    std::string updated_at;
    std::vector<std::string> tags;
    int error_count = 0;    ///< problems of severity error in the current revision
    int warning_count = 0;  ///< problems of severity warning
};

/// One way a reader may see stories: those in one of `states` that belong to one of the organisations named
/// (or to any organisation). A reader's grants come from the access policy (service/story_visibility.hpp).
struct VisibilityGrant {
    std::vector<core::WorkflowState> states;
    bool any_organisation = false;
    std::vector<std::int64_t> partner_ids;  ///< stories whose partner NGO is one of these
    std::vector<std::int64_t> member_ids;   ///< stories whose consortium member is one of these

    bool operator==(const VisibilityGrant&) const = default;
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
    /// Only the stories one of these grants lets through; nullopt: no restriction (an empty list: none).
    std::optional<std::vector<VisibilityGrant>> visible_to;
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
    /// Also count the matching stories by status, country, partner, member, tag, year, language, locality and month.
    bool facets = false;
    /// With facets, also count them by "place": country and locality together, for a map.
    bool place_facet = false;
};

/// Markers around matched words in snippets, replaced at the edge (HTML <mark>, terminal bold, …).
inline constexpr std::string_view kMatchStart = "\x02";
inline constexpr std::string_view kMatchEnd = "\x03";

struct SearchHit {
    StorySummary story;
    double score = 0;     ///< higher is better
    std::string snippet;  ///< text around the matches, matches between kMatchStart and kMatchEnd
};

/// How many of the matching stories have one value of one facet ("country" "ML": 12).
struct FacetCount {
    /// "status", "country", "partner_ngo", "consortium_member", "tag", "year", "language", "locality", or "month"
    /// ("2026-11": the month the story was first recorded, newest first), or "place" ("ML\tTombouctou": the
    /// country code, a tab, the locality; asked for with SearchQuery::place_facet)
    std::string facet;
    std::string value;
    int count = 0;
};

struct SearchResult {
    std::vector<SearchHit> hits;
    int total = 0;                   ///< number of matching stories, before limit/offset
    std::vector<FacetCount> facets;  ///< when asked for: by facet, then most frequent first
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
    /// Written in the same transaction as the revision (target_id filled in with the story id when empty).
    std::optional<AuditEntry> audit;
};

/// Where an imported story came from; the SHA-256 of the source file makes import idempotent.
struct ImportSource {
    std::string sha256;
    std::string file_name;
};

/// The outcome of a creation that happens at most once (an import by source, a creation by key).
struct ImportOutcome {
    std::int64_t story_id = 0;
    bool created = false;  ///< false when this source or key had been used before (story_id is that story)
};

/// The key a client gave a story it creates (HTTP Idempotency-Key); one user's keys are theirs alone.
struct CreationKey {
    std::int64_t user_id = 0;
    std::string key;
};

struct Organisation {
    std::int64_t id = 0;
    std::string name;
    std::string kind;  ///< "member", "partner", "lead" or "" when unknown
};

/// A remark on a story, or on one of its fields, made while it was at `revision`.
struct Comment {
    std::int64_t id = 0;
    std::int64_t story_id = 0;
    int revision = 0;
    std::string field;  ///< a template key, or empty for the whole story
    std::int64_t author_user_id = 0;
    std::string author;      ///< the author's e-mail address at the time
    std::string body;        ///< plain text
    std::string created_at;  ///< ISO 8601 UTC
};

/// A story chosen for a report, with why (Most Significant Change selection).
struct Selection {
    std::int64_t id = 0;
    std::int64_t story_id = 0;
    std::string report;  ///< the report's name, "Rapport annuel 2026"
    std::string reason;
    std::int64_t selected_by_user_id = 0;
    std::string selected_by;
    std::string selected_at;  ///< ISO 8601 UTC, filled in by the store
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
    /// Creates the story unless this user already created one with this key: then returns that story, saving
    /// nothing. Looked up and recorded in the creating transaction, so two sends of one key make one story.
    virtual ImportOutcome create_story_once(const SaveRequest& request, const CreationKey& key) = 0;

    /// Saves a new revision. `expected_revision` must be the story's current revision number, otherwise
    /// throws Error(Conflict) naming the current one. Returns the new revision number.
    virtual int save_revision(std::int64_t story_id, const SaveRequest& request, int expected_revision) = 0;

    /// Moves a story to another workflow state (rules are checked by service, not here).
    virtual void set_status(std::int64_t story_id, core::WorkflowState status, const AuditEntry& audit) = 0;
    /// Moves a story from `from` to `to` only if it is still in `from`: otherwise throws Error(Conflict) naming
    /// the state it is in, and nothing changes (two reviewers acting at once cannot both win).
    virtual void move_story(std::int64_t story_id,
                            core::WorkflowState from,
                            core::WorkflowState to,
                            const AuditEntry& audit) = 0;

    /// Replaces a story's tags (tag keys are created as needed).
    virtual void set_tags(std::int64_t story_id, const std::vector<std::string>& tags, const AuditEntry& audit) = 0;

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

    /// Adds a comment (id and created_at are filled in by the store); returns its id. Throws Error(NotFound) for
    /// an unknown story.
    virtual std::int64_t add_comment(const Comment& comment, const AuditEntry& audit) = 0;
    /// A story's comments, oldest first.
    virtual std::vector<Comment> comments(std::int64_t story_id) = 0;
    /// Records a selection; returns its id. Throws Error(Conflict) when the story is selected for that report
    /// already, Error(NotFound) for an unknown story.
    virtual std::int64_t add_selection(const Selection& selection, const AuditEntry& audit) = 0;
    /// Selections by report then story; with a report name, only that report's; with a story id, only its.
    virtual std::vector<Selection> selections(std::string_view report, std::int64_t story_id) = 0;
    /// Number of stories stored.
    virtual std::int64_t story_count() = 0;

    /// Adds an attachment (content-addressed, stored once) and returns nothing; a second put of the same
    /// SHA-256 is a no-op.
    virtual void put_attachment(const StoredAttachment& attachment) = 0;
    virtual std::optional<StoredAttachment> find_attachment(std::string_view sha256) = 0;

    /// The organisation with this name ignoring case, accents and spacing, created when absent.
    virtual Organisation ensure_organisation(std::string_view name, std::string_view kind) = 0;
    virtual std::vector<Organisation> organisations() = 0;

    // --- Organisations and accounts (types in accounts.hpp). Every method that takes an AuditEntry writes it in
    // the same transaction as its change; when nothing changes (e.g. revoking what is revoked), nothing is
    // written, not even the entry.

    /// The organisation with this name ignoring case, accents and spacing, or nullopt.
    virtual std::optional<Organisation> find_organisation(std::string_view name) = 0;
    virtual std::optional<Organisation> find_organisation_by_id(std::int64_t id) = 0;
    /// Creates the organisation, or sets the kind of the one with that name, and adds its links to members.
    /// Throws Error(InvalidRequest) for an empty name, Error(NotFound) for an unknown member id.
    virtual Organisation save_organisation(const OrganisationChange& change, const AuditEntry& audit) = 0;
    /// Every partner–member link, by member then partner.
    virtual std::vector<PartnerLink> partner_links() = 0;

    /// Creates a user with their memberships; returns the id. Throws Error(Conflict) when the e-mail address is
    /// taken (ignoring case), Error(NotFound) for an unknown organisation.
    virtual std::int64_t create_user(const NewUser& user, const AuditEntry& audit) = 0;
    /// A user with their memberships, or nullopt.
    virtual std::optional<User> find_user(std::int64_t user_id) = 0;
    /// The user with this e-mail address ignoring case, or nullopt.
    virtual std::optional<User> find_user_by_email(std::string_view email) = 0;
    /// Users by e-mail address; with an organisation id, only its members.
    virtual std::vector<User> users(std::int64_t organisation_id = 0) = 0;
    virtual void set_password_hash(std::int64_t user_id, std::string_view password_hash, const AuditEntry& audit) = 0;
    /// Disables an account and revokes its sessions and API tokens at `at`. False when it was disabled already.
    /// Throws Error(NotFound) for an unknown user.
    virtual bool disable_user(std::int64_t user_id, std::string_view at, const AuditEntry& audit) = 0;
    /// Gives a user a role in an organisation, replacing the role they held there (one role per organisation).
    /// Throws Error(NotFound) for an unknown user or organisation.
    virtual void set_membership(std::int64_t user_id, const NewMembership& membership, const AuditEntry& audit) = 0;

    virtual void create_session(const SessionRecord& session, const AuditEntry& audit) = 0;
    /// The session with this token digest if it is usable at `now`: not revoked, not past expires_at, and its
    /// user not disabled. Idle time is the caller's rule (last_seen_at).
    virtual std::optional<SessionRecord> find_active_session(std::string_view id_sha256, std::string_view now) = 0;
    /// Records activity; not audited (it changes no right).
    virtual void touch_session(std::string_view id_sha256, std::string_view now) = 0;
    /// False when there is no such session or it was revoked already.
    virtual bool revoke_session(std::string_view id_sha256, std::string_view at, const AuditEntry& audit) = 0;
    /// Revokes every unrevoked session of a user; returns how many.
    virtual int revoke_sessions_of(std::int64_t user_id, std::string_view at, const AuditEntry& audit) = 0;
    /// Deletes the sessions nobody can use any more at `now`: past expires_at, or revoked. Returns how many.
    /// Who logged in and out, and when, stays in the audit log.
    virtual int delete_ended_sessions(std::string_view now) = 0;

    /// Stores a new API token; returns its id. Throws Error(NotFound) for an unknown user.
    virtual std::int64_t create_api_token(const ApiTokenRecord& token, const AuditEntry& audit) = 0;
    /// The token with this digest unless it is revoked or its user disabled.
    virtual std::optional<ApiTokenRecord> find_active_api_token(std::string_view sha256) = 0;
    virtual std::optional<ApiTokenRecord> find_api_token(std::int64_t token_id) = 0;
    /// Tokens by id, revoked ones included; with a user id, only theirs.
    virtual std::vector<ApiTokenRecord> api_tokens(std::int64_t user_id = 0) = 0;
    virtual void touch_api_token(std::int64_t token_id, std::string_view now) = 0;
    /// False when there is no such token or it was revoked already.
    virtual bool revoke_api_token(std::int64_t token_id, std::string_view at, const AuditEntry& audit) = 0;

    /// Stores an invitation; returns its id. Throws Error(NotFound) for an unknown organisation.
    virtual std::int64_t create_invitation(const InvitationRecord& invitation, const AuditEntry& audit) = 0;
    /// The invitation with this token digest if it is unused and not past expires_at at `now`.
    virtual std::optional<InvitationRecord> find_open_invitation(std::string_view sha256, std::string_view now) = 0;
    /// Uses an invitation: in one transaction, marks it used at user.created_at and creates the user with the
    /// invitation's organisation and role (user.memberships is ignored). Throws Error(NotFound) when the
    /// invitation is unknown, used or expired at user.created_at, Error(Conflict) when the e-mail is taken.
    virtual std::int64_t accept_invitation(std::string_view sha256, const NewUser& user, const AuditEntry& audit) = 0;
    /// Invitations unused and not past expires_at at `now`, newest first.
    virtual std::vector<InvitationRecord> open_invitations(std::string_view now) = 0;
    /// Ends an open invitation by setting its expires_at to `at`, so its link opens nothing any more. False when
    /// there is no such invitation or it was used or expired at `at` already (nothing is then written).
    virtual bool expire_invitation(std::int64_t invitation_id, std::string_view at, const AuditEntry& audit) = 0;

    /// The failure counts of these keys (keys without failures are left out).
    virtual std::vector<LoginFailureRecord> login_failures(const std::vector<std::string>& keys) = 0;
    /// Counts one failed login for each key at `now`: the count restarts at 1 when the key's last failure and
    /// lock both ended before `window_start`. Returns the updated records, in the order of `keys`.
    virtual std::vector<LoginFailureRecord> record_login_failure(const std::vector<std::string>& keys,
                                                                 std::string_view now,
                                                                 std::string_view window_start,
                                                                 const AuditEntry& audit) = 0;
    /// Refuses logins for a key until `until` (part of the failure just recorded, so not audited again).
    virtual void lock_login(std::string_view key, std::string_view until) = 0;
    virtual void clear_login_failures(std::string_view key) = 0;

    // --- Webhooks (types in webhooks.hpp).

    /// Stores a subscription (secret included, as given); returns its id. Throws Error(InvalidRequest) for an
    /// empty URL or event list.
    virtual std::int64_t create_webhook(const WebhookSubscription& subscription, const AuditEntry& audit) = 0;
    /// A subscription, secret included, or nullopt.
    virtual std::optional<WebhookSubscription> find_webhook(std::int64_t webhook_id) = 0;
    /// Every subscription by id, disabled ones included.
    virtual std::vector<WebhookSubscription> webhooks() = 0;
    /// Stops deliveries to a subscription at `at`; its pending deliveries are marked failed. False when it was
    /// disabled already. Throws Error(NotFound) for an unknown id.
    virtual bool disable_webhook(std::int64_t webhook_id, std::string_view at, const AuditEntry& audit) = 0;
    /// Puts one delivery of an event in the outbox for each active subscription to `event_type`, due at `now`;
    /// returns how many. Not audited: the story change that caused the event is.
    virtual int enqueue_webhook_event(std::string_view event_type,
                                      std::string_view event_id,
                                      std::string_view payload,
                                      std::string_view now) = 0;
    /// Pending deliveries of active subscriptions due at `now` (next_attempt_at <= now), oldest first.
    virtual std::vector<WebhookDelivery> due_webhook_deliveries(std::string_view now, int limit) = 0;
    /// The earliest next_attempt_at of a pending delivery to an active subscription, or nullopt.
    virtual std::optional<std::string> next_webhook_attempt_at() = 0;
    /// Records an attempt: counts it and stores its outcome. Throws Error(NotFound) for an unknown delivery.
    virtual void record_webhook_attempt(const DeliveryAttempt& attempt) = 0;
    /// The delivery log, newest first (url and secret left empty).
    virtual std::vector<WebhookDelivery> webhook_deliveries(const DeliveryQuery& query) = 0;

    /// Appends an entry for an action the store does not carry out itself; returns its id.
    virtual std::int64_t append_audit(const AuditEntry& entry) = 0;
    /// Entries newest first, from the cursor on. Entries are never changed or deleted.
    virtual std::vector<AuditEntry> audit_entries(const AuditQuery& query) = 0;
};

}  // namespace storybank::store
