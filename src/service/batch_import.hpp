#pragma once

#include "ingest/source_file.hpp"
#include "service/story_service.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace storybank::service {

enum class BatchOutcome : std::uint8_t {
    Imported,              ///< a new story, no problems
    ImportedWithProblems,  ///< a new story with error or warning problems
    Duplicate,             ///< the same bytes were imported before: nothing added
    Failed,                ///< not a story, unreadable, or refused: nothing stored
};

std::string_view batch_outcome_name(BatchOutcome outcome);

struct BatchFileResult {
    std::string path;
    BatchOutcome outcome = BatchOutcome::Failed;
    std::int64_t story_id = 0;
    int errors = 0;
    int warnings = 0;
    std::string reason;   ///< why it failed (for Failed)
    ImportReport report;  ///< the story as read (empty for Failed)
};

struct BatchProgress {
    std::size_t done = 0;
    std::size_t total = 0;
    std::chrono::steady_clock::duration elapsed{};
};

struct BatchOptions {
    int threads = 2;  ///< files read and photos processed at once; the store has one writer
    std::string template_id;
    std::string author = "import";
    /// Gives a file's bytes; throws Error(UnreadableInput) naming the path when it cannot be read.
    std::function<ingest::SourceFile(const std::string& path)> load;
    /// Called on the calling thread after each file is stored (or has failed), in the order they finish.
    std::function<void(const BatchFileResult&, const BatchProgress&)> on_file;
    /// Set (by a signal handler) to stop: no new file is started, the files read so far are still stored.
    const std::atomic<bool>* stop = nullptr;
};

struct BatchSummary {
    std::vector<BatchFileResult> files;  ///< in the order they were stored
    std::size_t total = 0;               ///< files asked for
    bool interrupted = false;
    std::chrono::steady_clock::duration elapsed{};
    std::size_t count(BatchOutcome outcome) const;
};

/// Imports many files: several threads read them and process their photos while the calling thread stores them
/// one at a time, each in its own transaction. A story acknowledged through on_file is stored; an interrupted
/// run stores nothing half, and running it again skips what is there (files are known by their SHA-256).
BatchSummary import_batch(StoryService& stories, const std::vector<std::string>& paths, const BatchOptions& options);

}  // namespace storybank::service
