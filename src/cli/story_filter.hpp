#pragma once

#include "cli/commands.hpp"
#include "store/store.hpp"

namespace storybank::cli {

/// The filter flags as a store filter. Throws Error(InvalidRequest) naming --status when it is not a state.
store::StoryFilter to_story_filter(const FilterArguments& arguments);

}  // namespace storybank::cli
