#include "service/story_events.hpp"

namespace storybank::service {

std::string_view story_event_name(StoryEventType type) {
    switch (type) {
        case StoryEventType::Created:
            return "story.created";
        case StoryEventType::Updated:
            return "story.updated";
        case StoryEventType::Transitioned:
            return "story.transitioned";
    }
    return "story.updated";
}

NoStoryEvents& NoStoryEvents::instance() {
    static NoStoryEvents none;
    return none;
}

}  // namespace storybank::service
