#include "service/data_export.hpp"

#include "core/error.hpp"
#include "core/story_json.hpp"
#include "core/workflow.hpp"
#include "render/xlsx_writer.hpp"
#include "service/document_labels.hpp"

#include <fstream>
#include <unistd.h>

namespace storybank::service {
namespace {

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

/// A temporary file removed when it goes out of scope.
class TemporaryFile {
public:
    explicit TemporaryFile(const std::filesystem::path& folder) {
        std::string pattern = (folder / "storybank-export-XXXXXX.xlsx").string();
        int fd = mkstemps(pattern.data(), 5);
        if (fd < 0) {
            throw Error(ErrorKind::Unavailable, "cannot create a temporary file in '" + folder.string() +
                                                    "'; check it exists and is writable (TMPDIR)");
        }
        ::close(fd);
        m_path = pattern;
    }
    ~TemporaryFile() {
        std::error_code ignored;
        std::filesystem::remove(m_path, ignored);
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:  // data
    std::filesystem::path m_path;
};

}  // namespace

DataFormat parse_data_format(std::string_view name) {
    if (name == "csv") {
        return DataFormat::Csv;
    }
    if (name == "xlsx") {
        return DataFormat::Xlsx;
    }
    if (name == "json") {
        return DataFormat::Json;
    }
    if (name == "ndjson") {
        return DataFormat::Ndjson;
    }
    throw Error(ErrorKind::InvalidRequest,
                "the data format must be csv, xlsx, json or ndjson, not '" + std::string(name) + "'");
}

std::size_t export_data(store::Store& store,
                        const TemplateCatalog& templates,
                        const core::MessageCatalog& messages,
                        const DataExportRequest& request,
                        std::ostream& out,
                        const render::Progress& progress) {
    std::vector<std::int64_t> ids = select_stories(store, request.selection);
    render::DocumentLabels labels = document_labels(messages, request.language);
    const core::Template& columns_template =
        request.template_id.empty() ? templates.default_template() : templates.get(request.template_id);
    render::StoryTable table(columns_template, labels, request.personal_data);

    auto record_of = [&](std::int64_t id) {
        render::StoryRecord record;
        auto summary = store.find_story(id);
        record.id = id;
        if (summary) {
            record.status = std::string(core::workflow_state_name(summary->status));
            record.created_at = summary->created_at;
            record.updated_at = summary->updated_at;
            record.tags = summary->tags;
        }
        record.story = store.revision(id).story;
        return record;
    };
    auto report = [&](std::size_t done) {
        if (progress) {
            progress(done, ids.size());
        }
    };

    switch (request.format) {
        case DataFormat::Csv: {
            render::CsvWriter csv(out, request.csv_dialect);
            csv.row(table.story_header());
            for (std::size_t index = 0; index < ids.size(); ++index) {
                csv.row(table.rows(record_of(ids[index])).story);
                report(index + 1);
            }
            break;
        }
        case DataFormat::Xlsx: {
            TemporaryFile file(request.temporary_dir);
            auto workbook = render::XlsxWriter::create(file.path(), table, labels);
            for (std::size_t index = 0; index < ids.size(); ++index) {
                workbook->add(table.rows(record_of(ids[index])));
                report(index + 1);
            }
            workbook->close();
            std::ifstream in(file.path(), std::ios::binary);
            out << in.rdbuf();
            break;
        }
        case DataFormat::Json:
        case DataFormat::Ndjson: {
            bool lines = request.format == DataFormat::Ndjson;
            if (!lines) {
                out << "[\n";
            }
            for (std::size_t index = 0; index < ids.size(); ++index) {
                render::StoryRecord record = record_of(ids[index]);
                const core::Template& story_template = templates.get(record.story.template_id);
                core::Story shown = request.personal_data == render::PersonalData::Include
                                        ? std::move(record.story)
                                        : render::public_story(record.story, story_template, labels.quote_withheld);
                std::string json =
                    core::to_canonical_json(shown, messages, request.language, core::JsonLayout::Compact);
                // The canonical document with the store's id and status in front (extra keys are allowed).
                json.insert(1,
                            "\"id\":" + std::to_string(record.id) + ",\"status\":" + json_string(record.status) + ",");
                out << json << (lines ? "\n" : index + 1 < ids.size() ? ",\n" : "\n");
                report(index + 1);
            }
            if (!lines) {
                out << "]\n";
            }
            break;
        }
    }
    out.flush();
    if (!out) {
        throw Error(ErrorKind::Unavailable, "the export could not be written completely; check the disk has space");
    }
    return ids.size();
}

}  // namespace storybank::service
