#include "core/workflow.hpp"

#include <gtest/gtest.h>

namespace storybank::core {
namespace {

TEST(Workflow, NamesRoundTrip) {
    for (auto state : {WorkflowState::Draft, WorkflowState::Submitted, WorkflowState::ChangesRequested,
                       WorkflowState::Approved, WorkflowState::Published, WorkflowState::Archived}) {
        EXPECT_EQ(parse_workflow_state(workflow_state_name(state)), state);
    }
    EXPECT_FALSE(parse_workflow_state("deleted").has_value());
}

TEST(Workflow, FollowsTheReviewPath) {
    using enum WorkflowState;
    EXPECT_TRUE(is_allowed_transition(Draft, Submitted));
    EXPECT_TRUE(is_allowed_transition(Submitted, ChangesRequested));
    EXPECT_TRUE(is_allowed_transition(ChangesRequested, Draft));
    EXPECT_TRUE(is_allowed_transition(Submitted, Approved));
    EXPECT_TRUE(is_allowed_transition(Approved, Published));
    EXPECT_TRUE(is_allowed_transition(Published, Archived));
    EXPECT_FALSE(is_allowed_transition(Draft, Published));
    EXPECT_FALSE(is_allowed_transition(Draft, Approved));
    EXPECT_FALSE(is_allowed_transition(Archived, Archived));
}

}  // namespace
}  // namespace storybank::core
