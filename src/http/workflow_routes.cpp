// Moving a story along the workflow, the record of its moves, and selecting stories for reports.
#include "core/error.hpp"
#include "http/json_io.hpp"
#include "http/route_context.hpp"

#include <httplib.h>

namespace storybank::http {

void install_story_workflow_routes(RouteContext& context) {
    auto& server = context.server;
    auto& stories = context.stories;

    server.Post(R"(/api/v1/stories/([^/]+)/transitions)",
                [&](const httplib::Request& request, httplib::Response& response) {
                    Caller caller = context.caller(request);
                    caller.signed_in();
                    caller.require_scope("stories:write");
                    std::int64_t id = parse_id(request.matches[1], "the story id");
                    auto fields = string_fields(json_body(request));
                    auto to = core::parse_workflow_state(fields["to"]);
                    if (!to) {
                        throw Error(ErrorKind::InvalidRequest,
                                    "the field 'to' must be one of draft, submitted, changes_requested, approved, "
                                    "published, archived");
                    }
                    auto outcome = stories.move_story(caller.subject(), id, *to, fields["reason"], caller.actor());
                    if (!outcome.ok()) {
                        context.refuse(request, response, outcome.problems);
                        return;
                    }
                    response.set_content(summary_to_json(stories.summary(id)), std::string(kJson));
                });

    server.Get(R"(/api/v1/stories/([^/]+)/transitions)",
               [&](const httplib::Request& request, httplib::Response& response) {
                   Caller caller = context.caller(request);
                   caller.require_scope("stories:read");
                   std::int64_t id = parse_id(request.matches[1], "the story id");
                   response.set_content(transitions_to_json(id, stories.transitions_for(caller.subject(), id)),
                                        std::string(kJson));
               });

    server.Post(R"(/api/v1/stories/([^/]+)/selections)", [&](const httplib::Request& request,
                                                             httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.signed_in();
        caller.require_scope("stories:write");
        std::int64_t id = parse_id(request.matches[1], "the story id");
        auto fields = string_fields(json_body(request));
        auto outcome = stories.select_story(caller.subject(), id, fields["report"], fields["reason"], caller.actor());
        if (!outcome.ok()) {
            context.refuse(request, response, outcome.problems);
            return;
        }
        response.status = 201;
        response.set_content(selections_to_json(stories.selections_for(caller.subject(), fields["report"])),
                             std::string(kJson));
    });

    server.Get("/api/v1/selections", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.require_scope("stories:read");
        response.set_content(
            selections_to_json(stories.selections_for(caller.subject(), request.get_param_value("report"))),
            std::string(kJson));
    });
}

}  // namespace storybank::http
