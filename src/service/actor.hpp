#pragma once

#include <cstdint>
#include <string>
#include <utility>

namespace storybank::service {

/// Who does something, for the audit log and the revision history: a user, or a named part of the system
/// ("cli" for the command line, "import" for batch imports, "system" for what storybank does by itself).
struct Actor {
    std::int64_t user_id = 0;  ///< 0 when the actor is not a user
    std::string name;          ///< the user's e-mail address, or "cli", "import", "system"
    std::string address;       ///< the client's IP address; empty for local commands

    Actor() = default;
    Actor(std::int64_t user, std::string user_email, std::string from)
        : user_id(user), name(std::move(user_email)), address(std::move(from)) {}
    /// A named actor that is not a user. Implicit so that callers that passed an author's name keep compiling.
    Actor(std::string actor_name) : name(std::move(actor_name)) {}  // NOLINT(google-explicit-constructor)
    Actor(const char* actor_name) : name(actor_name) {}             // NOLINT(google-explicit-constructor)

    static Actor command_line() { return Actor("cli"); }
    static Actor system() { return Actor("system"); }
};

}  // namespace storybank::service
