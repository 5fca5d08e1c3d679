// The grants that lists and search apply must let through exactly the stories auth::may() allows one by one,
// for every role, relation, action and state: otherwise a list would show what the story's page refuses.
#include "service/story_visibility.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>

namespace {

using namespace storybank;
using core::WorkflowState;

constexpr std::array kStates = {WorkflowState::Draft,    WorkflowState::Submitted, WorkflowState::ChangesRequested,
                                WorkflowState::Approved, WorkflowState::Published, WorkflowState::Archived};
constexpr std::int64_t kOwn = 10;
constexpr std::int64_t kPartner = 20;  // a partner kOwn works with
constexpr std::int64_t kStranger = 30;
constexpr std::int64_t kSecondOrg = 40;

bool granted(const std::vector<store::VisibilityGrant>& grants, const auth::StoryFacts& story) {
    return std::any_of(grants.begin(), grants.end(),
                       [&](const auto& grant) { return service::grant_allows(grant, story); });
}

std::vector<auth::Subject> subjects() {
    std::vector<auth::Subject> out;
    out.push_back({});  // anonymous
    for (auth::Role role :
         {auth::Role::Contributor, auth::Role::Reviewer, auth::Role::Coordinator, auth::Role::Viewer}) {
        out.push_back({{{kOwn, role, {kPartner}}}});
        out.push_back({{{kOwn, role, {}}}});
        // Two memberships: what either allows.
        out.push_back({{{kOwn, role, {kPartner}}, {kSecondOrg, auth::Role::Contributor, {}}}});
    }
    return out;
}

std::vector<auth::StoryFacts> stories() {
    std::vector<auth::StoryFacts> out;
    for (std::int64_t partner : {std::int64_t{0}, kOwn, kPartner, kStranger, kSecondOrg}) {
        for (std::int64_t member : {std::int64_t{0}, kOwn, kStranger, kSecondOrg}) {
            for (auto state : kStates) {
                out.push_back({partner, member, state});
            }
        }
    }
    return out;
}

TEST(StoryVisibility, GrantsAllowExactlyWhatThePolicyAllowsForEveryAction) {
    int checked = 0;
    for (const auto& subject : subjects()) {
        for (auth::StoryAction action : auth::all_story_actions()) {
            auto grants = service::grants_for(subject, action, kStates);
            for (const auto& story : stories()) {
                ASSERT_EQ(granted(grants, story), auth::may(subject, action, story))
                    << "action " << auth::story_action_name(action) << ", " << subject.memberships.size()
                    << " memberships, partner " << story.partner_id << ", member " << story.member_id << ", state "
                    << core::workflow_state_name(story.status);
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 10000);
}

TEST(StoryVisibility, CoordinatorsSeeEverythingAndOthersAreRestricted) {
    EXPECT_FALSE(service::visibility_of({{{kOwn, auth::Role::Coordinator, {}}}}).has_value());
    auto anonymous = service::visibility_of({});
    ASSERT_TRUE(anonymous.has_value());
    EXPECT_TRUE(granted(*anonymous, {kStranger, kStranger, WorkflowState::Published}));
    EXPECT_FALSE(granted(*anonymous, {kStranger, kStranger, WorkflowState::Draft}));
}

TEST(StoryVisibility, WaitingListsTheNextStepOfEachRole) {
    auth::Subject contributor{{{kOwn, auth::Role::Contributor, {}}}};
    auto waiting = service::waiting_for(contributor);
    EXPECT_TRUE(granted(waiting, {kOwn, 0, WorkflowState::Draft}));
    EXPECT_TRUE(granted(waiting, {kOwn, 0, WorkflowState::ChangesRequested}));
    EXPECT_FALSE(granted(waiting, {kOwn, 0, WorkflowState::Submitted}));
    EXPECT_FALSE(granted(waiting, {kStranger, 0, WorkflowState::Draft}));

    auth::Subject reviewer{{{kOwn, auth::Role::Reviewer, {kPartner}}}};
    waiting = service::waiting_for(reviewer);
    EXPECT_TRUE(granted(waiting, {kPartner, kOwn, WorkflowState::Submitted}));
    EXPECT_FALSE(granted(waiting, {kPartner, kOwn, WorkflowState::Draft}));
    EXPECT_FALSE(granted(waiting, {kStranger, kStranger, WorkflowState::Submitted}));

    auth::Subject coordinator{{{kOwn, auth::Role::Coordinator, {}}}};
    waiting = service::waiting_for(coordinator);
    EXPECT_TRUE(granted(waiting, {kStranger, kStranger, WorkflowState::Approved}));
    EXPECT_FALSE(granted(waiting, {kStranger, kStranger, WorkflowState::Published}));
    EXPECT_TRUE(service::waiting_for({}).empty());
}

}  // namespace
