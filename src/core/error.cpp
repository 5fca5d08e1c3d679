#include "core/error.hpp"

#include <utility>

namespace storybank {

std::string_view error_kind_code(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::NotFound:
            return "not_found";
        case ErrorKind::Conflict:
            return "conflict";
        case ErrorKind::Forbidden:
            return "forbidden";
        case ErrorKind::InvalidRequest:
            return "invalid_request";
        case ErrorKind::UnreadableInput:
            return "unreadable_input";
        case ErrorKind::Unauthenticated:
            return "unauthenticated";
        case ErrorKind::PreconditionRequired:
            return "precondition_required";
        case ErrorKind::TooManyRequests:
            return "too_many_requests";
        case ErrorKind::Unavailable:
            return "unavailable";
        case ErrorKind::Internal:
            return "internal";
    }
    return "internal";
}

Error::Error(ErrorKind kind, std::string public_message, std::string detail)
    : std::runtime_error(public_message),
      m_kind(kind),
      m_public_message(std::move(public_message)),
      m_detail(std::move(detail)) {}

}  // namespace storybank
