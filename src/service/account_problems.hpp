#pragma once

#include "core/problem.hpp"

#include <map>
#include <string>

namespace storybank::service::detail {

/// A refusal of what was asked, about one input field ("email", "password", "organisation", "role", …).
inline core::Problem refusal(std::string field,
                             std::string message_id,
                             std::map<std::string, std::string> params = {}) {
    return {std::move(field), core::Severity::Error, std::move(message_id), std::move(params), ""};
}

}  // namespace storybank::service::detail
