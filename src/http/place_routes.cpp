// Places by name, for the story form's suggestions while a writer types a locality. The gazetteer is public
// reference data (GeoNames): it says nothing of the stories.
#include "core/error.hpp"
#include "http/route_context.hpp"
#include "service/place_gazetteer.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cctype>

namespace storybank::http {
namespace {

constexpr std::size_t kLongestTypedName = 100;

/// An ISO 3166-1 alpha-2 code, or nothing.
std::string country_parameter(const httplib::Request& request) {
    std::string country = request.get_param_value("country");
    bool valid = country.empty() || (country.size() == 2 && std::isupper(static_cast<unsigned char>(country[0])) != 0 &&
                                     std::isupper(static_cast<unsigned char>(country[1])) != 0);
    if (!valid) {
        throw Error(ErrorKind::InvalidRequest,
                    "the parameter 'country' must be a two-letter country code (ISO 3166-1), such as ML");
    }
    return country;
}

}  // namespace

void install_place_routes(RouteContext& context) {
    context.server.Get("/api/v1/places", [&context](const httplib::Request& request, httplib::Response& response) {
        context.caller(request).require_scope("stories:read");
        std::string typed = request.get_param_value("q");
        if (typed.empty() || typed.size() > kLongestTypedName) {
            throw Error(ErrorKind::InvalidRequest,
                        "the parameter 'q' must be the beginning of a place name, 1 to 100 characters");
        }
        std::string country = country_parameter(request);
        auto limit = static_cast<std::size_t>(int_parameter(request, "limit", 8, 1, 20));
        nlohmann::json places = nlohmann::json::array();
        for (const auto& place : service::place_gazetteer().suggest(typed, country, limit)) {
            places.push_back({{"name", place.name},
                              {"country", place.country},
                              {"latitude", place.latitude},
                              {"longitude", place.longitude},
                              {"population", place.population}});
        }
        response.set_header("Cache-Control", "private, max-age=86400");
        response.set_content(nlohmann::json{{"places", places}}.dump(), std::string(kJson));
    });
}

}  // namespace storybank::http
