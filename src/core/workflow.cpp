#include "core/workflow.hpp"

#include <array>
#include <utility>

namespace storybank::core {
namespace {

constexpr std::array<std::pair<WorkflowState, std::string_view>, 6> kStateNames{{
    {WorkflowState::Draft, "draft"},
    {WorkflowState::Submitted, "submitted"},
    {WorkflowState::ChangesRequested, "changes_requested"},
    {WorkflowState::Approved, "approved"},
    {WorkflowState::Published, "published"},
    {WorkflowState::Archived, "archived"},
}};

}  // namespace

std::string_view workflow_state_name(WorkflowState state) {
    for (const auto& [candidate, name] : kStateNames) {
        if (candidate == state) {
            return name;
        }
    }
    return "draft";
}

std::optional<WorkflowState> parse_workflow_state(std::string_view name) {
    for (const auto& [state, candidate] : kStateNames) {
        if (candidate == name) {
            return state;
        }
    }
    return std::nullopt;
}

bool is_allowed_transition(WorkflowState from, WorkflowState to) {
    using enum WorkflowState;
    if (to == Archived) {
        return from != Archived;
    }
    switch (from) {
        case Draft:
            return to == Submitted;
        case Submitted:
            return to == ChangesRequested || to == Approved;
        case ChangesRequested:
            return to == Draft || to == Submitted;
        case Approved:
            return to == Published || to == ChangesRequested;
        case Published:
            return to == Approved;
        case Archived:
            return to == Draft;
    }
    return false;
}

}  // namespace storybank::core
