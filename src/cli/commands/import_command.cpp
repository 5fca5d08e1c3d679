#include "cli/commands.hpp"
#include "cli/composition.hpp"
#include "cli/import_report.hpp"
#include "cli/problem_lines.hpp"
#include "cli/story_file_finder.hpp"
#include "core/error.hpp"
#include "service/batch_import.hpp"

#include <malloc.h>

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace storybank::cli {
namespace {

constexpr std::size_t kRepeatFailuresAbove = 20;

std::atomic<bool> g_stop_requested = false;
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set from a signal handler");

extern "C" void request_stop(int /*signal*/) {
    g_stop_requested.store(true);
    // A second Ctrl-C ends the process at once; every stored story is a whole transaction, so that is safe too.
    std::signal(SIGINT, SIG_DFL);
}

/// Installs the Ctrl-C handler for the length of the import.
class InterruptGuard {
public:
    InterruptGuard() {
        g_stop_requested = false;
        struct sigaction action {};
        action.sa_handler = request_stop;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_previous_interrupt);
        sigaction(SIGTERM, &action, &m_previous_terminate);
    }
    ~InterruptGuard() {
        sigaction(SIGINT, &m_previous_interrupt, nullptr);
        sigaction(SIGTERM, &m_previous_terminate, nullptr);
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:  // data
    struct sigaction m_previous_interrupt {};
    struct sigaction m_previous_terminate {};
};

std::string duration_text(double seconds) {
    auto whole = static_cast<long>(std::lround(seconds));
    if (whole < 60) {
        return std::to_string(whole) + " s";
    }
    return std::to_string(whole / 60) + " min " + std::to_string(whole % 60) + " s";
}

std::string one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

/// The progress line on a terminal: a bar, files done, files/s and the time left, redrawn in place on stderr.
class ProgressLine {
public:
    ProgressLine(const core::MessageCatalog& messages, std::string language)
        : m_messages(messages), m_language(std::move(language)), m_enabled(isatty(STDERR_FILENO) == 1) {}

    void clear() {
        if (m_enabled && m_shown) {
            std::cerr << "\r\033[K" << std::flush;
            m_shown = false;
        }
    }

    void draw(const service::BatchProgress& progress) {
        if (!m_enabled || progress.total == 0) {
            return;
        }
        double seconds = std::chrono::duration<double>(progress.elapsed).count();
        double rate = seconds > 0 ? static_cast<double>(progress.done) / seconds : 0;
        double left = rate > 0 ? static_cast<double>(progress.total - progress.done) / rate : 0;
        constexpr std::size_t kWidth = 24;
        std::size_t filled = kWidth * progress.done / progress.total;
        std::string bar = "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] ";
        std::cerr << "\r\033[K" << bar
                  << m_messages.render(m_language, "cli-batch-progress",
                                       {{"done", std::to_string(progress.done)},
                                        {"total", std::to_string(progress.total)},
                                        {"rate", one_decimal(rate)},
                                        {"left", duration_text(left)}})
                  << std::flush;
        m_shown = true;
    }

private:  // data
    const core::MessageCatalog& m_messages;
    std::string m_language;
    bool m_enabled;
    bool m_shown = false;
};

}  // namespace

int run_import(const GlobalOptions& global_options, const ImportArguments& arguments) {
    unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    int jobs = arguments.jobs > 0 ? arguments.jobs : static_cast<int>(cores);
    GlobalOptions options = global_options;
    if (jobs > 1) {
        // Files in parallel, each photo on one thread: as fast, and far less memory than every photo on every
        // core; and few malloc arenas, so the megabytes a photo frees are reused by the next one instead of
        // staying in one arena per thread (bench/import_bench: 313 MB → about 210 MB peak at --jobs 2).
        options.photo_threads = 1;
        mallopt(M_ARENA_MAX, 2);
    }
    auto application = make_application(options, NeedsStore::Yes);
    const auto& messages = application->messages;
    FoundFiles found = find_story_files(arguments.files, arguments.recursive);

    ProgressLine progress_line(messages, options.language);
    service::BatchOptions batch;
    batch.threads = jobs;
    batch.template_id = arguments.template_id;
    batch.author = "cli";
    batch.load = [](const std::string& path) { return ingest::SourceFile{path, read_file(path)}; };
    batch.stop = &g_stop_requested;
    batch.on_file = [&](const service::BatchFileResult& file, const service::BatchProgress& progress) {
        progress_line.clear();
        if (file.outcome == service::BatchOutcome::Failed) {
            std::cerr << "storybank: " << file.reason << '\n';
        } else {
            // One line per file, written as soon as the story is committed, so a caller sees what is stored.
            const core::Story& story = file.report.story;
            std::string status = file.outcome == service::BatchOutcome::Duplicate
                                     ? messages.render(options.language, "cli-import-duplicate")
                                     : messages.render(options.language, "cli-import-created");
            std::cout << file.path << ": " << file.story_id << " " << status << ", "
                      << problem_summary(story, messages, options.language) << '\n'
                      << problem_lines(story, messages, options.language) << std::flush;
        }
        progress_line.draw(progress);
    };

    service::BatchSummary summary;
    {
        InterruptGuard guard;
        summary = service::import_batch(*application->stories, found.files, batch);
    }
    progress_line.clear();

    using service::BatchOutcome;
    std::size_t failed = summary.count(BatchOutcome::Failed);
    std::size_t with_problems = summary.count(BatchOutcome::ImportedWithProblems);
    // The summary goes to stderr: stdout stays one line per stored file, for scripts.
    if (summary.total > 1 || found.ignored > 0) {
        // In a long run the failures have scrolled away: list them again above the totals.
        if (failed > 0 && summary.total > kRepeatFailuresAbove) {
            std::cerr << messages.render(options.language, "cli-batch-failed-heading") << '\n';
            for (const auto& file : summary.files) {
                if (file.outcome == BatchOutcome::Failed) {
                    std::cerr << "  " << file.reason << '\n';
                }
            }
        }
        if (found.ignored > 0) {
            std::cerr << messages.render(options.language, "cli-batch-ignored",
                                         {{"count", std::to_string(found.ignored)}})
                      << '\n';
        }
        std::cerr << messages.render(
                         options.language, "cli-batch-summary",
                         {{"total", std::to_string(summary.total)},
                          {"seconds", one_decimal(std::chrono::duration<double>(summary.elapsed).count())},
                          {"imported", std::to_string(summary.count(BatchOutcome::Imported) + with_problems)},
                          {"with_problems", std::to_string(with_problems)},
                          {"duplicates", std::to_string(summary.count(BatchOutcome::Duplicate))},
                          {"failed", std::to_string(failed)}})
                  << '\n';
    }
    if (!arguments.report.empty()) {
        write_import_report(arguments.report, summary);
    }
    if (summary.interrupted) {
        std::cerr << messages.render(options.language, "cli-batch-interrupted") << '\n';
        return 130;
    }
    return failed == 0 ? 0 : 1;
}

}  // namespace storybank::cli
