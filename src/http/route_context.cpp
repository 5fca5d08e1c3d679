#include "http/route_context.hpp"

#include "core/error.hpp"
#include "http/json_io.hpp"

#include <httplib.h>

#include <algorithm>
#include <charconv>

namespace storybank::http {

std::string RouteContext::language(const httplib::Request& request) const {
    std::string accepted = request.get_header_value("Accept-Language");
    // The first language the catalogue has, in the order the browser gives (weights are in that order in practice).
    std::size_t start = 0;
    while (start < accepted.size()) {
        std::size_t end = std::min(accepted.find(',', start), accepted.size());
        std::string tag = accepted.substr(start, end - start);
        tag = tag.substr(0, tag.find(';'));
        tag.erase(0, tag.find_first_not_of(' '));
        std::string primary = tag.substr(0, tag.find('-'));
        if (primary == "fr" || primary == "en") {
            return primary;
        }
        start = end + 1;
    }
    return options.language;
}

void RouteContext::refuse(const httplib::Request& request,
                          httplib::Response& response,
                          const std::vector<core::Problem>& problems,
                          int status,
                          std::string_view code) const {
    std::string lang = language(request);
    std::string message = problems.empty()
                              ? std::string("the request was refused")
                              : messages.render(lang, problems.front().message_id, problems.front().params);
    response.status = status;
    response.set_content(refusal_json(status, code, message, problems, messages, lang), std::string(kProblemJson));
}

void RouteContext::refuse_story_write(const httplib::Request& request,
                                      httplib::Response& response,
                                      const std::vector<core::Problem>& problems) const {
    bool not_theirs = std::any_of(problems.begin(), problems.end(),
                                  [](const core::Problem& problem) { return problem.message_id == "story-not-yours"; });
    if (not_theirs) {
        refuse(request, response, problems, 403, "forbidden");
    } else {
        refuse(request, response, problems);
    }
}

std::int64_t parse_id(const std::string& text, const char* what) {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0) {
        throw Error(ErrorKind::InvalidRequest,
                    std::string(what) + " must be a positive whole number, not '" + text + "'");
    }
    return value;
}

int int_parameter(const httplib::Request& request, const char* name, int fallback, int minimum, int maximum) {
    if (!request.has_param(name)) {
        return fallback;
    }
    std::string text = request.get_param_value(name);
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < minimum || value > maximum) {
        throw Error(ErrorKind::InvalidRequest, "the parameter '" + std::string(name) +
                                                   "' must be a whole number from " + std::to_string(minimum) + " to " +
                                                   std::to_string(maximum));
    }
    return value;
}

store::StoryFilter filter_from(const httplib::Request& request) {
    store::StoryFilter filter;
    filter.country = request.get_param_value("country");
    filter.partner_ngo = request.get_param_value("partner");
    filter.consortium_member = request.get_param_value("member");
    filter.template_id = request.get_param_value("template");
    filter.language = request.get_param_value("language");
    filter.year = int_parameter(request, "year", 0, 0, 9999);
    filter.tag = request.get_param_value("tag");
    if (request.has_param("status")) {
        filter.status = core::parse_workflow_state(request.get_param_value("status"));
        if (!filter.status) {
            throw Error(ErrorKind::InvalidRequest,
                        "the parameter 'status' must be one of draft, submitted, "
                        "changes_requested, approved, published, archived");
        }
    }
    return filter;
}

const std::string& json_body(const httplib::Request& request) {
    std::string type = request.get_header_value("Content-Type");
    if (!type.starts_with("application/json")) {
        throw Error(ErrorKind::InvalidRequest, "send the request body as JSON (Content-Type: application/json)");
    }
    return request.body;
}

int if_match_revision(const httplib::Request& request) {
    std::string value = request.get_header_value("If-Match");
    if (value.empty()) {
        throw Error(ErrorKind::PreconditionRequired,
                    "say which revision you are changing: send If-Match with the ETag you read (e.g. If-Match: \"3\")");
    }
    if (value.starts_with("W/")) {
        value.erase(0, 2);
    }
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
    }
    return static_cast<int>(parse_id(value, "the If-Match revision"));
}

}  // namespace storybank::http
