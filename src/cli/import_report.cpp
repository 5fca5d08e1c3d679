#include "cli/import_report.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace storybank::cli {

void write_import_report(const std::string& path, const service::BatchSummary& summary) {
    using Json = nlohmann::ordered_json;
    using service::BatchOutcome;
    Json files = Json::array();
    for (const auto& file : summary.files) {
        Json entry = {{"path", file.path}, {"outcome", std::string(service::batch_outcome_name(file.outcome))}};
        if (file.outcome == BatchOutcome::Failed) {
            entry["reason"] = file.reason;
        } else {
            entry["story_id"] = file.story_id;
            entry["errors"] = file.errors;
            entry["warnings"] = file.warnings;
        }
        files.push_back(std::move(entry));
    }
    Json report = {
        {"total", summary.total},
        {"seconds", std::chrono::duration<double>(summary.elapsed).count()},
        {"interrupted", summary.interrupted},
        {"counts",
         {{"imported", summary.count(BatchOutcome::Imported)},
          {"imported_with_problems", summary.count(BatchOutcome::ImportedWithProblems)},
          {"duplicate", summary.count(BatchOutcome::Duplicate)},
          {"failed", summary.count(BatchOutcome::Failed)},
          {"not_started", summary.total - summary.files.size()}}},
        {"files", std::move(files)},
    };
    // Written beside and renamed, so a reader never sees half a report.
    std::string partial = path + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out << report.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
        if (!out) {
            throw Error(ErrorKind::Unavailable, "the report '" + path + "' cannot be written");
        }
    }
    if (std::rename(partial.c_str(), path.c_str()) != 0) {
        throw Error(ErrorKind::Unavailable, "the report '" + path + "' cannot be written");
    }
}

}  // namespace storybank::cli
