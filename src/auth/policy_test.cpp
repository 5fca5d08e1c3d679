// Checks auth::may() against the matrix in docs/authorization.md, row by row and cell by cell, and that the
// matrix covers every role, relation and action exactly once.
#include "auth/policy.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace storybank::auth {
namespace {

using core::WorkflowState;

constexpr std::int64_t kPartner = 10;      // the story's partner NGO
constexpr std::int64_t kMember = 20;       // the story's consortium member
constexpr std::int64_t kOtherMember = 21;  // a member the story has nothing to do with, working with kPartner
constexpr std::int64_t kStranger = 30;     // an organisation unrelated to the story

struct Row {
    int line = 0;
    std::string who;
    std::string relation;
    std::string action;
    std::vector<std::pair<WorkflowState, bool>> cells;
};

std::string trim(std::string text) {
    auto first = text.find_first_not_of(' ');
    auto last = text.find_last_not_of(' ');
    return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

std::vector<std::string> cells_of(const std::string& line) {
    std::vector<std::string> cells;
    std::stringstream stream(line.substr(1));
    std::string cell;
    while (std::getline(stream, cell, '|')) {
        cells.push_back(trim(cell));
    }
    if (!cells.empty() && cells.back().empty()) {
        cells.pop_back();
    }
    return cells;
}

/// The rows of the table whose header starts with "| who |".
std::vector<Row> matrix_rows() {
    const char* root = std::getenv("STORYBANK_SOURCE_DIR");
    std::filesystem::path path = std::filesystem::path(root != nullptr ? root : ".") / "docs/authorization.md";
    std::ifstream in(path);
    EXPECT_TRUE(in) << "cannot read " << path;
    std::vector<Row> rows;
    std::vector<WorkflowState> states;
    std::string line;
    int number = 0;
    bool in_table = false;
    while (std::getline(in, line)) {
        ++number;
        if (line.starts_with("| who |")) {
            in_table = true;
            auto header = cells_of(line);
            for (std::size_t i = 3; i < header.size(); ++i) {
                auto state = core::parse_workflow_state(header[i]);
                EXPECT_TRUE(state) << "line " << number << ": unknown state '" << header[i] << "'";
                states.push_back(state.value_or(WorkflowState::Draft));
            }
            continue;
        }
        if (!in_table || line.starts_with("|---")) {
            continue;
        }
        if (!line.starts_with("|")) {
            in_table = false;
            continue;
        }
        auto cells = cells_of(line);
        EXPECT_EQ(cells.size(), 3 + states.size()) << "line " << number;
        Row row{number, cells.at(0), cells.at(1), cells.at(2), {}};
        for (std::size_t i = 0; i < states.size() && 3 + i < cells.size(); ++i) {
            EXPECT_TRUE(cells[3 + i] == "yes" || cells[3 + i] == "no") << "line " << number << ": " << cells[3 + i];
            row.cells.emplace_back(states[i], cells[3 + i] == "yes");
        }
        rows.push_back(row);
    }
    EXPECT_EQ(states.size(), 6u) << "the matrix needs a column for each workflow state";
    return rows;
}

/// A subject holding `role` in an organisation standing to the story as `relation`, and the story.
std::pair<Subject, StoryFacts> situation(Role role, StoryRelation relation, WorkflowState status) {
    StoryFacts story{kPartner, kMember, status};
    Membership membership{kStranger, role, {}};
    switch (relation) {
        case StoryRelation::Own:
            membership.organisation_id = role == Role::Contributor ? kPartner : kMember;
            membership.partner_ids = {kPartner};
            break;
        case StoryRelation::WorksWith:
            membership.organisation_id = kOtherMember;
            membership.partner_ids = {kPartner, 11};
            break;
        case StoryRelation::Other:
            membership.partner_ids = {11, 12};
            break;
    }
    EXPECT_EQ(relation_of(membership, story), relation);
    return {Subject{{membership}}, story};
}

std::optional<StoryRelation> parse_relation(std::string_view name) {
    for (auto relation : {StoryRelation::Own, StoryRelation::WorksWith, StoryRelation::Other}) {
        if (story_relation_name(relation) == name) {
            return relation;
        }
    }
    return std::nullopt;
}

TEST(Policy, EveryCellOfTheDocumentedMatrixHolds) {
    auto rows = matrix_rows();
    ASSERT_FALSE(rows.empty());
    for (const auto& row : rows) {
        auto action = parse_story_action(row.action);
        ASSERT_TRUE(action) << "line " << row.line << ": unknown action '" << row.action << "'";
        std::vector<StoryRelation> relations;
        if (row.relation == "any") {
            relations = {StoryRelation::Own, StoryRelation::WorksWith, StoryRelation::Other};
        } else {
            auto relation = parse_relation(row.relation);
            ASSERT_TRUE(relation) << "line " << row.line << ": unknown relation '" << row.relation << "'";
            relations = {*relation};
        }
        for (const auto& [status, allowed] : row.cells) {
            std::string where = "line " + std::to_string(row.line) + " (" + row.who + ", " + row.relation + ", " +
                                row.action + ", " + std::string(core::workflow_state_name(status)) + ")";
            if (row.who == "anonymous") {
                EXPECT_EQ(anonymous_may(*action, status), allowed) << where;
                EXPECT_EQ(may(Subject{}, *action, StoryFacts{kPartner, kMember, status}), allowed) << where;
                continue;
            }
            auto role = parse_role(row.who);
            ASSERT_TRUE(role) << "line " << row.line << ": unknown role '" << row.who << "'";
            for (auto relation : relations) {
                EXPECT_EQ(role_may(*role, relation, *action, status), allowed)
                    << where << " as " << story_relation_name(relation);
                auto [subject, story] = situation(*role, relation, status);
                EXPECT_EQ(may(subject, *action, story), allowed) << where << " as " << story_relation_name(relation);
            }
        }
    }
}

TEST(Policy, TheMatrixCoversEveryRoleRelationAndActionOnce) {
    std::map<std::tuple<std::string, std::string, std::string>, int> seen;
    for (const auto& row : matrix_rows()) {
        ++seen[{row.who, row.relation, row.action}];
    }
    std::set<std::tuple<std::string, std::string, std::string>> expected;
    for (auto action : all_story_actions()) {
        std::string name(story_action_name(action));
        for (auto role : {Role::Contributor, Role::Reviewer}) {
            for (auto relation : {StoryRelation::Own, StoryRelation::WorksWith, StoryRelation::Other}) {
                expected.insert({std::string(role_name(role)), std::string(story_relation_name(relation)), name});
            }
        }
        expected.insert({"coordinator", "any", name});
        expected.insert({"viewer", "any", name});
        expected.insert({"anonymous", "any", name});
    }
    for (const auto& key : expected) {
        EXPECT_EQ(seen[key], 1) << std::get<0>(key) << " / " << std::get<1>(key) << " / " << std::get<2>(key);
    }
    EXPECT_EQ(seen.size(), expected.size()) << "the matrix has rows for unknown roles, relations or actions";
}

TEST(Policy, ActionNamesRoundTrip) {
    for (auto action : all_story_actions()) {
        EXPECT_EQ(parse_story_action(story_action_name(action)), action);
    }
    EXPECT_FALSE(parse_story_action("delete"));
}

TEST(Policy, OneMembershipIsEnoughAmongSeveral) {
    StoryFacts story{kPartner, kMember, WorkflowState::Submitted};
    Subject reader{{{kStranger, Role::Viewer, {}}}};
    EXPECT_FALSE(may(reader, StoryAction::See, story));
    reader.memberships.push_back({kOtherMember, Role::Reviewer, {kPartner}});
    EXPECT_TRUE(may(reader, StoryAction::See, story));
    EXPECT_TRUE(may(reader, StoryAction::Approve, story));
    EXPECT_FALSE(may(reader, StoryAction::Publish, story));
}

TEST(Policy, AReviewerSeesNothingOfPartnersTheirOrganisationDoesNotWorkWith) {
    StoryFacts story{kPartner, kMember, WorkflowState::Submitted};
    Subject reviewer{{{kOtherMember, Role::Reviewer, {11, 12}}}};
    EXPECT_FALSE(may(reviewer, StoryAction::See, story));
    EXPECT_FALSE(may(reviewer, StoryAction::Approve, story));
}

TEST(Policy, StoriesWithoutKnownOrganisationsBelongToNoOne) {
    StoryFacts story{0, 0, WorkflowState::Draft};
    Subject contributor{{{0, Role::Contributor, {0}}}};
    EXPECT_EQ(relation_of(contributor.memberships[0], story), StoryRelation::Other);
    EXPECT_FALSE(may(contributor, StoryAction::Edit, story));
    EXPECT_TRUE(may(Subject{{{1, Role::Coordinator, {}}}}, StoryAction::Edit, story));
}

TEST(Policy, MovesNeedTheWorkflowAndTheRight) {
    struct Case {
        WorkflowState from;
        WorkflowState to;
        std::optional<StoryAction> action;
    };
    const Case kCases[] = {
        {WorkflowState::Draft, WorkflowState::Submitted, StoryAction::Submit},
        {WorkflowState::ChangesRequested, WorkflowState::Submitted, StoryAction::Submit},
        {WorkflowState::ChangesRequested, WorkflowState::Draft, StoryAction::Edit},
        {WorkflowState::Submitted, WorkflowState::ChangesRequested, StoryAction::Review},
        {WorkflowState::Approved, WorkflowState::ChangesRequested, StoryAction::Review},
        {WorkflowState::Submitted, WorkflowState::Approved, StoryAction::Approve},
        {WorkflowState::Approved, WorkflowState::Published, StoryAction::Publish},
        {WorkflowState::Published, WorkflowState::Approved, StoryAction::Publish},
        {WorkflowState::Draft, WorkflowState::Archived, StoryAction::Archive},
        {WorkflowState::Archived, WorkflowState::Draft, StoryAction::Archive},
        {WorkflowState::Draft, WorkflowState::Published, std::nullopt},
        {WorkflowState::Submitted, WorkflowState::Published, std::nullopt},
        {WorkflowState::Archived, WorkflowState::Archived, std::nullopt},
    };
    for (const auto& test_case : kCases) {
        EXPECT_EQ(action_for_move(test_case.from, test_case.to), test_case.action)
            << core::workflow_state_name(test_case.from) << " → " << core::workflow_state_name(test_case.to);
    }

    StoryFacts submitted{kPartner, kMember, WorkflowState::Submitted};
    Subject contributor{{{kPartner, Role::Contributor, {}}}};
    Subject reviewer{{{kMember, Role::Reviewer, {kPartner}}}};
    Subject coordinator{{{1, Role::Coordinator, {}}}};
    EXPECT_FALSE(may_move(contributor, submitted, WorkflowState::Approved));
    EXPECT_TRUE(may_move(reviewer, submitted, WorkflowState::Approved));
    EXPECT_FALSE(may_move(reviewer, submitted, WorkflowState::Published)) << "not a workflow move";
    EXPECT_FALSE(may_move(coordinator, submitted, WorkflowState::Published)) << "not a workflow move";
    StoryFacts approved{kPartner, kMember, WorkflowState::Approved};
    EXPECT_FALSE(may_move(reviewer, approved, WorkflowState::Published));
    EXPECT_TRUE(may_move(coordinator, approved, WorkflowState::Published));
    StoryFacts draft{kPartner, kMember, WorkflowState::Draft};
    EXPECT_TRUE(may_move(contributor, draft, WorkflowState::Submitted));
    EXPECT_FALSE(may_move(contributor, draft, WorkflowState::Archived));
}

}  // namespace
}  // namespace storybank::auth
