#pragma once

#include "render/story_layout.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace storybank::service {

/// Which stories a booklet or a data export takes: the given ids in their order; otherwise the stories matching
/// the full-text query (best first) or, without a query, every story matching the filter (by id).
struct StorySelection {
    std::vector<std::int64_t> ids;
    std::string query;
    store::StoryFilter filter;
};

/// The ids of the selected stories. Throws Error(NotFound) naming an id that does not exist, and
/// Error(InvalidRequest) for a query that cannot be understood.
std::vector<std::int64_t> select_stories(store::Store& store, const StorySelection& selection);

/// The store's processed photos, for writers that embed them.
render::PhotoBytes stored_photos(store::Store& store);

}  // namespace storybank::service
