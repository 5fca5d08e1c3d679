#pragma once

#include "service/actor.hpp"
#include "service/clock.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storybank::service {

/// What else an audit entry says, as name → text; stored as a JSON object. Never a password or a token.
using AuditDetail = std::vector<std::pair<std::string, std::string>>;

/// The actions written to the audit log (store::AuditEntry::action), "<target>.<verb>".
namespace audit_action {
inline constexpr std::string_view kOrganisationSave = "organisation.save";
inline constexpr std::string_view kUserCreate = "user.create";
inline constexpr std::string_view kUserDisable = "user.disable";
inline constexpr std::string_view kUserRoleSet = "user.role-set";
inline constexpr std::string_view kUserPasswordRehash = "user.password-rehash";
inline constexpr std::string_view kSessionLogin = "session.login";
inline constexpr std::string_view kSessionLoginFailed = "session.login-failed";
inline constexpr std::string_view kSessionLogout = "session.logout";
inline constexpr std::string_view kSessionExpire = "session.expire";
inline constexpr std::string_view kSessionRevokeAll = "session.revoke-all";
inline constexpr std::string_view kApiTokenCreate = "api_token.create";
inline constexpr std::string_view kApiTokenRevoke = "api_token.revoke";
inline constexpr std::string_view kInvitationCreate = "invitation.create";
inline constexpr std::string_view kInvitationAccept = "invitation.accept";
inline constexpr std::string_view kInvitationRevoke = "invitation.revoke";
inline constexpr std::string_view kStoryImport = "story.import";
inline constexpr std::string_view kStoryCreate = "story.create";
inline constexpr std::string_view kStoryUpdate = "story.update";
inline constexpr std::string_view kStoryTransition = "story.transition";
inline constexpr std::string_view kStoryTags = "story.tags";
inline constexpr std::string_view kCommentCreate = "comment.create";
inline constexpr std::string_view kSelectionCreate = "selection.create";
inline constexpr std::string_view kWebhookCreate = "webhook.create";
inline constexpr std::string_view kWebhookDisable = "webhook.disable";
}  // namespace audit_action

/// Makes the audit entries of every write, stamped with the service's clock. The store writes an entry in the
/// same transaction as the change it describes (pass entry() to the store method); record() is for what the
/// store does not carry out itself.
class AuditLog {
public:
    AuditLog(store::Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

    /// An entry for `actor` doing `action` to a target; `target_id` empty means "the row the action creates".
    store::AuditEntry entry(const Actor& actor,
                            std::string_view action,
                            std::string_view target_type,
                            std::string target_id = {},
                            const AuditDetail& detail = {}) const;

    /// Writes an entry on its own; returns its id.
    std::int64_t record(const Actor& actor,
                        std::string_view action,
                        std::string_view target_type,
                        std::string target_id = {},
                        const AuditDetail& detail = {});

    /// The latest entries, newest first.
    std::vector<store::AuditEntry> recent(const store::AuditQuery& query);

private:  // data
    store::Store& m_store;
    const Clock& m_clock;
};

}  // namespace storybank::service
