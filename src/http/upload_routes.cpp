// Uploads: a story document (Word, ODT, PDF, text) becomes a draft; a photo joins a story; photos are read back.
#include "core/error.hpp"
#include "core/story_json.hpp"
#include "http/route_context.hpp"

#include <httplib.h>

namespace storybank::http {
namespace {

/// The uploaded file of a multipart form, by field name; Error(InvalidRequest) when it is missing.
const httplib::MultipartFormData& uploaded_file(const httplib::Request& request, const char* field) {
    if (!request.is_multipart_form_data() || !request.has_file(field)) {
        throw Error(ErrorKind::InvalidRequest,
                    std::string("send the file as multipart/form-data in the field '") + field + "'");
    }
    const auto& file = request.files.find(field)->second;
    if (file.content.empty()) {
        throw Error(ErrorKind::InvalidRequest, "the uploaded file '" + file.filename + "' is empty");
    }
    return file;
}

std::string form_value(const httplib::Request& request, const char* field) {
    auto found = request.files.find(field);
    return found != request.files.end() ? found->second.content : std::string();
}

/// The base name of an uploaded file as the browser gave it, without any folder a client may have put in it.
std::string file_name_of(const httplib::MultipartFormData& file, const char* fallback) {
    std::string name = file.filename;
    std::size_t slash = name.find_last_of("/\\");
    if (slash != std::string::npos) {
        name = name.substr(slash + 1);
    }
    return name.empty() ? fallback : name;
}

}  // namespace

void install_upload_routes(RouteContext& context) {
    auto& server = context.server;
    auto& stories = context.stories;

    server.Post("/api/v1/documents", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.signed_in();
        caller.require_scope("import");
        const auto& file = uploaded_file(request, "file");
        ingest::SourceFile source{file_name_of(file, "document"), file.content};
        auto outcome = stories.import_as(caller.subject(), source, form_value(request, "template"), caller.actor());
        if (!outcome.ok()) {
            context.refuse_story_write(request, response, outcome.problems);
            return;
        }
        const service::ImportReport& report = *outcome.value;
        core::Revision revision = stories.story_for(caller.subject(), report.story_id);
        response.status = report.created ? 201 : 200;
        response.set_header("Location", "/api/v1/stories/" + std::to_string(report.story_id));
        response.set_header("ETag", "\"" + std::to_string(revision.info.number) + "\"");
        response.set_content("{\"story_id\":" + std::to_string(report.story_id) +
                                 ",\"created\":" + (report.created ? "true" : "false") + ",\"story\":" +
                                 core::to_canonical_json(revision.story, context.messages, context.language(request),
                                                         core::JsonLayout::Compact) +
                                 "}",
                             std::string(kJson));
    });

    server.Post(R"(/api/v1/stories/([^/]+)/photos)", [&](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.signed_in();
        caller.require_scope("stories:write");
        std::int64_t id = parse_id(request.matches[1], "the story id");
        int expected = if_match_revision(request);
        const auto& file = uploaded_file(request, "file");
        std::string consent = form_value(request, "consent");
        if (!consent.empty() && consent != "true" && consent != "false") {
            throw Error(ErrorKind::InvalidRequest, "the field 'consent' must be true or false");
        }
        auto outcome = stories.add_photo(caller.subject(), id, {file_name_of(file, "photo"), file.content},
                                         form_value(request, "caption"), consent == "true", expected, caller.actor());
        if (!outcome.ok()) {
            context.refuse(request, response, outcome.problems);
            return;
        }
        core::Revision revision = stories.story_for(caller.subject(), id);
        response.status = 201;
        response.set_header("ETag", "\"" + std::to_string(revision.info.number) + "\"");
        response.set_content(core::to_canonical_json(revision.story, context.messages, context.language(request),
                                                     core::JsonLayout::Compact),
                             std::string(kJson));
    });

    server.Get(R"(/api/v1/stories/([^/]+)/photos/([0-9a-f]{64}))",
               [&](const httplib::Request& request, httplib::Response& response) {
                   Caller caller = context.caller(request);
                   caller.require_scope("stories:read");
                   std::int64_t id = parse_id(request.matches[1], "the story id");
                   bool thumbnail = request.get_param_value("size") == "thumbnail";
                   store::StoredAttachment photo =
                       stories.photo_for(caller.subject(), id, std::string(request.matches[2]), thumbnail);
                   // Content-addressed, so a copy never goes stale; but it is only for this reader.
                   response.set_header("Cache-Control", "private, max-age=86400, immutable");
                   response.set_header("ETag", "\"" + photo.attachment.sha256 + "\"");
                   response.set_content(std::move(photo.bytes), photo.attachment.media_type);
               });
}

}  // namespace storybank::http
