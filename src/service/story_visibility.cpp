#include "service/story_visibility.hpp"

#include <algorithm>
#include <array>

namespace storybank::service {
namespace {

constexpr std::array kAllStates = {
    core::WorkflowState::Draft,    core::WorkflowState::Submitted, core::WorkflowState::ChangesRequested,
    core::WorkflowState::Approved, core::WorkflowState::Published, core::WorkflowState::Archived};

template <typename Allowed>
std::vector<core::WorkflowState> states_where(std::span<const core::WorkflowState> states, Allowed allowed) {
    std::vector<core::WorkflowState> out;
    std::copy_if(states.begin(), states.end(), std::back_inserter(out), allowed);
    return out;
}

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return id != 0 && std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

std::vector<store::VisibilityGrant> grants_for(const auth::Subject& subject,
                                               auth::StoryAction action,
                                               std::span<const core::WorkflowState> states) {
    std::vector<store::VisibilityGrant> grants;
    auto add = [&](store::VisibilityGrant grant) {
        if (!grant.states.empty() &&
            (grant.any_organisation || !grant.partner_ids.empty() || !grant.member_ids.empty()) &&
            std::find(grants.begin(), grants.end(), grant) == grants.end()) {
            grants.push_back(std::move(grant));
        }
    };
    store::VisibilityGrant anyone;
    anyone.any_organisation = true;
    anyone.states = states_where(states, [&](auto state) { return auth::anonymous_may(action, state); });
    add(anyone);
    // Relations are tried from the widest to the narrowest: the policy gives a closer organisation at least what
    // a farther one gets (checked for every role, relation and state by story_visibility_test), so the union of
    // the grants is exactly what auth::may() allows story by story.
    for (const auto& membership : subject.memberships) {
        auto states_for = [&](auth::StoryRelation relation) {
            return states_where(states,
                                [&](auto state) { return auth::role_may(membership.role, relation, action, state); });
        };
        store::VisibilityGrant other;
        other.any_organisation = true;
        other.states = states_for(auth::StoryRelation::Other);
        add(other);
        store::VisibilityGrant works_with;
        works_with.partner_ids = membership.partner_ids;
        works_with.states = states_for(auth::StoryRelation::WorksWith);
        add(works_with);
        store::VisibilityGrant own;
        own.partner_ids = {membership.organisation_id};
        own.member_ids = {membership.organisation_id};
        own.states = states_for(auth::StoryRelation::Own);
        add(own);
    }
    return grants;
}

std::optional<std::vector<store::VisibilityGrant>> visibility_of(const auth::Subject& subject) {
    auto grants = grants_for(subject, auth::StoryAction::See, kAllStates);
    bool everything = std::any_of(grants.begin(), grants.end(), [](const auto& grant) {
        return grant.any_organisation && grant.states.size() == kAllStates.size();
    });
    if (everything) {
        return std::nullopt;
    }
    return grants;
}

std::vector<store::VisibilityGrant> waiting_for(const auth::Subject& subject) {
    using core::WorkflowState;
    constexpr std::array kToSubmit = {WorkflowState::Draft, WorkflowState::ChangesRequested};
    constexpr std::array kToReview = {WorkflowState::Submitted};
    constexpr std::array kToPublish = {WorkflowState::Approved};
    // Writing and reviewing wait for the organisations involved; a coordinator, who may do both anywhere, is
    // waited for only to publish (otherwise every draft of the consortium would be on their list).
    std::vector<store::VisibilityGrant> grants;
    for (auto& grant : grants_for(subject, auth::StoryAction::Submit, kToSubmit)) {
        if (!grant.any_organisation) {
            grants.push_back(std::move(grant));
        }
    }
    for (auto& grant : grants_for(subject, auth::StoryAction::Approve, kToReview)) {
        if (!grant.any_organisation) {
            grants.push_back(std::move(grant));
        }
    }
    for (auto& grant : grants_for(subject, auth::StoryAction::Publish, kToPublish)) {
        grants.push_back(std::move(grant));
    }
    return grants;
}

bool grant_allows(const store::VisibilityGrant& grant, const auth::StoryFacts& story) {
    if (std::find(grant.states.begin(), grant.states.end(), story.status) == grant.states.end()) {
        return false;
    }
    return grant.any_organisation || contains(grant.partner_ids, story.partner_id) ||
           contains(grant.member_ids, story.member_id);
}

}  // namespace storybank::service
