#include "service/audit_log.hpp"

#include <nlohmann/json.hpp>

namespace storybank::service {

store::AuditEntry AuditLog::entry(const Actor& actor,
                                  std::string_view action,
                                  std::string_view target_type,
                                  std::string target_id,
                                  const AuditDetail& detail) const {
    store::AuditEntry entry;
    entry.at = m_clock.now_iso8601();
    entry.actor_user_id = actor.user_id;
    entry.actor = actor.name;
    entry.address = actor.address;
    entry.action = action;
    entry.target_type = target_type;
    entry.target_id = std::move(target_id);
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const auto& [name, value] : detail) {
        object[name] = value;
    }
    // Invalid UTF-8 from a file name must not make the audit entry (and with it the action) fail.
    entry.detail = object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return entry;
}

std::int64_t AuditLog::record(const Actor& actor,
                              std::string_view action,
                              std::string_view target_type,
                              std::string target_id,
                              const AuditDetail& detail) {
    return m_store.append_audit(entry(actor, action, target_type, std::move(target_id), detail));
}

std::vector<store::AuditEntry> AuditLog::recent(const store::AuditQuery& query) {
    return m_store.audit_entries(query);
}

}  // namespace storybank::service
