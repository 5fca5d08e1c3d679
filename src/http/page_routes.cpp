// Plain HTML pages (docs/decisions/0004-http-renders-pages.md): the list, search results and one story, as the
// caller may see them.
#include "http/json_io.hpp"
#include "http/route_context.hpp"
#include "render/html_writer.hpp"

#include <httplib.h>

namespace storybank::http {
namespace {

/// "2026-11-29T03:18:56Z" → "2026-11-29 03:18 UTC": the stored timestamps are UTC; seconds only add noise.
std::string readable_timestamp(const std::string& iso) {
    if (iso.size() < 16 || iso[10] != 'T') {
        return iso;
    }
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

class Pages {
public:
    explicit Pages(RouteContext& context) : m_context(context) {}

    std::string story_list(const httplib::Request& request) const;
    std::string story(const httplib::Request& request, std::int64_t id) const;

private:
    std::string text(std::string_view id, const std::map<std::string, std::string>& params = {}) const {
        return m_context.messages.render(m_context.options.language, id, params);
    }

    RouteContext& m_context;
};

std::string Pages::story_list(const httplib::Request& request) const {
    auth::Subject reader = m_context.caller(request).subject();
    std::string query = request.get_param_value("q");
    std::string body =
        "<header><h1><a href=\"/\">storybank</a></h1>\n<form method=\"get\" action=\"/\" role=\"search\">"
        "<label for=\"q\">" +
        render::escape_html(text("web-search-label")) + "</label> <input id=\"q\" name=\"q\" type=\"search\" value=\"" +
        render::escape_html(query) + "\"> <button type=\"submit\">" + render::escape_html(text("web-search-button")) +
        "</button></form></header>\n<main>\n";
    if (!query.empty()) {
        store::SearchQuery search;
        search.text = query;
        search.filter = filter_from(request);
        search.limit = 50;
        store::SearchResult result = m_context.stories.search_for(reader, search);
        body += "<p>" + render::escape_html(text("web-search-count", {{"count", std::to_string(result.total)}})) +
                "</p>\n<ol class=\"results\">\n";
        for (const auto& hit : result.hits) {
            body += "<li><a href=\"/stories/" + std::to_string(hit.story.id) + "\">" +
                    render::escape_html(hit.story.title) + "</a><p>" + snippet_to_html(hit.snippet) + "</p></li>\n";
        }
        body += "</ol>\n";
    } else {
        store::ListQuery list;
        list.filter = filter_from(request);
        list.limit = 200;
        auto summaries = m_context.stories.list_for(reader, list);
        body += "<h2>" + render::escape_html(text("web-story-list-title")) + "</h2>\n<ul class=\"stories\">\n";
        for (const auto& summary : summaries) {
            std::string where =
                summary.locality.empty() ? summary.country : summary.locality + " (" + summary.country + ")";
            body += "<li><a href=\"/stories/" + std::to_string(summary.id) + "\">" +
                    render::escape_html(summary.title) + "</a> — " + render::escape_html(summary.partner_ngo) + ", " +
                    render::escape_html(where) + "</li>\n";
        }
        body += "</ul>\n";
        if (summaries.empty()) {
            body += "<p>" + render::escape_html(text("web-story-list-empty")) + "</p>\n";
        }
    }
    body += "</main>\n";
    return render::html_page("storybank", body, m_context.options.language);
}

std::string Pages::story(const httplib::Request& request, std::int64_t id) const {
    auth::Subject reader = m_context.caller(request).subject();
    core::Revision revision = m_context.stories.story_for(reader, id, 0);
    const core::Template& story_template = m_context.stories.templates().get(revision.story.template_id);
    // story_for() already removed what this reader may not see; the page shows the rest.
    std::string body =
        "<header><a href=\"/\">" + render::escape_html(text("web-back-to-list")) + "</a></header>\n<main>\n" +
        render::write_story_html(revision.story, story_template, m_context.options.language,
                                 render::PersonalData::Include) +
        "<p class=\"revision\">" +
        render::escape_html(text("web-revision-line", {{"number", std::to_string(revision.info.number)},
                                                       {"date", readable_timestamp(revision.info.created_at)}})) +
        "</p>\n</main>\n";
    const core::FieldDefinition* title_field = story_template.field_with_role(core::FieldRole::Title);
    std::string title = title_field != nullptr ? std::string(revision.story.text(title_field->key)) : "storybank";
    return render::html_page(title, body, m_context.options.language);
}

}  // namespace

void install_page_routes(RouteContext& context) {
    auto pages = std::make_shared<Pages>(context);
    context.server.Get("/", [pages](const httplib::Request& request, httplib::Response& response) {
        response.set_content(pages->story_list(request), std::string(kHtml));
    });
    context.server.Get(R"(/stories/([^/]+))", [pages](const httplib::Request& request, httplib::Response& response) {
        response.set_content(pages->story(request, parse_id(request.matches[1], "the story id")), std::string(kHtml));
    });
}

}  // namespace storybank::http
