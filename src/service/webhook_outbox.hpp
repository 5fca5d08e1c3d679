#pragma once

#include "service/clock.hpp"
#include "service/story_events.hpp"
#include "service/webhook_dispatcher.hpp"
#include "store/store.hpp"

#include <atomic>

namespace storybank::service {

/// Turns story events into deliveries in the store's outbox, one per subscription to the event, then wakes the
/// dispatcher when one runs in this process. Every command that changes stories writes to the outbox, so an
/// import from the command line is delivered by the server that runs beside it.
class WebhookOutbox final : public StoryEvents {
public:
    WebhookOutbox(store::Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

    /// The dispatcher to wake after each event (nullptr: none in this process). Set before events can happen and
    /// cleared before the dispatcher goes away.
    void set_dispatcher(WebhookDispatcher* dispatcher) { m_dispatcher.store(dispatcher); }

    /// Stores the event's deliveries. A failure to do so is reported on stderr, not thrown: the story change
    /// itself is stored already and its caller must hear that it succeeded.
    void story_changed(const StoryEvent& event) override;

private:  // data
    store::Store& m_store;
    const Clock& m_clock;
    std::atomic<WebhookDispatcher*> m_dispatcher = nullptr;
};

}  // namespace storybank::service
