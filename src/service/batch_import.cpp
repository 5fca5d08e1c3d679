#include "service/batch_import.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace storybank::service {
namespace {

struct ReadResult {
    std::string path;
    std::optional<PreparedStory> prepared;
    std::string failure;
};

/// The hand-over from the reading threads to the writer, which stores files in the order they were given (so
/// story ids follow that order whatever thread finished first). Readers may run at most `window` files ahead of
/// the writer, so fast readers cannot pile up decoded photos in memory behind one slow file.
class OrderedResults {
public:
    OrderedResults(std::size_t total, std::size_t window) : m_total(total), m_window(window) {}

    /// The next file to read, or nothing when all are taken or a stop was asked for.
    std::optional<std::size_t> take(const std::function<bool()>& stopping) {
        std::unique_lock lock(m_mutex);
        m_room.wait(lock, [&] { return m_next_to_read < m_next_to_store + m_window || m_abandoned || stopping(); });
        if (m_next_to_read >= m_total || m_abandoned || stopping()) {
            return std::nullopt;
        }
        return m_next_to_read++;
    }

    void put(std::size_t index, ReadResult result) {
        std::lock_guard lock(m_mutex);
        m_done.emplace(index, std::move(result));
        m_ready.notify_one();
    }

    void reader_finished() {
        std::lock_guard lock(m_mutex);
        ++m_readers_finished;
        m_ready.notify_one();
    }

    /// The next result in order; nothing when every reader has finished and no further result is coming.
    std::optional<ReadResult> next(std::size_t readers) {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return m_done.contains(m_next_to_store) || m_readers_finished == readers; });
        auto found = m_done.find(m_next_to_store);
        if (found == m_done.end()) {
            return std::nullopt;
        }
        ReadResult result = std::move(found->second);
        m_done.erase(found);
        ++m_next_to_store;
        m_room.notify_all();
        return result;
    }

    /// Wakes readers after a stop request (the flag itself is outside, set by a signal handler).
    void wake_readers() { m_room.notify_all(); }

    void abandon() {
        std::lock_guard lock(m_mutex);
        m_abandoned = true;
        m_room.notify_all();
    }

private:  // data
    std::size_t m_total;
    std::size_t m_window;
    std::size_t m_next_to_read = 0;
    std::size_t m_next_to_store = 0;
    std::size_t m_readers_finished = 0;
    bool m_abandoned = false;
    std::map<std::size_t, ReadResult> m_done;
    std::mutex m_mutex;
    std::condition_variable m_room;
    std::condition_variable m_ready;
};

bool stop_requested(const BatchOptions& options) {
    return options.stop != nullptr && options.stop->load();
}

/// Errors a user can act on are the file's fault; anything else (a full disk, a bug) stops the batch.
bool is_file_error(const Error& error) {
    return error.kind() == ErrorKind::UnreadableInput || error.kind() == ErrorKind::InvalidRequest ||
           error.kind() == ErrorKind::NotFound;
}

}  // namespace

std::string_view batch_outcome_name(BatchOutcome outcome) {
    switch (outcome) {
        case BatchOutcome::Imported:
            return "imported";
        case BatchOutcome::ImportedWithProblems:
            return "imported_with_problems";
        case BatchOutcome::Duplicate:
            return "duplicate";
        case BatchOutcome::Failed:
            return "failed";
    }
    return "failed";
}

std::size_t BatchSummary::count(BatchOutcome outcome) const {
    return static_cast<std::size_t>(std::count_if(
        files.begin(), files.end(), [&](const BatchFileResult& file) { return file.outcome == outcome; }));
}

BatchSummary import_batch(StoryService& stories, const std::vector<std::string>& paths, const BatchOptions& options) {
    STORYBANK_ASSERT(options.load);
    auto started = std::chrono::steady_clock::now();
    BatchSummary summary;
    summary.total = paths.size();

    int threads = std::clamp(options.threads, 1, 64);
    std::size_t readers_count =
        std::min<std::size_t>(static_cast<std::size_t>(threads), std::max<std::size_t>(1, paths.size()));
    OrderedResults results(paths.size(), readers_count * 2);
    auto stopping = [&] { return stop_requested(options); };

    std::vector<std::jthread> readers;
    for (std::size_t i = 0; i < readers_count; ++i) {
        readers.emplace_back([&] {
            while (auto index = results.take(stopping)) {
                ReadResult result{paths[*index], std::nullopt, {}};
                try {
                    ingest::SourceFile file = options.load(paths[*index]);
                    result.prepared = stories.reader().read(file, options.template_id);
                } catch (const Error& error) {
                    result.failure = error.public_message();
                } catch (const std::exception& error) {
                    // A reader bug must not take the whole batch down: the file is reported and skipped.
                    result.failure = "'" + paths[*index] + "' could not be read: " + error.what();
                }
                results.put(*index, std::move(result));
            }
            results.reader_finished();
        });
    }

    try {
        while (auto result = results.next(readers_count)) {
            BatchFileResult file;
            file.path = result->path;
            if (!result->prepared) {
                file.reason = std::move(result->failure);
            } else {
                try {
                    file.report = stories.import_prepared(std::move(*result->prepared), options.author);
                    file.story_id = file.report.story_id;
                    for (const auto& problem : file.report.story.problems) {
                        (problem.severity == core::Severity::Error ? file.errors : file.warnings) += 1;
                    }
                    file.outcome = !file.report.created              ? BatchOutcome::Duplicate
                                   : file.errors + file.warnings > 0 ? BatchOutcome::ImportedWithProblems
                                                                     : BatchOutcome::Imported;
                } catch (const Error& error) {
                    if (!is_file_error(error)) {
                        throw;
                    }
                    file.reason = error.public_message();
                }
            }
            summary.files.push_back(std::move(file));
            if (options.on_file) {
                options.on_file(summary.files.back(),
                                {summary.files.size(), summary.total, std::chrono::steady_clock::now() - started});
            }
            if (stopping()) {
                results.wake_readers();
            }
        }
    } catch (...) {
        results.abandon();
        readers.clear();
        throw;
    }
    readers.clear();
    summary.interrupted = summary.files.size() < summary.total;
    summary.elapsed = std::chrono::steady_clock::now() - started;
    return summary;
}

}  // namespace storybank::service
