#pragma once

#include "core/error.hpp"

#include <string>

namespace storybank::http {

/// The one map from error kinds to HTTP status codes.
int status_for(ErrorKind kind);

/// application/problem+json body: {"type", "title", "status", "code", "message"}.
std::string problem_json(ErrorKind kind, const std::string& public_message);

}  // namespace storybank::http
