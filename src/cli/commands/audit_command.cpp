#include "cli/commands.hpp"
#include "cli/composition.hpp"
#include "service/audit_log.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace storybank::cli {

int run_audit(const GlobalOptions& options, const AuditArguments& arguments) {
    auto application = make_application(options, NeedsStore::Yes);
    service::AuditLog log(*application->store, application->clock);
    auto entries = log.recent(storybank::store::AuditQuery::newest(arguments.limit));
    if (arguments.json) {
        nlohmann::ordered_json array = nlohmann::ordered_json::array();
        for (const auto& entry : entries) {
            nlohmann::ordered_json detail = nlohmann::ordered_json::parse(entry.detail, nullptr, false);
            array.push_back({{"id", entry.id},
                             {"at", entry.at},
                             {"actor_user_id", entry.actor_user_id},
                             {"actor", entry.actor},
                             {"address", entry.address},
                             {"action", entry.action},
                             {"target_type", entry.target_type},
                             {"target_id", entry.target_id},
                             {"detail", detail.is_discarded() ? nlohmann::ordered_json(entry.detail) : detail}});
        }
        std::cout << array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
        return 0;
    }
    for (const auto& entry : entries) {
        std::string target = entry.target_type.empty() ? "-" : entry.target_type + ":" + entry.target_id;
        std::cout << entry.id << '\t' << entry.at << '\t' << entry.actor << '\t'
                  << (entry.address.empty() ? "-" : entry.address) << '\t' << entry.action << '\t' << target << '\t'
                  << entry.detail << '\n';
    }
    return 0;
}

}  // namespace storybank::cli
