// The JSON body of a webhook delivery. nlohmann/json writes it (see src/service/README.md: hand-made JSON
// escaping is a classic source of injection bugs, and a transition's reason is free text).
#include "service/webhook_payload.hpp"

#include "auth/secret_token.hpp"
#include "service/iso_time.hpp"

#include <nlohmann/json.hpp>

namespace storybank::service {

std::string webhook_payload(const StoryEvent& event, std::string_view event_id) {
    nlohmann::json body = {
        {"id", event_id},
        {"type", story_event_name(event.type)},
        {"occurred_at", format_iso8601(event.occurred_at)},
        {"story",
         {{"id", event.story_id}, {"revision", event.revision}, {"status", core::workflow_state_name(event.status)}}},
    };
    if (event.type == StoryEventType::Transitioned) {
        body["transition"] = {{"from", core::workflow_state_name(event.from)},
                              {"to", core::workflow_state_name(event.status)},
                              {"reason", event.reason}};
    }
    if (event.actor.user_id != 0) {
        body["actor"] = {{"type", "user"}, {"id", event.actor.user_id}};
    } else {
        body["actor"] = {{"type", "system"}, {"name", event.actor.name}};
    }
    return body.dump();
}

std::string new_event_id() {
    return "evt_" + auth::SecretToken::generate().text().substr(0, 22);
}

}  // namespace storybank::service
