#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace storybank {

/// The closed set of ways an operation can fail. Each edge (HTTP, CLI) maps a kind once.
/// When adding a kind, update: error_kind_code(), http/error_responses.cpp, http/server.cpp (page messages).
enum class ErrorKind : std::uint8_t {
    NotFound,
    Conflict,
    Forbidden,
    InvalidRequest,
    UnreadableInput,
    Unauthenticated,       ///< who asks is not known (no session, an expired one): log in and try again
    PreconditionRequired,  ///< a write that must name the revision it changes did not (HTTP If-Match)
    TooManyRequests,       ///< refused for a while (too many failed logins): try again later
    Unavailable,
    Internal,
};

/// Stable, machine-readable name of a kind ("not_found", "conflict", …).
std::string_view error_kind_code(ErrorKind kind);

/// A failure that aborts the current operation. The public message is safe to show to the user and says
/// what happened, where, and what to do; the detail is for logs only.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string public_message, std::string detail = {});

    ErrorKind kind() const { return m_kind; }
    const std::string& public_message() const { return m_public_message; }
    const std::string& detail() const { return m_detail; }

private:  // data
    ErrorKind m_kind;
    std::string m_public_message;
    std::string m_detail;
};

}  // namespace storybank

#if defined(STORYBANK_ENABLE_ASSERTS) || !defined(NDEBUG)
#include <cstdio>
#include <cstdlib>
#define STORYBANK_ASSERT(condition)                                                                \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
#else
#define STORYBANK_ASSERT(condition) ((void)0)
#endif
