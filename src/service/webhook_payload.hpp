#pragma once

#include "service/story_events.hpp"

#include <string>
#include <string_view>

namespace storybank::service {

/// The JSON body a receiver gets for an event: {"id", "type", "occurred_at", "story": {"id", "revision",
/// "status"}, "transition": {"from", "to", "reason"} (transitions only), "actor": {"type": "user", "id"} or
/// {"type": "system", "name"}}. Never the story's text or anyone's contact details, not even the actor's e-mail
/// address: receivers fetch the story with their own credentials, which the access rules then apply to.
std::string webhook_payload(const StoryEvent& event, std::string_view event_id);

/// A new event id: "evt_" and 22 random base64url characters.
std::string new_event_id();

}  // namespace storybank::service
