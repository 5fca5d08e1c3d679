#include "cli/problem_lines.hpp"

#include <iostream>

namespace storybank::cli {

std::string problem_summary(const core::Story& story, const core::MessageCatalog& messages, std::string_view language) {
    int errors = 0;
    int warnings = 0;
    for (const auto& problem : story.problems) {
        (problem.severity == core::Severity::Error ? errors : warnings) += 1;
    }
    if (errors == 0 && warnings == 0) {
        return messages.render(language, "cli-no-problems");
    }
    return messages.render(language, "cli-problem-count",
                           {{"errors", std::to_string(errors)}, {"warnings", std::to_string(warnings)}});
}

std::string problem_lines(const core::Story& story, const core::MessageCatalog& messages, std::string_view language) {
    std::string out;
    for (const auto& problem : story.problems) {
        out += problem.severity == core::Severity::Error ? "  error   " : "  warning ";
        out += problem.field.empty() ? std::string("-") : problem.field;
        out += ": " + messages.render(language, problem.message_id, problem.params);
        if (!problem.location.empty()) {
            out += " (" + problem.location + ")";
        }
        out += '\n';
    }
    return out;
}

std::string refusal_line(const std::vector<core::Problem>& problems,
                         const core::MessageCatalog& messages,
                         std::string_view language) {
    std::string line;
    for (const auto& problem : problems) {
        line += (line.empty() ? "" : " ") + messages.render(language, problem.message_id, problem.params);
    }
    return line;
}

int print_refusal(const std::vector<core::Problem>& problems,
                  const core::MessageCatalog& messages,
                  std::string_view language) {
    std::cerr << "storybank: " << refusal_line(problems, messages, language) << '\n';
    return 1;
}

}  // namespace storybank::cli
