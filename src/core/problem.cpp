#include "core/problem.hpp"

namespace storybank::core {

std::string_view severity_name(Severity severity) {
    return severity == Severity::Error ? "error" : "warning";
}

}  // namespace storybank::core
