#include "http/server.hpp"

#include "core/error.hpp"
#include "core/story_json.hpp"
#include "http/error_responses.hpp"
#include "http/json_io.hpp"
#include "render/html_writer.hpp"

#include <httplib.h>

#include <charconv>

namespace storybank::http {
namespace {

constexpr std::size_t kMaxRequestBytes = 64 * 1024;  // read-only API: requests carry no bodies
constexpr int kKeepAliveSeconds = 5;
constexpr int kKeepAliveRequests = 1000;
constexpr std::string_view kJson = "application/json; charset=utf-8";
constexpr std::string_view kHtml = "text/html; charset=utf-8";

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

std::string_view page_message_for(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::NotFound:
            return "web-error-not-found";
        case ErrorKind::InvalidRequest:
        case ErrorKind::UnreadableInput:
        case ErrorKind::Conflict:
        case ErrorKind::Forbidden:
            return "web-error-bad-request";
        case ErrorKind::Unavailable:
            return "web-error-unavailable";
        case ErrorKind::Internal:
            break;
    }
    return "web-error-internal";
}

/// "2026-11-29T03:18:56Z" → "2026-11-29 03:18 UTC": the stored timestamps are UTC; seconds only add noise.
std::string readable_timestamp(const std::string& iso) {
    if (iso.size() < 16 || iso[10] != 'T') {
        return iso;
    }
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

void set_security_headers(httplib::Response& response) {
    response.set_header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("X-Frame-Options", "DENY");
}

}  // namespace

struct Server::Implementation {
    service::StoryService& stories;
    const core::MessageCatalog& messages;
    ServerOptions options;
    httplib::Server server;
    int bound_port = 0;

    std::string text(std::string_view id, const std::map<std::string, std::string>& params = {}) const {
        return messages.render(options.language, id, params);
    }

    void install_routes();
    std::string story_list_page(const httplib::Request& request);
    std::string story_page(std::int64_t id);
};

std::string Server::Implementation::story_list_page(const httplib::Request& request) {
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
        store::SearchResult result = stories.search(search);
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
        auto summaries = stories.list(list);
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
    return render::html_page("storybank", body, options.language);
}

std::string Server::Implementation::story_page(std::int64_t id) {
    core::Revision revision = stories.public_story(id, 0);
    const core::Template& story_template = stories.templates().get(revision.story.template_id);
    std::string body =
        "<header><a href=\"/\">" + render::escape_html(text("web-back-to-list")) + "</a></header>\n<main>\n" +
        render::write_story_html(revision.story, story_template, options.language, render::PersonalData::Omit) +
        "<p class=\"revision\">" +
        render::escape_html(text("web-revision-line", {{"number", std::to_string(revision.info.number)},
                                                       {"date", readable_timestamp(revision.info.created_at)}})) +
        "</p>\n</main>\n";
    const core::FieldDefinition* title_field = story_template.field_with_role(core::FieldRole::Title);
    std::string title = title_field != nullptr ? std::string(revision.story.text(title_field->key)) : "storybank";
    return render::html_page(title, body, options.language);
}

void Server::Implementation::install_routes() {
    server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("ok\n", "text/plain; charset=utf-8");
    });
    server.Get("/api/v1/stories", [this](const httplib::Request& request, httplib::Response& response) {
        store::ListQuery query;
        query.filter = filter_from(request);
        query.limit = int_parameter(request, "limit", 50, 1, 500);
        query.after_id = request.has_param("after") ? parse_id(request.get_param_value("after"), "after") : 0;
        response.set_content(summaries_to_json(stories.list(query), query.limit), std::string(kJson));
    });
    server.Get(R"(/api/v1/stories/([^/]+))", [this](const httplib::Request& request, httplib::Response& response) {
        std::int64_t id = parse_id(request.matches[1], "the story id");
        int revision_number = int_parameter(request, "revision", 0, 0, 1000000);
        core::Revision revision = stories.public_story(id, revision_number);
        response.set_header("ETag", "\"" + std::to_string(revision.info.number) + "\"");
        response.set_content(
            core::to_canonical_json(revision.story, messages, options.language, core::JsonLayout::Compact),
            std::string(kJson));
    });
    server.Get(R"(/api/v1/stories/([^/]+)/history)",
               [this](const httplib::Request& request, httplib::Response& response) {
                   std::int64_t id = parse_id(request.matches[1], "the story id");
                   response.set_content(history_to_json(id, stories.history(id)), std::string(kJson));
               });
    server.Get("/api/v1/search", [this](const httplib::Request& request, httplib::Response& response) {
        store::SearchQuery query;
        query.text = request.get_param_value("q");
        if (query.text.empty()) {
            throw Error(ErrorKind::InvalidRequest, "the parameter 'q' (the words to search for) is missing");
        }
        query.filter = filter_from(request);
        query.limit = int_parameter(request, "limit", 20, 1, 200);
        query.offset = int_parameter(request, "offset", 0, 0, 100000);
        response.set_content(search_result_to_json(stories.search(query)), std::string(kJson));
    });
    server.Get("/", [this](const httplib::Request& request, httplib::Response& response) {
        response.set_content(story_list_page(request), std::string(kHtml));
    });
    server.Get(R"(/stories/([^/]+))", [this](const httplib::Request& request, httplib::Response& response) {
        response.set_content(story_page(parse_id(request.matches[1], "the story id")), std::string(kHtml));
    });

    server.set_post_routing_handler(
        [](const httplib::Request&, httplib::Response& response) { set_security_headers(response); });
    server.set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) {
            return;
        }
        std::string message = response.status == 404 ? "there is no such page: " + request.path : "the request failed";
        ErrorKind kind = response.status == 404 ? ErrorKind::NotFound : ErrorKind::InvalidRequest;
        response.set_content(problem_json(kind, message), "application/problem+json");
    });
    server.set_exception_handler(
        [this](const httplib::Request& request, httplib::Response& response, std::exception_ptr exception) {
            ErrorKind kind = ErrorKind::Internal;
            std::string message = "an internal error occurred; the details are in the server log";
            try {
                std::rethrow_exception(exception);
            } catch (const Error& error) {
                kind = error.kind();
                message = error.public_message();
            } catch (const std::exception&) {
            }
            response.status = status_for(kind);
            if (request.path.starts_with("/api/")) {
                response.set_content(problem_json(kind, message), "application/problem+json");
            } else {
                // Pages speak the reader's language; the English detail stays in the API and the log.
                std::string body = "<main><h1>" + std::to_string(response.status) + "</h1><p>" +
                                   render::escape_html(text(page_message_for(kind))) + "</p><p><a href=\"/\">" +
                                   render::escape_html(text("web-back-to-list")) + "</a></p></main>";
                response.set_content(render::html_page("storybank", body, options.language), std::string(kHtml));
            }
            set_security_headers(response);
        });
}

Server::Server(service::StoryService& stories, const core::MessageCatalog& messages, ServerOptions options)
    : m_implementation(new Implementation{stories, messages, std::move(options), {}, 0}) {
    auto& server = m_implementation->server;
    // Defaults of cpp-httplib that hurt (dependency facts): Nagle's 40 ms stall, 8 threads, unbounded payloads.
    server.set_tcp_nodelay(true);
    int threads = std::max(2, m_implementation->options.threads);
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    server.set_keep_alive_max_count(kKeepAliveRequests);
    server.set_keep_alive_timeout(kKeepAliveSeconds);
    server.set_payload_max_length(kMaxRequestBytes);
    server.set_read_timeout(10, 0);
    server.set_write_timeout(10, 0);
    m_implementation->install_routes();
}

Server::~Server() = default;

int Server::bind() {
    auto& implementation = *m_implementation;
    if (implementation.options.port == 0) {
        implementation.bound_port = implementation.server.bind_to_any_port(implementation.options.host);
    } else if (implementation.server.bind_to_port(implementation.options.host, implementation.options.port)) {
        implementation.bound_port = implementation.options.port;
    } else {
        implementation.bound_port = -1;
    }
    if (implementation.bound_port <= 0) {
        throw Error(ErrorKind::Unavailable, "cannot listen on " + implementation.options.host + ":" +
                                                std::to_string(implementation.options.port) +
                                                "; is another program using that port? Choose another with --port");
    }
    return implementation.bound_port;
}

void Server::serve() {
    m_implementation->server.listen_after_bind();
}

void Server::stop() {
    m_implementation->server.stop();
}

int Server::port() const {
    return m_implementation->bound_port;
}

}  // namespace storybank::http
