#pragma once

#include "store/store.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace storybank::store::sqlite {

namespace detail {
class Database;
class Statement;
}  // namespace detail

/// Gives the current time as ISO 8601 UTC, "2026-11-29T10:00:00Z". Injected so tests can fix it.
using NowFunction = std::function<std::string()>;

/// The file a SqliteStore keeps everything in, inside its data folder.
inline constexpr std::string_view kDatabaseFileName = "storybank.sqlite3";

/// How long a write waits for another process's write lock before failing with Error(Unavailable).
inline constexpr std::chrono::milliseconds kDefaultBusyTimeout{5000};

/// The embedded store: one SQLite file (WAL) in a data folder, with an FTS5 index whose tokenizer stems French
/// and English. One connection, serialised by a mutex: safe to share between threads, one call at a time.
class SqliteStore final : public Store {
public:
    /// Opens the store in `data_dir` (created when missing), creating or upgrading its schema.
    /// `now` defaults to the system clock; `busy_timeout` is how long a write waits for a lock held by another
    /// process. Throws Error(Unavailable) when the folder cannot be created, the file is not a storybank
    /// database or is damaged (the file is left untouched), the database was written by a newer storybank, or
    /// another process holds the lock while the schema must be upgraded.
    static std::unique_ptr<SqliteStore> open(const std::filesystem::path& data_dir,
                                             NowFunction now = {},
                                             std::chrono::milliseconds busy_timeout = kDefaultBusyTimeout);

    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    std::int64_t create_story(const SaveRequest& request) override;
    ImportOutcome import_story(const SaveRequest& request, const ImportSource& source) override;
    ImportOutcome create_story_once(const SaveRequest& request, const CreationKey& key) override;
    int save_revision(std::int64_t story_id, const SaveRequest& request, int expected_revision) override;
    void set_status(std::int64_t story_id, core::WorkflowState status, const AuditEntry& audit) override;
    std::int64_t add_comment(const Comment& comment, const AuditEntry& audit) override;
    std::vector<Comment> comments(std::int64_t story_id) override;
    std::int64_t add_selection(const Selection& selection, const AuditEntry& audit) override;
    std::vector<Selection> selections(std::string_view report, std::int64_t story_id) override;
    void move_story(std::int64_t story_id,
                    core::WorkflowState from,
                    core::WorkflowState to,
                    const AuditEntry& audit) override;
    void set_tags(std::int64_t story_id, const std::vector<std::string>& tags, const AuditEntry& audit) override;
    std::optional<StorySummary> find_story(std::int64_t story_id) override;
    core::Revision revision(std::int64_t story_id, int number = 0) override;
    std::vector<core::RevisionInfo> history(std::int64_t story_id) override;
    std::vector<StorySummary> list_stories(const ListQuery& query) override;
    SearchResult search(const SearchQuery& query) override;
    std::int64_t story_count() override;
    void put_attachment(const StoredAttachment& attachment) override;
    std::optional<StoredAttachment> find_attachment(std::string_view sha256) override;
    Organisation ensure_organisation(std::string_view name, std::string_view kind) override;
    std::vector<Organisation> organisations() override;

    // Organisations and accounts: sqlite_accounts.cpp
    std::optional<Organisation> find_organisation(std::string_view name) override;
    std::optional<Organisation> find_organisation_by_id(std::int64_t id) override;
    Organisation save_organisation(const OrganisationChange& change, const AuditEntry& audit) override;
    std::vector<PartnerLink> partner_links() override;
    std::int64_t create_user(const NewUser& user, const AuditEntry& audit) override;
    std::optional<User> find_user(std::int64_t user_id) override;
    std::optional<User> find_user_by_email(std::string_view email) override;
    std::vector<User> users(std::int64_t organisation_id = 0) override;
    void set_password_hash(std::int64_t user_id, std::string_view password_hash, const AuditEntry& audit) override;
    bool disable_user(std::int64_t user_id, std::string_view at, const AuditEntry& audit) override;
    void set_membership(std::int64_t user_id, const NewMembership& membership, const AuditEntry& audit) override;
    std::int64_t create_invitation(const InvitationRecord& invitation, const AuditEntry& audit) override;
    std::optional<InvitationRecord> find_open_invitation(std::string_view sha256, std::string_view now) override;
    std::int64_t accept_invitation(std::string_view sha256, const NewUser& user, const AuditEntry& audit) override;
    std::vector<InvitationRecord> open_invitations(std::string_view now) override;
    bool expire_invitation(std::int64_t invitation_id, std::string_view at, const AuditEntry& audit) override;

    // Sessions, API tokens and failed logins: sqlite_credentials.cpp
    void create_session(const SessionRecord& session, const AuditEntry& audit) override;
    std::optional<SessionRecord> find_active_session(std::string_view id_sha256, std::string_view now) override;
    void touch_session(std::string_view id_sha256, std::string_view now) override;
    bool revoke_session(std::string_view id_sha256, std::string_view at, const AuditEntry& audit) override;
    int revoke_sessions_of(std::int64_t user_id, std::string_view at, const AuditEntry& audit) override;
    int delete_ended_sessions(std::string_view now) override;
    std::int64_t create_api_token(const ApiTokenRecord& token, const AuditEntry& audit) override;
    std::optional<ApiTokenRecord> find_active_api_token(std::string_view sha256) override;
    std::optional<ApiTokenRecord> find_api_token(std::int64_t token_id) override;
    std::vector<ApiTokenRecord> api_tokens(std::int64_t user_id = 0) override;
    void touch_api_token(std::int64_t token_id, std::string_view now) override;
    bool revoke_api_token(std::int64_t token_id, std::string_view at, const AuditEntry& audit) override;
    std::vector<LoginFailureRecord> login_failures(const std::vector<std::string>& keys) override;
    std::vector<LoginFailureRecord> record_login_failure(const std::vector<std::string>& keys,
                                                         std::string_view now,
                                                         std::string_view window_start,
                                                         const AuditEntry& audit) override;
    void lock_login(std::string_view key, std::string_view until) override;
    void clear_login_failures(std::string_view key) override;

    // Webhook subscriptions and their outbox: sqlite_webhooks.cpp
    std::int64_t create_webhook(const WebhookSubscription& subscription, const AuditEntry& audit) override;
    std::optional<WebhookSubscription> find_webhook(std::int64_t webhook_id) override;
    std::vector<WebhookSubscription> webhooks() override;
    bool disable_webhook(std::int64_t webhook_id, std::string_view at, const AuditEntry& audit) override;
    int enqueue_webhook_event(std::string_view event_type,
                              std::string_view event_id,
                              std::string_view payload,
                              std::string_view now) override;
    std::vector<WebhookDelivery> due_webhook_deliveries(std::string_view now, int limit) override;
    std::optional<std::string> next_webhook_attempt_at() override;
    void record_webhook_attempt(const DeliveryAttempt& attempt) override;
    std::vector<WebhookDelivery> webhook_deliveries(const DeliveryQuery& query) override;

    // The audit log: sqlite_audit.cpp
    std::int64_t append_audit(const AuditEntry& entry) override;
    std::vector<AuditEntry> audit_entries(const AuditQuery& query) override;

    /// The highest schema migration applied to the file (the latest this binary knows, once open).
    int schema_version();

    /// The database file, `<data_dir>/storybank.sqlite3`.
    const std::filesystem::path& database_file() const;

private:
    SqliteStore(std::unique_ptr<detail::Database> database, NowFunction now);

    // Helpers below expect m_mutex to be held; those that write expect an open transaction.
    int applied_schema_version();
    void migrate();
    std::int64_t insert_story(const SaveRequest& request, const std::string& now);
    void write_revision(std::int64_t story_id, int number, const SaveRequest& request, const std::string& now);
    Organisation ensure_organisation_locked(std::string_view name, std::string_view kind);
    void insert_attachment(const StoredAttachment& attachment);
    std::int64_t organisation_id_for(std::string_view name, std::string_view kind);
    int current_revision_of(std::int64_t story_id);
    std::optional<StorySummary> find_story_locked(std::int64_t story_id);
    /// Counts of each facet's values among the stories whose ids `matching_ids` (SQL) selects; `bind` binds its
    /// parameters from 1.
    std::vector<FacetCount> facet_counts(const SearchQuery& query,
                                         const std::string& matching_ids,
                                         const std::function<void(detail::Statement&)>& bind);
    /// Appends `entry`, with `created_id` as its target id when the entry has none; returns the entry's id.
    std::int64_t insert_audit(const AuditEntry& entry, std::string_view created_id = {});
    std::int64_t insert_user(const NewUser& user);
    /// By id, or by e-mail address when `email` is not empty.
    std::optional<User> find_user_locked(std::int64_t user_id, std::string_view email);
    void load_memberships(User& user);
    void require_organisation(std::int64_t organisation_id);
    void require_user(std::int64_t user_id);
    /// Gives the user this role in the organisation (which must exist), replacing the one they had there.
    void upsert_membership(std::int64_t user_id, const NewMembership& membership);

private:  // data
    std::mutex m_mutex;
    std::unique_ptr<detail::Database> m_database;
    NowFunction m_now;
};

}  // namespace storybank::store::sqlite
