#include "http/error_responses.hpp"

#include <nlohmann/json.hpp>

namespace storybank::http {

int status_for(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::NotFound:
            return 404;
        case ErrorKind::Conflict:
            return 409;
        case ErrorKind::Forbidden:
            return 403;
        case ErrorKind::InvalidRequest:
            return 400;
        case ErrorKind::UnreadableInput:
            return 422;
        case ErrorKind::Unauthenticated:
            return 401;
        case ErrorKind::PreconditionRequired:
            return 428;
        case ErrorKind::TooManyRequests:
            return 429;
        case ErrorKind::Unavailable:
            return 503;
        case ErrorKind::Internal:
            return 500;
    }
    return 500;
}

std::string problem_json(ErrorKind kind, const std::string& public_message) {
    nlohmann::ordered_json body = {{"type", "about:blank"},
                                   {"title", std::string(error_kind_code(kind))},
                                   {"status", status_for(kind)},
                                   {"code", std::string(error_kind_code(kind))},
                                   {"message", public_message}};
    return body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace storybank::http
