// Figures for a dashboard: how many of the stories the caller may see fall in each status, country, locality,
// partner, member, tag and month, and where on a map each locality is. They are the search facets over every visible
// story, so a figure never counts a story the caller's list would not show.
#include "http/route_context.hpp"
#include "service/place_gazetteer.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace storybank::http {
namespace {

/// A locality with its count, and its coordinates when the gazetteer knows it in the story's country.
nlohmann::json place_count(const store::FacetCount& count) {
    std::size_t tab = count.value.find('\t');
    std::string country = tab == std::string::npos ? std::string() : count.value.substr(0, tab);
    std::string locality = tab == std::string::npos ? count.value : count.value.substr(tab + 1);
    nlohmann::json entry = {{"value", locality}, {"country", country}, {"count", count.count}};
    if (auto place = service::place_gazetteer().find_locality(locality, country)) {
        entry["latitude"] = place->latitude;
        entry["longitude"] = place->longitude;
    }
    return entry;
}

}  // namespace

void install_statistics_routes(RouteContext& context) {
    context.server.Get("/api/v1/statistics", [&context](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.require_scope("stories:read");
        store::SearchQuery query;
        query.filter = filter_from(request);
        query.limit = 1;  // the counts are wanted, not the stories
        query.facets = true;
        query.place_facet = true;
        store::SearchResult result = context.stories.search_for(caller.subject(), query);
        nlohmann::json counts = nlohmann::json::object();
        for (const char* facet :
             {"status", "country", "locality", "partner_ngo", "consortium_member", "tag", "month", "place"}) {
            counts[facet] = nlohmann::json::array();
        }
        for (const auto& count : result.facets) {
            if (count.facet == "place") {
                counts["place"].push_back(place_count(count));
            } else if (counts.contains(count.facet)) {
                counts[count.facet].push_back({{"value", count.value}, {"count", count.count}});
            }
        }
        response.set_content(nlohmann::json{{"total", result.total}, {"counts", counts}}.dump(), std::string(kJson));
    });
}

}  // namespace storybank::http
