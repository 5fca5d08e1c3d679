#pragma once

#include "core/message_catalog.hpp"
#include "core/story.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace storybank::cli {

/// "2 errors, 1 warning" (or "no problems") in the message language.
std::string problem_summary(const core::Story& story, const core::MessageCatalog& messages, std::string_view language);

/// One indented line per problem: "  error   title: The required field 'Title' is missing; add it. (line 3)".
std::string problem_lines(const core::Story& story, const core::MessageCatalog& messages, std::string_view language);

/// Why a request was refused, on one line: each problem's message (a sentence), one after the other.
std::string refusal_line(const std::vector<core::Problem>& problems,
                         const core::MessageCatalog& messages,
                         std::string_view language);

/// Prints why a request was refused on standard error, on one line; returns the exit status (1).
int print_refusal(const std::vector<core::Problem>& problems,
                  const core::MessageCatalog& messages,
                  std::string_view language);

}  // namespace storybank::cli
