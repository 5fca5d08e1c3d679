#pragma once

#include "service/batch_import.hpp"

#include <string>

namespace storybank::cli {

/// Writes what happened to each file of an import as JSON: {"total", "seconds", "interrupted", "counts": {…},
/// "files": [{"path", "outcome", "story_id", "errors", "warnings", "reason"}]}.
/// Throws Error(Unavailable) naming the file when it cannot be written.
void write_import_report(const std::string& path, const service::BatchSummary& summary);

}  // namespace storybank::cli
