// Documents: one story as PDF, Word, Markdown, HTML or JSON; booklets; stories as data (CSV, XLSX, JSON, NDJSON).
// Each is an attachment the browser saves; what goes in it is decided by service::StoryDocuments.
#include "core/error.hpp"
#include "http/route_context.hpp"
#include "service/story_documents.hpp"

#include <httplib.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <semaphore>
#include <thread>
#include <unistd.h>

namespace storybank::http {
namespace {

constexpr std::string_view kRead = "stories:read";
// A booklet preview: one page as an image, this wide in pixels by default, within these bounds.
constexpr int kPreviewWidth = 800;
constexpr int kNarrowestPreview = 200;
constexpr int kWidestPreview = 1600;
constexpr int kMostPreviewPages = 100000;

/// Booklets and large exports take seconds of a core each: this many at once, the others wait their turn a
/// little, then are told to come back, so that a burst of them cannot take every core from the API.
class DocumentSlots {
public:
    DocumentSlots() : m_slots(std::clamp<std::ptrdiff_t>(std::thread::hardware_concurrency(), 1, 16)) {}

    class Held {
    public:
        explicit Held(std::counting_semaphore<16>& slots) : m_slots(slots) {}
        ~Held() { m_slots.release(); }
        Held(const Held&) = delete;
        Held& operator=(const Held&) = delete;

    private:
        std::counting_semaphore<16>& m_slots;
    };

    /// A slot, or Error(TooManyRequests) after waiting `patience` for one.
    std::unique_ptr<Held> take(std::chrono::seconds patience) {
        if (!m_slots.try_acquire_for(patience)) {
            throw Error(ErrorKind::TooManyRequests, "other documents are being made; ask again in a minute");
        }
        return std::make_unique<Held>(m_slots);
    }

private:  // data
    std::counting_semaphore<16> m_slots;
};

/// A document written to a temporary file and then sent from it, so that a booklet or an export of any size is
/// never held in memory whole, and a failure while writing is answered as an error, not as half a file.
class SpooledDocument {
public:
    SpooledDocument() {
        std::string pattern = (std::filesystem::temp_directory_path() / "storybank-document-XXXXXX").string();
        int descriptor = ::mkstemp(pattern.data());
        if (descriptor < 0) {
            throw Error(ErrorKind::Unavailable, "cannot make a temporary file for the document in '" +
                                                    std::filesystem::temp_directory_path().string() +
                                                    "'; check that the folder (TMPDIR) is writable and has space");
        }
        ::close(descriptor);
        m_path = pattern;
        m_out.open(m_path, std::ios::binary | std::ios::trunc);
    }
    ~SpooledDocument() {
        std::error_code ignored;
        std::filesystem::remove(m_path, ignored);
    }
    SpooledDocument(const SpooledDocument&) = delete;
    SpooledDocument& operator=(const SpooledDocument&) = delete;

    std::ostream& stream() { return m_out; }

    /// Answers with the file as an attachment. The file is unlinked once opened: it goes when the answer is sent.
    void send(httplib::Response& response, std::string_view media_type, const std::string& file_name) {
        m_out.close();
        if (!m_out) {
            throw Error(ErrorKind::Unavailable,
                        "cannot write the document to a temporary file; check the disk has space");
        }
        auto in = std::make_shared<std::ifstream>(m_path, std::ios::binary);
        std::size_t size = std::filesystem::file_size(m_path);
        std::error_code ignored;
        std::filesystem::remove(m_path, ignored);
        response.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
        response.set_content_provider(
            size, std::string(media_type), [in](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                std::array<char, 64 * 1024> buffer{};
                in->seekg(static_cast<std::streamoff>(offset));
                in->read(buffer.data(), static_cast<std::streamsize>(std::min(length, buffer.size())));
                std::streamsize got = in->gcount();
                return got > 0 && sink.write(buffer.data(), static_cast<std::size_t>(got));
            });
    }

private:  // data
    std::filesystem::path m_path;
    std::ofstream m_out;
};

std::string_view extension_of(service::ExportFormat format) {
    switch (format) {
        case service::ExportFormat::Json:
            return "json";
        case service::ExportFormat::Markdown:
            return "md";
        case service::ExportFormat::Html:
            return "html";
        case service::ExportFormat::Pdf:
            return "pdf";
        case service::ExportFormat::Docx:
            return "docx";
    }
    return "bin";
}

std::string_view extension_of(service::DataFormat format) {
    switch (format) {
        case service::DataFormat::Csv:
            return "csv";
        case service::DataFormat::Xlsx:
            return "xlsx";
        case service::DataFormat::Json:
            return "json";
        case service::DataFormat::Ndjson:
            return "ndjson";
    }
    return "bin";
}

std::string_view media_type_of(service::DataFormat format) {
    switch (format) {
        case service::DataFormat::Csv:
            return "text/csv; charset=utf-8";
        case service::DataFormat::Xlsx:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        case service::DataFormat::Json:
            return "application/json; charset=utf-8";
        case service::DataFormat::Ndjson:
            return "application/x-ndjson; charset=utf-8";
    }
    return "application/octet-stream";
}

/// The language of a document: ?lang=fr|en (the web app's choice), else the request's.
std::string document_language(const RouteContext& context, const httplib::Request& request) {
    std::string asked = request.get_param_value("lang");
    if (asked.empty()) {
        return context.language(request);
    }
    if (asked != "fr" && asked != "en") {
        throw Error(ErrorKind::InvalidRequest, "the parameter 'lang' must be fr or en, not '" + asked + "'");
    }
    return asked;
}

bool flag(const httplib::Request& request, const char* name) {
    std::string value = request.get_param_value(name);
    if (value.empty() || value == "false") {
        return false;
    }
    if (value != "true") {
        throw Error(ErrorKind::InvalidRequest, std::string("the parameter '") + name + "' must be true or false");
    }
    return true;
}

/// ?personal_data=include asks for contact details and what has no consent; anything else is the public version.
render::PersonalData personal_data_of(const httplib::Request& request) {
    std::string value = request.get_param_value("personal_data");
    if (value.empty() || value == "omit") {
        return render::PersonalData::Omit;
    }
    if (value != "include") {
        throw Error(ErrorKind::InvalidRequest, "the parameter 'personal_data' must be omit or include");
    }
    return render::PersonalData::Include;
}

/// The stories of a booklet or an export: ?id= (repeated, in that order), else ?q= (best first), else the
/// filters (the same as for lists).
service::StorySelection selection_from(const httplib::Request& request) {
    service::StorySelection selection;
    for (std::size_t i = 0, count = request.get_param_value_count("id"); i < count; ++i) {
        selection.ids.push_back(parse_id(request.get_param_value("id", i), "id"));
    }
    selection.query = request.get_param_value("q");
    selection.filter = filter_from(request);
    return selection;
}

}  // namespace

void install_document_routes(RouteContext& context) {
    auto& server = context.server;
    auto slots = std::make_shared<DocumentSlots>();

    server.Get(R"(/api/v1/stories/([^/]+)/export)",
               [&, slots](const httplib::Request& request, httplib::Response& response) {
                   Caller caller = context.caller(request);
                   caller.require_scope(kRead);
                   std::int64_t id = parse_id(request.matches[1], "the story id");
                   service::ExportFormat format = service::parse_export_format(request.get_param_value("format"));
                   int revision = int_parameter(request, "revision", 0, 0, 1000000);
                   render::PaperSize paper =
                       service::parse_paper_size(request.has_param("paper") ? request.get_param_value("paper") : "a4");
                   auto held = slots->take(std::chrono::seconds(20));
                   service::StoryDocument document =
                       context.documents.story_for(caller.subject(), id, revision, format,
                                                   document_language(context, request), paper, flag(request, "public"));
                   response.set_header("Content-Disposition", "attachment; filename=\"story-" + std::to_string(id) +
                                                                  "." + std::string(extension_of(format)) + "\"");
                   response.set_header("ETag", "\"" + std::to_string(document.revision) + "\"");
                   response.set_content(std::move(document.content), std::string(service::export_media_type(format)));
               });

    server.Get("/api/v1/booklet", [&, slots](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.require_scope(kRead);
        service::BookletRequest booklet;
        booklet.selection = selection_from(request);
        std::string format = request.has_param("format") ? request.get_param_value("format") : "pdf";
        if (format != "pdf" && format != "docx" && format != "png") {
            throw Error(ErrorKind::InvalidRequest,
                        "the parameter 'format' of a booklet must be pdf, docx, or png (one page, for a preview)");
        }
        booklet.format = format == "docx" ? service::BookletFormat::Docx : service::BookletFormat::Pdf;
        booklet.title = request.get_param_value("title");
        if (booklet.title.empty()) {
            throw Error(ErrorKind::InvalidRequest, "the parameter 'title' (the booklet's cover title) is missing");
        }
        booklet.consortium = request.get_param_value("consortium");
        booklet.period = request.get_param_value("period");
        booklet.language = document_language(context, request);
        booklet.personal_data = personal_data_of(request);
        booklet.paper = service::parse_paper_size(request.has_param("paper") ? request.get_param_value("paper") : "a4");
        if (format == "png") {
            int page = int_parameter(request, "page", 1, 1, kMostPreviewPages);
            int width = int_parameter(request, "width", kPreviewWidth, kNarrowestPreview, kWidestPreview);
            auto held = slots->take(std::chrono::seconds(20));
            render::PageImage image = context.documents.booklet_page_for(caller.subject(), booklet, page, width);
            response.set_header("X-Page-Count", std::to_string(image.page_count));
            // The page may show personal data: kept by no cache.
            response.set_header("Cache-Control", "no-store");
            response.set_content(std::move(image.png), "image/png");
            return;
        }
        auto held = slots->take(std::chrono::seconds(20));
        SpooledDocument document;
        context.documents.booklet_for(caller.subject(), booklet, document.stream());
        document.send(response,
                      format == "docx" ? service::export_media_type(service::ExportFormat::Docx)
                                       : service::export_media_type(service::ExportFormat::Pdf),
                      "booklet-" + context.documents.today() + "." + format);
    });

    server.Get("/api/v1/export", [&, slots](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        caller.require_scope(kRead);
        service::DataExportRequest data;
        data.format = service::parse_data_format(request.get_param_value("format"));
        data.selection = selection_from(request);
        data.language = document_language(context, request);
        data.personal_data = personal_data_of(request);
        data.csv_dialect = flag(request, "excel_fr") ? render::CsvDialect::ExcelFrench : render::CsvDialect::Standard;
        data.template_id = data.selection.filter.template_id;
        auto held = slots->take(std::chrono::seconds(20));
        SpooledDocument document;
        context.documents.data_for(caller.subject(), data, document.stream());
        document.send(response, media_type_of(data.format),
                      "stories-" + context.documents.today() + "." + std::string(extension_of(data.format)));
    });
}

}  // namespace storybank::http
