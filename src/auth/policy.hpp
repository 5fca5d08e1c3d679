#pragma once

#include "auth/role.hpp"
#include "core/workflow.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace storybank::auth {

/// One of a person's roles, with what the policy needs to know about the organisation it is held in.
struct Membership {
    std::int64_t organisation_id = 0;
    Role role = Role::Viewer;
    /// For a member (or the lead): the partner organisations it works with, whose stories its reviewers see.
    std::vector<std::int64_t> partner_ids;
};

/// Who asks. Without memberships: an anonymous reader, or an account that holds no role (which may do no more).
struct Subject {
    std::vector<Membership> memberships;
};

/// What the policy needs to know about a story.
struct StoryFacts {
    std::int64_t partner_id = 0;  ///< its partner NGO; 0 when unknown
    std::int64_t member_id = 0;   ///< its consortium member; 0 when unknown
    core::WorkflowState status = core::WorkflowState::Draft;
};

/// Everything one can do to a story. Names as in docs/authorization.md.
enum class StoryAction : std::uint8_t {
    See,              ///< "see": read it; a published story with personal data removed unless see-personal-data
    SeePersonalData,  ///< "see-personal-data": read it as written, contact details included
    Edit,             ///< "edit": save a new revision (and take a story sent back for changes into draft)
    Submit,           ///< "submit": send it for review
    Review,           ///< "review": ask for changes
    Approve,          ///< "approve"
    Publish,          ///< "publish": publish an approved story, or withdraw a published one
    Archive,          ///< "archive": archive a story, or bring an archived one back as a draft
};

std::string_view story_action_name(StoryAction action);
std::optional<StoryAction> parse_story_action(std::string_view name);
std::span<const StoryAction> all_story_actions();

/// How a membership's organisation stands to a story: which rows of docs/authorization.md apply.
enum class StoryRelation : std::uint8_t {
    Own,        ///< "own": the story's partner or member is the organisation
    WorksWith,  ///< "works-with": the story's partner is one the organisation works with
    Other,      ///< "other": neither
};

std::string_view story_relation_name(StoryRelation relation);
StoryRelation relation_of(const Membership& membership, const StoryFacts& story);

/// The matrix of docs/authorization.md, one cell at a time: whether a role, related to the story in this way,
/// may do `action` while the story is in `status`.
bool role_may(Role role, StoryRelation relation, StoryAction action, core::WorkflowState status);
/// The row "anonymous": what anyone may do without an account (see published stories, personal data removed).
bool anonymous_may(StoryAction action, core::WorkflowState status);

/// Whether `subject` may do `action` to `story`: what anyone may do, plus what any of their memberships allows.
bool may(const Subject& subject, StoryAction action, const StoryFacts& story);

/// The action a workflow move takes, or nullopt when the workflow does not allow the move at all.
std::optional<StoryAction> action_for_move(core::WorkflowState from, core::WorkflowState to);

/// Whether `subject` may move `story` to `to`: the workflow allows it and so do their rights.
bool may_move(const Subject& subject, const StoryFacts& story, core::WorkflowState to);

}  // namespace storybank::auth
