// The story templates (the collection formats): what the web app builds its forms and tag lists from.
#include "core/template_json.hpp"
#include "http/route_context.hpp"

#include <httplib.h>

namespace storybank::http {

void install_template_routes(RouteContext& context) {
    context.server.Get("/api/v1/templates", [&context](const httplib::Request&, httplib::Response& response) {
        // The default template (the consortium's own format) first: it is the one a writer most often wants.
        const auto& catalog = context.stories.templates();
        const core::Template& usual = catalog.default_template();
        std::string body = "{\"templates\":[" + core::template_to_json(usual);
        for (const auto& story_template : catalog.all()) {
            if (story_template->id != usual.id) {
                body += "," + core::template_to_json(*story_template);
            }
        }
        response.set_content(body + "]}", std::string(kJson));
    });
    context.server.Get(
        R"(/api/v1/templates/([a-z0-9-]+))", [&context](const httplib::Request& request, httplib::Response& response) {
            const core::Template& story_template = context.stories.templates().get(std::string(request.matches[1]));
            response.set_content(core::template_to_json(story_template), std::string(kJson));
        });
}

}  // namespace storybank::http
