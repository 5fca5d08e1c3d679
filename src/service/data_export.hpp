#pragma once

#include "core/message_catalog.hpp"
#include "render/csv_writer.hpp"
#include "render/pdf_booklet_writer.hpp"
#include "service/story_selection.hpp"
#include "service/template_catalog.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

namespace storybank::service {

enum class DataFormat : std::uint8_t { Csv, Xlsx, Json, Ndjson };

/// "csv", "xlsx", "json" or "ndjson"; throws Error(InvalidRequest) naming the accepted formats otherwise.
DataFormat parse_data_format(std::string_view name);

struct DataExportRequest {
    StorySelection selection;
    DataFormat format = DataFormat::Csv;
    std::string language = "fr";  ///< of column headers and sheet names
    render::PersonalData personal_data = render::PersonalData::Omit;
    render::CsvDialect csv_dialect = render::CsvDialect::Standard;
    std::string template_id;  ///< whose fields make the columns; empty: the default template
    /// XLSX only: where libxlsxwriter keeps its temporary files and the workbook before it is copied to `out`.
    std::filesystem::path temporary_dir = std::filesystem::temp_directory_path();
};

/// Writes the selected stories (current revisions) as data, streaming: one story is read and written at a time,
/// so the memory used does not grow with the number of stories. CSV: one row per story, UTF-8 with a BOM. XLSX:
/// a sheet of stories, one of testimonies and one of photos. JSON: one array of canonical story documents (with
/// "id" and "status" added); NDJSON: one such document per line. Returns the number of stories. Throws
/// Error(Unavailable) when the output cannot be written.
std::size_t export_data(store::Store& store,
                        const TemplateCatalog& templates,
                        const core::MessageCatalog& messages,
                        const DataExportRequest& request,
                        std::ostream& out,
                        const render::Progress& progress = {});

}  // namespace storybank::service
