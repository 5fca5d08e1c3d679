#pragma once

#include "core/story.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace storybank::core {

enum class FieldChangeKind : std::uint8_t { Added, Removed, Changed };

/// How one field differs between two revisions of a story.
struct FieldChange {
    std::string key;
    FieldChangeKind kind = FieldChangeKind::Changed;
    std::optional<FieldValue> before;  ///< absent when the field was added
    std::optional<FieldValue> after;   ///< absent when the field was removed
};

/// "added", "removed", "changed".
std::string_view field_change_kind_name(FieldChangeKind kind);

/// The fields that differ, field by field: those of `after` in its order, then those only `before` had. An empty
/// value counts as no value, so clearing a field is a removal.
std::vector<FieldChange> diff_stories(const Story& before, const Story& after);

}  // namespace storybank::core
