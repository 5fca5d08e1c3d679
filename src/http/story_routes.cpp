// Stories: list, search, read, create, update (optimistic concurrency with ETag / If-Match), history and diff.
#include "core/error.hpp"
#include "core/story_json.hpp"
#include "http/json_io.hpp"
#include "http/route_context.hpp"

#include <httplib.h>

#include <algorithm>

namespace storybank::http {
namespace {

constexpr std::string_view kRead = "stories:read";
constexpr std::string_view kWrite = "stories:write";

constexpr std::size_t kLongestCreationKey = 200;

/// The Idempotency-Key a client sends with a creation it may have to repeat: up to 200 visible ASCII
/// characters (a UUID fits), or none.
std::string creation_key(const httplib::Request& request) {
    std::string key = request.get_header_value("Idempotency-Key");
    bool visible = std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < '\x7f'; });
    if (key.size() > kLongestCreationKey || !visible) {
        throw Error(ErrorKind::InvalidRequest,
                    "the header 'Idempotency-Key' must be 1 to 200 visible ASCII characters, such as a UUID");
    }
    return key;
}

std::string etag(int revision) {
    return "\"" + std::to_string(revision) + "\"";
}

core::Story story_from_body(const httplib::Request& request) {
    return core::story_from_json(json_body(request));
}

void send_story(const RouteContext& context,
                const httplib::Request& request,
                httplib::Response& response,
                const core::Revision& revision) {
    response.set_header("ETag", etag(revision.info.number));
    response.set_content(
        core::to_canonical_json(revision.story, context.messages, context.language(request), core::JsonLayout::Compact),
        std::string(kJson));
}

/// A published story to an anonymous reader: the same bytes for everyone until the story changes, so they are
/// made once per revision and language, and which revision is public is rechecked with the store at most every
/// quarter of a second (PublicStoryCache).
void send_public_story(RouteContext& context,
                       const httplib::Request& request,
                       httplib::Response& response,
                       std::int64_t id) {
    std::optional<int> known = context.public_stories.current_revision(id);
    int current = known ? *known : context.stories.public_revision(id);
    if (!known) {
        context.public_stories.set_current_revision(id, current);
    }
    if (request.get_header_value("If-None-Match") == etag(current)) {
        response.status = 304;
        response.set_header("ETag", etag(current));
        return;
    }
    std::string language = context.language(request);
    auto json = context.public_stories.find(id, current, language);
    int served = current;
    if (!json) {
        // The revision read may be newer than `current` if someone saved meanwhile: keep it under its own number.
        core::Revision revision = context.stories.story_for(auth::Subject{}, id);
        served = revision.info.number;
        json = context.public_stories.put(
            id, served, language,
            core::to_canonical_json(revision.story, context.messages, language, core::JsonLayout::Compact));
    }
    response.set_header("ETag", etag(served));
    response.set_content(*json, std::string(kJson));
}

/// Filters and a page of a story list: ?limit= (1–500, 50) and the cursor ?after=.
store::ListQuery list_query_from(const httplib::Request& request) {
    store::ListQuery query;
    query.filter = filter_from(request);
    query.limit = int_parameter(request, "limit", 50, 1, 500);
    query.after_id = request.has_param("after") ? parse_id(request.get_param_value("after"), "after") : 0;
    return query;
}

}  // namespace

void install_story_routes(RouteContext& context) {
    auto& server = context.server;
    auto& stories = context.stories;

    server.Get("/api/v1/stories", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.require_scope(kRead);
        store::ListQuery query = list_query_from(request);
        response.set_content(summaries_to_json(stories.list_for(caller.subject(), query), query.limit),
                             std::string(kJson));
    });

    server.Get("/api/v1/waiting", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.signed_in();
        caller.require_scope(kRead);
        store::ListQuery query = list_query_from(request);
        response.set_content(summaries_to_json(stories.waiting_list(caller.subject(), query), query.limit),
                             std::string(kJson));
    });

    server.Get("/api/v1/search", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.require_scope(kRead);
        store::SearchQuery query;
        query.text = request.get_param_value("q");
        query.filter = filter_from(request);
        query.limit = int_parameter(request, "limit", 20, 1, 200);
        query.offset = int_parameter(request, "offset", 0, 0, 100000);
        query.facets = request.get_param_value("facets") == "true";
        response.set_content(search_result_to_json(stories.search_for(caller.subject(), query)), std::string(kJson));
    });

    server.Post("/api/v1/stories", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.signed_in();
        caller.require_scope(kWrite);
        auto outcome =
            stories.create_story_as(caller.subject(), story_from_body(request), caller.actor(), creation_key(request));
        if (!outcome.ok()) {
            context.refuse_story_write(request, response, outcome.problems);
            return;
        }
        // Sent again with the same key: the story the first request made, not a copy.
        response.status = outcome.value->created ? 201 : 200;
        response.set_header("Location", "/api/v1/stories/" + std::to_string(outcome.value->story_id));
        send_story(context, request, response, stories.story_for(caller.subject(), outcome.value->story_id));
    });

    server.Get(R"(/api/v1/stories/([^/]+))", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.require_scope(kRead);
        std::int64_t id = parse_id(request.matches[1], "the story id");
        int revision_number = int_parameter(request, "revision", 0, 0, 1000000);
        if (revision_number == 0 && !caller.principal) {
            send_public_story(context, request, response, id);
            return;
        }
        core::Revision revision = stories.story_for(caller.subject(), id, revision_number);
        if (revision_number == 0 && request.get_header_value("If-None-Match") == etag(revision.info.number)) {
            response.status = 304;
            response.set_header("ETag", etag(revision.info.number));
            return;
        }
        send_story(context, request, response, revision);
    });

    server.Put(R"(/api/v1/stories/([^/]+))", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.signed_in();
        caller.require_scope(kWrite);
        std::int64_t id = parse_id(request.matches[1], "the story id");
        int expected = if_match_revision(request);
        core::Story story = story_from_body(request);
        std::string note = request.get_header_value("X-Change-Note");
        try {
            auto outcome = stories.update_story(caller.subject(), id, std::move(story), expected, caller.actor(),
                                                note.empty() ? "edited" : note);
            context.public_stories.forget(id);  // after the commit: a reader meanwhile may have seen the old one
            if (!outcome.ok()) {
                context.refuse_story_write(request, response, outcome.problems);
                return;
            }
        } catch (const Error& error) {
            if (error.kind() != ErrorKind::Conflict) {
                throw;
            }
            // The client's copy is stale: tell it which revision is current so it can merge and retry.
            int current = stories.summary(id).current_revision;
            response.status = 409;
            response.set_header("ETag", etag(current));
            response.set_content(
                "{\"type\":\"about:blank\",\"title\":\"conflict\",\"status\":409,\"code\":\"conflict\","
                "\"message\":\"the story changed since you read it (revision " +
                    std::to_string(expected) + "); read revision " + std::to_string(current) +
                    " and apply your change to it\",\"current_revision\":" + std::to_string(current) + "}",
                std::string(kProblemJson));
            return;
        }
        send_story(context, request, response, stories.story_for(caller.subject(), id));
    });

    server.Get(R"(/api/v1/stories/([^/]+)/history)", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.require_scope(kRead);
        std::int64_t id = parse_id(request.matches[1], "the story id");
        response.set_content(history_to_json(id, stories.history_for(caller.subject(), id)), std::string(kJson));
    });

    server.Get(R"(/api/v1/stories/([^/]+)/diff)", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.require_scope(kRead);
        std::int64_t id = parse_id(request.matches[1], "the story id");
        int from = int_parameter(request, "from", 0, 1, 1000000);
        if (from == 0) {
            throw Error(ErrorKind::InvalidRequest, "the parameter 'from' (the older revision) is missing");
        }
        int to = int_parameter(request, "to", 0, 0, 1000000);
        auto changes = stories.diff_for(caller.subject(), id, from, to);
        response.set_content(diff_to_json(id, from, to, changes, context.messages, context.language(request)),
                             std::string(kJson));
    });
}

}  // namespace storybank::http
