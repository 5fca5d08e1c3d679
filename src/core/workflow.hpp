#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace storybank::core {

/// Where a story is in review. Stored by name; the numeric values are not persisted.
enum class WorkflowState : std::uint8_t {
    Draft,
    Submitted,
    ChangesRequested,
    Approved,
    Published,
    Archived,
};

/// "draft", "submitted", "changes_requested", "approved", "published", "archived".
std::string_view workflow_state_name(WorkflowState state);
std::optional<WorkflowState> parse_workflow_state(std::string_view name);

/// Whether the workflow allows going from one state to the other (who may do it is decided in service).
bool is_allowed_transition(WorkflowState from, WorkflowState to);

}  // namespace storybank::core
