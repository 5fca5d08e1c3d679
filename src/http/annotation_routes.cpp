// What people add around a story while working on it: comments and tags (with suggestions from its words).
#include "http/json_io.hpp"
#include "http/route_context.hpp"

#include <httplib.h>

namespace storybank::http {

void install_annotation_routes(RouteContext& context) {
    auto& server = context.server;
    auto& stories = context.stories;

    server.Get(
        R"(/api/v1/stories/([^/]+)/comments)", [&](const httplib::Request& request, httplib::Response& response) {
            Caller caller = context.caller(request);
            caller.require_scope("stories:read");
            std::int64_t id = parse_id(request.matches[1], "the story id");
            response.set_content(comments_to_json(id, stories.comments_for(caller.subject(), id)), std::string(kJson));
        });

    server.Post(
        R"(/api/v1/stories/([^/]+)/comments)", [&](const httplib::Request& request, httplib::Response& response) {
            Caller caller = context.caller(request);
            caller.signed_in();
            caller.require_scope("stories:write");
            std::int64_t id = parse_id(request.matches[1], "the story id");
            auto fields = string_fields(json_body(request));
            auto outcome = stories.add_comment(caller.subject(), id, fields["field"], fields["body"], caller.actor());
            if (!outcome.ok()) {
                context.refuse(request, response, outcome.problems);
                return;
            }
            response.status = 201;
            response.set_content(comments_to_json(id, stories.comments_for(caller.subject(), id)), std::string(kJson));
        });

    server.Get(R"(/api/v1/stories/([^/]+)/tags)", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.require_scope("stories:read");
        std::int64_t id = parse_id(request.matches[1], "the story id");
        response.set_content(tags_to_json(id, stories.tags_for(caller.subject(), id)), std::string(kJson));
    });

    server.Put(R"(/api/v1/stories/([^/]+)/tags)", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.signed_in();
        caller.require_scope("stories:write");
        std::int64_t id = parse_id(request.matches[1], "the story id");
        auto outcome =
            stories.set_tags(caller.subject(), id, string_list_field(json_body(request), "tags"), caller.actor());
        if (!outcome.ok()) {
            context.refuse(request, response, outcome.problems);
            return;
        }
        response.set_content(tags_to_json(id, *outcome.value), std::string(kJson));
    });

    server.Get(R"(/api/v1/stories/([^/]+)/tag-suggestions)",
               [&](const httplib::Request& request, httplib::Response& response) {
                   Caller caller = context.caller(request);
                   caller.require_scope("stories:read");
                   std::int64_t id = parse_id(request.matches[1], "the story id");
                   response.set_content(tag_suggestions_to_json(id, stories.tag_suggestions_for(caller.subject(), id)),
                                        std::string(kJson));
               });
}

}  // namespace storybank::http
