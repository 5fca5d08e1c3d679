#include "http/server.hpp"

#include "assets/assets.hpp"
#include "core/error.hpp"
#include "http/elastic_task_queue.hpp"
#include "http/error_responses.hpp"
#include "http/route_context.hpp"
#include "render/html_writer.hpp"

#include <httplib.h>

#include <atomic>
#include <charconv>
#include <iostream>
#include <sys/socket.h>

namespace storybank::http {
namespace {

std::string_view page_message_for(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::NotFound:
            return "web-error-not-found";
        case ErrorKind::InvalidRequest:
        case ErrorKind::UnreadableInput:
        case ErrorKind::Conflict:
        case ErrorKind::Forbidden:
        case ErrorKind::PreconditionRequired:
            return "web-error-bad-request";
        case ErrorKind::Unauthenticated:
            return "web-error-unauthenticated";
        case ErrorKind::TooManyRequests:
            return "web-error-too-many-requests";
        case ErrorKind::Unavailable:
            return "web-error-unavailable";
        case ErrorKind::Internal:
            break;
    }
    return "web-error-internal";
}

void set_security_headers(httplib::Response& response) {
    // No inline script anywhere: pages and the web app load scripts from this origin only.
    response.set_header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Cross-Origin-Opener-Policy", "same-origin");
}

bool is_upload_route(const std::string& path) {
    return path.starts_with("/api/v1/documents") || path.ends_with("/photos");
}

}  // namespace

struct Server::Implementation {
    Implementation(ServerServices given, ServerOptions settings) : services(given), options(std::move(settings)) {}

    ServerServices services;
    ServerOptions options;
    httplib::Server server;
    PublicStoryCache public_stories;
    RouteContext context{
        server,  services.stories, services.accounts, services.webhooks, services.documents, services.messages,
        options, public_stories};
    std::atomic<int> listening_socket{-1};
    int bound_port = 0;

    void install_routes();
    void install_error_handlers();
};

void Server::Implementation::install_routes() {
    server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("ok\n", "text/plain; charset=utf-8");
    });
    server.Get("/api/v1/openapi.yaml", [](const httplib::Request&, httplib::Response& response) {
        auto spec = assets::find("docs/openapi.yaml");
        if (!spec) {
            throw Error(ErrorKind::NotFound, "this build carries no API description");
        }
        response.set_header("ETag", std::string(spec->etag));
        response.set_content(std::string(spec->bytes), "application/yaml");
    });
    install_session_routes(context);
    install_story_routes(context);
    install_story_workflow_routes(context);
    install_audit_routes(context);
    install_upload_routes(context);
    install_document_routes(context);
    install_annotation_routes(context);
    install_template_routes(context);
    install_web_app_routes(context);
    install_webhook_routes(context);
    install_admin_routes(context);
    install_statistics_routes(context);
    install_place_routes(context);
    install_page_routes(context);
}

void Server::Implementation::install_error_handlers() {
    // Limits per route, from the announced length, before cpp-httplib reads the body into memory. A chunked body
    // (no length) is bounded by the payload limit, the largest of all.
    server.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
        if (!request.has_header("Content-Length")) {
            return httplib::Server::HandlerResponse::Unhandled;
        }
        std::size_t limit = is_upload_route(request.path) ? options.upload_body_limit : options.json_body_limit;
        std::string announced = request.get_header_value("Content-Length");
        std::size_t length = 0;
        auto [end, error] = std::from_chars(announced.data(), announced.data() + announced.size(), length);
        if (error == std::errc::result_out_of_range || (error == std::errc() && length > limit)) {
            response.status = 413;
            response.set_content(problem_json(ErrorKind::InvalidRequest, "the request body is too large: at most " +
                                                                             std::to_string(limit) + " bytes here"),
                                 std::string(kProblemJson));
            set_security_headers(response);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_post_routing_handler(
        [](const httplib::Request&, httplib::Response& response) { set_security_headers(response); });
    server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) {
            return;
        }
        std::string message;
        ErrorKind kind = ErrorKind::InvalidRequest;
        if (response.status == 404) {
            kind = ErrorKind::NotFound;
            message = "there is no such page: " + request.path;
        } else if (response.status == 413) {
            message = "the request body is too large";
        } else {
            message = "the request failed";
        }
        response.set_content(problem_json(kind, message), std::string(kProblemJson));
    });
    server.set_exception_handler([this](const httplib::Request& request, httplib::Response& response,
                                        std::exception_ptr exception) {
        ErrorKind kind = ErrorKind::Internal;
        std::string message = "an internal error occurred; the details are in the server log";
        try {
            std::rethrow_exception(exception);
        } catch (const Error& error) {
            kind = error.kind();
            message = error.public_message();
            if (kind == ErrorKind::Internal || kind == ErrorKind::Unavailable) {
                std::cerr << "storybank: " << request.method << ' ' << request.path << ": " << error.what()
                          << (error.detail().empty() ? "" : " (" + error.detail() + ")") << '\n';
            }
        } catch (const std::exception& error) {
            std::cerr << "storybank: " << request.method << ' ' << request.path << ": " << error.what() << '\n';
        }
        response.status = status_for(kind);
        if (request.path.starts_with("/api/")) {
            response.set_content(problem_json(kind, message), std::string(kProblemJson));
        } else {
            // Pages speak the reader's language; the English detail stays in the API and the log.
            std::string body = "<main><h1>" + std::to_string(response.status) + "</h1><p>" +
                               render::escape_html(services.messages.render(options.language, page_message_for(kind))) +
                               "</p><p><a href=\"/\">" +
                               render::escape_html(services.messages.render(options.language, "web-back-to-list")) +
                               "</a></p></main>";
            response.set_content(render::html_page("storybank", body, options.language), std::string(kHtml));
        }
        set_security_headers(response);
    });
}

Server::Server(ServerServices services, ServerOptions options)
    : m_implementation(std::make_unique<Implementation>(services, std::move(options))) {
    auto& implementation = *m_implementation;
    auto& server = implementation.server;
    const ServerOptions& settings = implementation.options;
    // Defaults of cpp-httplib that hurt (dependency facts): Nagle's 40 ms stall, 8 threads, unbounded payloads.
    server.set_tcp_nodelay(true);
    auto threads = static_cast<std::size_t>(std::max(2, settings.threads));
    // Threads start as connections need them (elastic_task_queue.hpp), so the limit can exceed the number of
    // clients served at once, slow ones included, without costing memory when idle.
    server.new_task_queue = [threads] { return make_elastic_task_queue(threads); };
    server.set_keep_alive_max_count(static_cast<std::size_t>(settings.keep_alive_requests));
    server.set_keep_alive_timeout(settings.keep_alive_seconds);
    server.set_payload_max_length(std::max(settings.json_body_limit, settings.upload_body_limit));
    server.set_read_timeout(settings.read_timeout_seconds, 0);
    server.set_write_timeout(10, 0);
    // The listening socket's descriptor, to raise its backlog after bind (the library's is compiled in as 5).
    server.set_socket_options([&implementation](socket_t socket) {
        int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        implementation.listening_socket = socket;
    });
    implementation.install_error_handlers();
    implementation.install_routes();
}

Server::~Server() = default;

int Server::bind() {
    auto& implementation = *m_implementation;
    const auto& options = implementation.options;
    if (options.port == 0) {
        implementation.bound_port = implementation.server.bind_to_any_port(options.host);
    } else if (implementation.server.bind_to_port(options.host, options.port)) {
        implementation.bound_port = options.port;
    } else {
        implementation.bound_port = -1;
    }
    if (implementation.bound_port <= 0) {
        throw Error(ErrorKind::Unavailable, "cannot listen on " + options.host + ":" + std::to_string(options.port) +
                                                "; is another program using that port? Choose another with --port");
    }
    // Linux applies a second listen() on a listening socket: the queue grows from 5 to the configured size.
    if (implementation.listening_socket >= 0) {
        ::listen(implementation.listening_socket, options.listen_backlog);
    }
    return implementation.bound_port;
}

void Server::serve() {
    m_implementation->server.listen_after_bind();
}

void Server::stop() {
    // cpp-httplib's stop() does nothing until its listen loop has begun, so a stop that came first (a test that ends
    // at once, a signal during start-up) would leave serve() accepting for ever. Shutting the listening socket down
    // makes accept() fail, before or after the loop begins; the library then closes it.
    if (int socket = m_implementation->listening_socket.load(); socket >= 0) {
        ::shutdown(socket, SHUT_RDWR);
    }
    m_implementation->server.stop();
}

int Server::port() const {
    return m_implementation->bound_port;
}

}  // namespace storybank::http
