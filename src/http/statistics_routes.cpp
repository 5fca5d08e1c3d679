// Figures for a dashboard: how many of the stories the caller may see fall in each status, country, locality,
// partner, member, tag and month. They are the search facets over every visible story, so a figure never counts a story
// the caller's list would not show.
#include "http/route_context.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace storybank::http {

void install_statistics_routes(RouteContext& context) {
    context.server.Get("/api/v1/statistics", [&context](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.require_scope("stories:read");
        store::SearchQuery query;
        query.filter = filter_from(request);
        query.limit = 1;  // the counts are wanted, not the stories
        query.facets = true;
        store::SearchResult result = context.stories.search_for(caller.subject(), query);
        nlohmann::json counts = nlohmann::json::object();
        for (const char* facet :
             {"status", "country", "locality", "partner_ngo", "consortium_member", "tag", "month"}) {
            counts[facet] = nlohmann::json::array();
        }
        for (const auto& count : result.facets) {
            if (counts.contains(count.facet)) {
                counts[count.facet].push_back({{"value", count.value}, {"count", count.count}});
            }
        }
        response.set_content(nlohmann::json{{"total", result.total}, {"counts", counts}}.dump(), std::string(kJson));
    });
}

}  // namespace storybank::http
