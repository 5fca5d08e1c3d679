#pragma once

#include "core/story.hpp"

#include <cstdint>
#include <string>

namespace storybank::core {

/// Who saved a revision, when and why. Every save of a story makes a new revision; none is overwritten.
struct RevisionInfo {
    std::int64_t story_id = 0;
    int number = 0;          ///< 1 for the first save, then 2, 3, …
    std::string created_at;  ///< ISO 8601 UTC, "2026-11-29T10:00:00Z"
    std::string author;      ///< user name, or "import" / "cli"
    std::string note;        ///< why: "imported from rapport.txt", a reviewer's reason, …
};

struct Revision {
    RevisionInfo info;
    Story story;
};

}  // namespace storybank::core
