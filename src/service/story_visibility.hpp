#pragma once

#include "auth/policy.hpp"
#include "core/workflow.hpp"
#include "store/store.hpp"

#include <optional>
#include <span>
#include <vector>

namespace storybank::service {

/// The grants under which `subject` may do `action` to stories in one of `states`: the access policy
/// (auth::may) turned into conditions a store can apply to a whole list at once, so lists and search never
/// show a story that the story's own page would refuse.
std::vector<store::VisibilityGrant> grants_for(const auth::Subject& subject,
                                               auth::StoryAction action,
                                               std::span<const core::WorkflowState> states);

/// The stories `subject` may see, for StoryFilter::visible_to; nullopt when they may see every story.
std::optional<std::vector<store::VisibilityGrant>> visibility_of(const auth::Subject& subject);

/// The stories waiting for `subject` to act: drafts and stories sent back to submit, submitted stories to
/// review, approved stories to publish.
std::vector<store::VisibilityGrant> waiting_for(const auth::Subject& subject);

/// Whether a grant lets a story through (what a store's condition does, for tests and single stories).
bool grant_allows(const store::VisibilityGrant& grant, const auth::StoryFacts& story);

}  // namespace storybank::service
