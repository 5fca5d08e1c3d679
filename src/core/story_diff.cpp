#include "core/story_diff.hpp"

namespace storybank::core {
namespace {

const FieldValue* present(const Story& story, std::string_view key) {
    const FieldValue* value = story.find(key);
    return value != nullptr && !is_empty(*value) ? value : nullptr;
}

}  // namespace

std::string_view field_change_kind_name(FieldChangeKind kind) {
    switch (kind) {
        case FieldChangeKind::Added:
            return "added";
        case FieldChangeKind::Removed:
            return "removed";
        case FieldChangeKind::Changed:
            return "changed";
    }
    return "changed";
}

std::vector<FieldChange> diff_stories(const Story& before, const Story& after) {
    std::vector<FieldChange> changes;
    for (const auto& [key, value] : after.fields) {
        if (is_empty(value)) {
            continue;
        }
        const FieldValue* old_value = present(before, key);
        if (old_value == nullptr) {
            changes.push_back({key, FieldChangeKind::Added, std::nullopt, value});
        } else if (!(*old_value == value)) {
            changes.push_back({key, FieldChangeKind::Changed, *old_value, value});
        }
    }
    for (const auto& [key, value] : before.fields) {
        if (!is_empty(value) && present(after, key) == nullptr) {
            changes.push_back({key, FieldChangeKind::Removed, value, std::nullopt});
        }
    }
    return changes;
}

}  // namespace storybank::core
