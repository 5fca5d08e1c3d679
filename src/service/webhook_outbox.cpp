#include "service/webhook_outbox.hpp"

#include "core/error.hpp"
#include "service/webhook_payload.hpp"

#include <iostream>

namespace storybank::service {

void WebhookOutbox::story_changed(const StoryEvent& event) {
    std::string event_id = new_event_id();
    try {
        int added = m_store.enqueue_webhook_event(story_event_name(event.type), event_id,
                                                  webhook_payload(event, event_id), m_clock.now_iso8601());
        WebhookDispatcher* dispatcher = m_dispatcher.load();
        if (added > 0 && dispatcher != nullptr) {
            dispatcher->wake();
        }
    } catch (const Error& error) {
        std::cerr << "storybank: webhooks: event " << event_id << " of story " << event.story_id
                  << " not queued: " << error.what() << '\n';
    }
}

}  // namespace storybank::service
