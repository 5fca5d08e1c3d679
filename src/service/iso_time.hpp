#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace storybank::service {

/// "2026-11-29T10:00:00Z": UTC to the second, the form stores keep times in (it sorts as time does).
std::string format_iso8601(std::chrono::system_clock::time_point time);

/// The time written by format_iso8601, or nullopt for anything else.
std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view text);

}  // namespace storybank::service
