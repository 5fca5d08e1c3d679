#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::core {

enum class Severity : std::uint8_t {
    Error,    ///< a required field is absent or unusable
    Warning,  ///< a value looks wrong or a recommended field is absent
};

std::string_view severity_name(Severity severity);

/// Something wrong with user input. Problems are collected and returned with the result, never thrown.
/// The text is a message ID plus parameters, rendered in the reader's language at the edge (MessageCatalog).
struct Problem {
    std::string field;  ///< template key, or empty for the whole document
    Severity severity = Severity::Warning;
    std::string message_id;                     ///< kebab-case key of resources/i18n/*.json
    std::map<std::string, std::string> params;  ///< values for {name} placeholders
    std::string location;                       ///< where in the input: "line 12", "page 2", …

    bool operator==(const Problem&) const = default;
};

}  // namespace storybank::core
