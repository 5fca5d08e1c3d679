#pragma once

#include "auth/policy.hpp"
#include "service/actor.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::service {

/// What an API token may be used for. A session may do everything its user's roles allow.
inline constexpr std::array<std::string_view, 3> kApiTokenScopes = {"stories:read", "stories:write", "import"};

enum class Credential : std::uint8_t {
    Session,   ///< a browser session (cookie): writes also need the session's anti-forgery token
    ApiToken,  ///< an integration's bearer token, narrowed by its scopes
};

/// Someone who proved who they are, with what the access policy needs to know about them.
struct Principal {
    std::int64_t user_id = 0;
    std::string email;
    std::string display_name;
    auth::Subject subject;  ///< their memberships, each with the partners its organisation works with
    Credential credential = Credential::Session;
    std::vector<std::string> scopes;  ///< for an API token; empty for a session
    std::int64_t api_token_id = 0;    ///< for an API token
    std::string csrf_sha256;          ///< for a session: the digest its anti-forgery token must match
    std::chrono::system_clock::time_point expires_at{};  ///< for a session: its absolute end

    /// Whether the credential allows this kind of use at all (the policy then decides story by story).
    bool has_scope(std::string_view scope) const {
        return credential == Credential::Session || std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
    }

    Actor actor(std::string address) const { return Actor(user_id, email, std::move(address)); }
};

}  // namespace storybank::service
