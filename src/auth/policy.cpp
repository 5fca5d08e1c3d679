#include "auth/policy.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace storybank::auth {
namespace {

using core::WorkflowState;

constexpr std::array<std::pair<StoryAction, std::string_view>, 8> kActionNames{{
    {StoryAction::See, "see"},
    {StoryAction::SeePersonalData, "see-personal-data"},
    {StoryAction::Edit, "edit"},
    {StoryAction::Submit, "submit"},
    {StoryAction::Review, "review"},
    {StoryAction::Approve, "approve"},
    {StoryAction::Publish, "publish"},
    {StoryAction::Archive, "archive"},
}};

constexpr std::array kActions = {StoryAction::See,     StoryAction::SeePersonalData, StoryAction::Edit,
                                 StoryAction::Submit,  StoryAction::Review,          StoryAction::Approve,
                                 StoryAction::Publish, StoryAction::Archive};

/// A set of workflow states, one bit per state.
using States = std::uint8_t;

constexpr States state_bit(WorkflowState state) {
    return static_cast<States>(1U << static_cast<unsigned>(state));
}

template <typename... Rest>
constexpr States states(Rest... rest) {
    return static_cast<States>((state_bit(rest) | ... | 0U));
}

constexpr States kAllStates = states(WorkflowState::Draft,
                                     WorkflowState::Submitted,
                                     WorkflowState::ChangesRequested,
                                     WorkflowState::Approved,
                                     WorkflowState::Published,
                                     WorkflowState::Archived);
constexpr States kNone = 0;
constexpr States kPublishedOnly = states(WorkflowState::Published);
/// A story being written belongs to its authors; reviewers see it once it has been sent to them.
constexpr States kOnceSubmitted = static_cast<States>(kAllStates & ~state_bit(WorkflowState::Draft));
constexpr States kBeingWritten = states(WorkflowState::Draft, WorkflowState::ChangesRequested);
constexpr States kUnderReview = states(WorkflowState::Submitted, WorkflowState::Approved);
constexpr States kAwaitingApproval = states(WorkflowState::Submitted);
constexpr States kPublishable = states(WorkflowState::Approved, WorkflowState::Published);

/// Anyone, with or without an account: published stories, personal data removed.
States anonymous_states(StoryAction action) {
    return action == StoryAction::See ? kPublishedOnly : kNone;
}

States contributor_states(StoryRelation relation, StoryAction action) {
    if (relation != StoryRelation::Own) {
        return anonymous_states(action);
    }
    switch (action) {
        case StoryAction::See:
        case StoryAction::SeePersonalData:
            return kAllStates;
        case StoryAction::Edit:
        case StoryAction::Submit:
            return kBeingWritten;
        case StoryAction::Review:
        case StoryAction::Approve:
        case StoryAction::Publish:
        case StoryAction::Archive:
            return kNone;
    }
    return kNone;
}

States reviewer_states(StoryRelation relation, StoryAction action) {
    if (relation == StoryRelation::Other) {
        return anonymous_states(action);
    }
    switch (action) {
        case StoryAction::See:
        case StoryAction::SeePersonalData:
            return kOnceSubmitted;
        case StoryAction::Review:
            return kUnderReview;
        case StoryAction::Approve:
            return kAwaitingApproval;
        case StoryAction::Edit:
        case StoryAction::Submit:
        case StoryAction::Publish:
        case StoryAction::Archive:
            return kNone;
    }
    return kNone;
}

States coordinator_states(StoryAction action) {
    switch (action) {
        case StoryAction::See:
        case StoryAction::SeePersonalData:
        case StoryAction::Archive:
            return kAllStates;
        case StoryAction::Edit:
        case StoryAction::Submit:
            return kBeingWritten;
        case StoryAction::Review:
            return kUnderReview;
        case StoryAction::Approve:
            return kAwaitingApproval;
        case StoryAction::Publish:
            return kPublishable;
    }
    return kNone;
}

States allowed_states(Role role, StoryRelation relation, StoryAction action) {
    switch (role) {
        case Role::Contributor:
            return contributor_states(relation, action);
        case Role::Reviewer:
            return reviewer_states(relation, action);
        case Role::Coordinator:
            return coordinator_states(action);
        case Role::Viewer:
            return anonymous_states(action);
    }
    return kNone;
}

bool contains(std::span<const std::int64_t> ids, std::int64_t id) {
    return id != 0 && std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

std::string_view story_action_name(StoryAction action) {
    for (const auto& [candidate, name] : kActionNames) {
        if (candidate == action) {
            return name;
        }
    }
    return "see";
}

std::optional<StoryAction> parse_story_action(std::string_view name) {
    for (const auto& [action, candidate] : kActionNames) {
        if (candidate == name) {
            return action;
        }
    }
    return std::nullopt;
}

std::span<const StoryAction> all_story_actions() {
    return kActions;
}

std::string_view story_relation_name(StoryRelation relation) {
    switch (relation) {
        case StoryRelation::Own:
            return "own";
        case StoryRelation::WorksWith:
            return "works-with";
        case StoryRelation::Other:
            return "other";
    }
    return "other";
}

StoryRelation relation_of(const Membership& membership, const StoryFacts& story) {
    std::int64_t organisation = membership.organisation_id;
    if (organisation != 0 && (story.partner_id == organisation || story.member_id == organisation)) {
        return StoryRelation::Own;
    }
    if (contains(membership.partner_ids, story.partner_id)) {
        return StoryRelation::WorksWith;
    }
    return StoryRelation::Other;
}

bool role_may(Role role, StoryRelation relation, StoryAction action, core::WorkflowState status) {
    return (allowed_states(role, relation, action) & state_bit(status)) != 0;
}

bool anonymous_may(StoryAction action, core::WorkflowState status) {
    return (anonymous_states(action) & state_bit(status)) != 0;
}

bool may(const Subject& subject, StoryAction action, const StoryFacts& story) {
    if (anonymous_may(action, story.status)) {
        return true;
    }
    return std::any_of(subject.memberships.begin(), subject.memberships.end(), [&](const Membership& membership) {
        return role_may(membership.role, relation_of(membership, story), action, story.status);
    });
}

std::optional<StoryAction> action_for_move(core::WorkflowState from, core::WorkflowState to) {
    if (!core::is_allowed_transition(from, to)) {
        return std::nullopt;
    }
    if (to == WorkflowState::Archived || from == WorkflowState::Archived) {
        return StoryAction::Archive;
    }
    switch (to) {
        case WorkflowState::Draft:
            return StoryAction::Edit;
        case WorkflowState::Submitted:
            return StoryAction::Submit;
        case WorkflowState::ChangesRequested:
            return StoryAction::Review;
        case WorkflowState::Approved:
            return from == WorkflowState::Published ? StoryAction::Publish : StoryAction::Approve;
        case WorkflowState::Published:
            return StoryAction::Publish;
        case WorkflowState::Archived:
            return StoryAction::Archive;
    }
    return std::nullopt;
}

bool may_move(const Subject& subject, const StoryFacts& story, core::WorkflowState to) {
    std::optional<StoryAction> action = action_for_move(story.status, to);
    return action.has_value() && may(subject, *action, story);
}

}  // namespace storybank::auth
