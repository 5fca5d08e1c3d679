#pragma once

#include "core/workflow.hpp"
#include "service/actor.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace storybank::service {

enum class StoryEventType : std::uint8_t {
    Created,       ///< a new story (written or imported), revision 1
    Updated,       ///< a new revision of a story
    Transitioned,  ///< a move along the workflow
};

/// "story.created", "story.updated", "story.transitioned": the names receivers subscribe to.
std::string_view story_event_name(StoryEventType type);

/// Something that happened to a story, told after it was stored. Carries no text of the story and no personal
/// data: only what identifies the change.
struct StoryEvent {
    StoryEventType type = StoryEventType::Created;
    std::int64_t story_id = 0;
    int revision = 0;                                         ///< the story's revision after the change
    core::WorkflowState status = core::WorkflowState::Draft;  ///< after the change
    core::WorkflowState from = core::WorkflowState::Draft;    ///< for Transitioned
    std::string reason;                                       ///< for Transitioned: why, when given
    Actor actor;                                              ///< who
    std::chrono::system_clock::time_point occurred_at;
};

/// Told by StoryService about each change once its transaction has committed. A listener must not throw for a
/// failure of its own (the change is stored already): it logs and carries on.
class StoryEvents {
public:
    virtual ~StoryEvents() = default;
    virtual void story_changed(const StoryEvent& event) = 0;
};

/// The listener of a StoryService nobody listens to.
class NoStoryEvents final : public StoryEvents {
public:
    void story_changed(const StoryEvent&) override {}
    /// One shared instance (it holds nothing).
    static NoStoryEvents& instance();
};

}  // namespace storybank::service
