#include "cli/commands.hpp"
#include "cli/composition.hpp"
#include "cli/progress_bar.hpp"
#include "cli/story_filter.hpp"
#include "core/error.hpp"
#include "service/booklet.hpp"
#include "service/data_export.hpp"
#include "service/story_export.hpp"
#include "service/story_selection.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace storybank::cli {
namespace {

/// A file written under a temporary name and renamed into place when complete, so that a failed export never
/// leaves half a document where the previous one was.
class OutputFile {
public:
    explicit OutputFile(const std::string& path) : m_path(path), m_partial(path + ".partial") {
        m_out.open(m_partial, std::ios::binary | std::ios::trunc);
        if (!m_out) {
            throw Error(ErrorKind::Unavailable, "cannot write '" + path + "'; check the folder exists and is writable");
        }
    }
    ~OutputFile() {
        if (!m_committed) {
            std::error_code ignored;
            std::filesystem::remove(m_partial, ignored);
        }
    }
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    std::ostream& stream() { return m_out; }
    void commit() {
        m_out.close();
        std::error_code error;
        if (!m_out || (std::filesystem::rename(m_partial, m_path, error), error)) {
            throw Error(ErrorKind::Unavailable, "cannot write '" + m_path + "'; check the disk has space");
        }
        m_committed = true;
    }

private:  // data
    std::string m_path;
    std::string m_partial;
    std::ofstream m_out;
    bool m_committed = false;
};

bool binary_format(service::ExportFormat format) {
    return format == service::ExportFormat::Pdf || format == service::ExportFormat::Docx;
}

std::string today(const Application& application) {
    return application.clock.now_iso8601().substr(0, 10);
}

/// Writes to the file, or to standard output unless that is a terminal and the content is binary.
template <typename Write>
void write_to(const std::string& output, bool binary, std::string_view what, Write&& write) {
    if (output.empty() || output == "-") {
        if (binary && isatty(1) != 0) {
            throw Error(ErrorKind::InvalidRequest,
                        "a " + std::string(what) + " is not shown on a terminal; write it to a file with -o FILE");
        }
        write(std::cout);
        std::cout.flush();
        return;
    }
    OutputFile file(output);
    write(file.stream());
    file.commit();
}

service::StorySelection selection_of(const SelectionArguments& arguments) {
    service::StorySelection selection;
    selection.ids = arguments.ids;
    selection.query = arguments.query;
    selection.filter = to_story_filter(arguments.filter);
    return selection;
}

}  // namespace

int run_export(const GlobalOptions& options, const ExportArguments& arguments) {
    service::ExportFormat format = service::parse_export_format(arguments.format);
    service::DocumentOptions document;
    document.paper = service::parse_paper_size(arguments.paper);
    auto application = make_application(options, NeedsStore::Yes);
    core::Revision revision = application->stories->story(arguments.id, arguments.revision);
    const core::Template& story_template = application->templates.get(revision.story.template_id);
    document.date = today(*application);
    document.photo_bytes = service::stored_photos(*application->store);
    std::string content = service::export_story(
        revision.story, story_template, format, application->messages, options.language,
        arguments.public_profile ? render::PersonalData::Omit : render::PersonalData::Include, document);
    write_to(arguments.output, binary_format(format), arguments.format, [&](std::ostream& out) {
        out << content;
        if (!binary_format(format) && !content.ends_with('\n')) {
            out << '\n';
        }
    });
    return 0;
}

int run_booklet(const GlobalOptions& options, const BookletArguments& arguments) {
    service::BookletRequest request;
    request.selection = selection_of(arguments.selection);
    std::string format = arguments.format;
    if (format.empty()) {
        format = std::filesystem::path(arguments.output).extension() == ".docx" ? "docx" : "pdf";
    }
    if (format != "pdf" && format != "docx") {
        throw Error(ErrorKind::InvalidRequest, "a booklet is pdf or docx, not '" + format + "'");
    }
    request.format = format == "docx" ? service::BookletFormat::Docx : service::BookletFormat::Pdf;
    request.title = arguments.title;
    request.consortium = arguments.consortium;
    request.period = arguments.period;
    request.language = options.language;
    request.personal_data = arguments.with_personal_data ? render::PersonalData::Include : render::PersonalData::Omit;
    request.paper = service::parse_paper_size(arguments.paper);
    auto application = make_application(options, NeedsStore::Yes);
    request.date = today(*application);
    ProgressBar progress("booklet");
    std::size_t count = 0;
    write_to(arguments.output, true, "booklet", [&](std::ostream& out) {
        count = service::write_booklet(*application->store, application->templates, application->messages, request, out,
                                       [&](std::size_t done, std::size_t total) { progress.update(done, total); });
    });
    if (!arguments.output.empty() && arguments.output != "-") {
        std::cerr << application->messages.render(options.language, "cli-booklet-written",
                                                  {{"count", std::to_string(count)}, {"file", arguments.output}})
                  << '\n';
    }
    return 0;
}

int run_export_data(const GlobalOptions& options, const ExportDataArguments& arguments) {
    service::DataExportRequest request;
    request.format = service::parse_data_format(arguments.format);
    request.selection = selection_of(arguments.selection);
    request.language = options.language;
    request.personal_data = arguments.public_profile ? render::PersonalData::Omit : render::PersonalData::Include;
    request.csv_dialect = arguments.excel_fr ? render::CsvDialect::ExcelFrench : render::CsvDialect::Standard;
    request.template_id = arguments.selection.filter.template_id;
    auto application = make_application(options, NeedsStore::Yes);
    ProgressBar progress("export");
    write_to(arguments.output, request.format == service::DataFormat::Xlsx, arguments.format, [&](std::ostream& out) {
        service::export_data(*application->store, application->templates, application->messages, request, out,
                             [&](std::size_t done, std::size_t total) { progress.update(done, total); });
    });
    return 0;
}

}  // namespace storybank::cli
