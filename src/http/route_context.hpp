#pragma once

#include "core/message_catalog.hpp"
#include "http/caller.hpp"
#include "http/public_story_cache.hpp"
#include "http/server.hpp"
#include "service/account_service.hpp"
#include "service/story_documents.hpp"
#include "service/story_service.hpp"
#include "service/webhook_service.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Only references to cpp-httplib's types here: its header is included by the .cpp files that use them.
namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace storybank::http {

/// JSON is UTF-8 by definition (RFC 8259) and takes no charset parameter; cpp-httplib compresses only this exact
/// type, so a parameter would leave every API answer uncompressed.
inline constexpr std::string_view kJson = "application/json";
inline constexpr std::string_view kHtml = "text/html; charset=utf-8";
inline constexpr std::string_view kProblemJson = "application/problem+json";

/// What every group of routes works with; the handlers only translate between HTTP and these services.
struct RouteContext {
    httplib::Server& server;
    service::StoryService& stories;
    service::AccountService& accounts;
    service::WebhookService& webhooks;
    service::StoryDocuments& documents;
    const core::MessageCatalog& messages;
    const ServerOptions& options;
    PublicStoryCache& public_stories;  ///< published stories' JSON for anonymous readers

    Caller caller(const httplib::Request& request) const { return identify(request, accounts); }
    /// "fr" or "en" from Accept-Language, else the server's language: for problem messages.
    std::string language(const httplib::Request& request) const;
    /// Answers a refusal (problems from a use case) as problem+json, 422 unless told otherwise.
    void refuse(const httplib::Request& request,
                httplib::Response& response,
                const std::vector<core::Problem>& problems,
                int status = 422,
                std::string_view code = "refused") const;
    /// Answers the refusal of a story write: 403 when the story is not the writer's to write, 422 otherwise.
    void refuse_story_write(const httplib::Request& request,
                            httplib::Response& response,
                            const std::vector<core::Problem>& problems) const;
};

// Request reading shared by the route groups. Each throws Error(InvalidRequest) naming the parameter.
std::int64_t parse_id(const std::string& text, const char* what);
int int_parameter(const httplib::Request& request, const char* name, int fallback, int minimum, int maximum);
store::StoryFilter filter_from(const httplib::Request& request);
/// The body of a JSON request; refuses (400) another content type, so that a plain HTML form on another site
/// cannot post to the API.
const std::string& json_body(const httplib::Request& request);
/// The revision an If-Match header names ("3" or W/"3", as this server writes ETags). Required for changes, so
/// a client that never read the story cannot overwrite it: Error(PreconditionRequired) when absent.
int if_match_revision(const httplib::Request& request);

void install_session_routes(RouteContext& context);
void install_story_routes(RouteContext& context);
void install_story_workflow_routes(RouteContext& context);
void install_audit_routes(RouteContext& context);
void install_webhook_routes(RouteContext& context);
/// Organisations, users, roles and invitations for coordinators (admin_routes.cpp).
void install_admin_routes(RouteContext& context);
/// Counts of the visible stories for dashboards (statistics_routes.cpp).
void install_statistics_routes(RouteContext& context);
/// Places by name for the story form (place_routes.cpp).
void install_place_routes(RouteContext& context);
void install_page_routes(RouteContext& context);
void install_upload_routes(RouteContext& context);
/// Story documents, booklets and data exports as attachments (document_routes.cpp).
void install_document_routes(RouteContext& context);
void install_annotation_routes(RouteContext& context);
void install_template_routes(RouteContext& context);
/// The web app under /app/ (web_app_routes.cpp).
void install_web_app_routes(RouteContext& context);

}  // namespace storybank::http
