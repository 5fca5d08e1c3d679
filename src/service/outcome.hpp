#pragma once

#include "core/problem.hpp"

#include <optional>
#include <utility>
#include <vector>

namespace storybank::service {

/// The result of a use case that can be refused because of what the user asked (a weak password, an unknown
/// organisation): either a value, or the problems that say why not. Refusals are values, not exceptions; the
/// edge renders the problems in the user's language.
template <typename T>
struct Outcome {
    std::optional<T> value;
    std::vector<core::Problem> problems;

    bool ok() const { return value.has_value(); }

    static Outcome done(T result) { return {std::move(result), {}}; }
    static Outcome refused(std::vector<core::Problem> reasons) { return {std::nullopt, std::move(reasons)}; }
};

}  // namespace storybank::service
