#include "cli/commands.hpp"
#include "cli/composition.hpp"
#include "cli/problem_lines.hpp"
#include "core/error.hpp"

#include <iostream>

namespace storybank::cli {

int run_import(const GlobalOptions& options, const ImportArguments& arguments) {
    auto application = make_application(options, NeedsStore::Yes);
    int failures = 0;
    for (const auto& path : arguments.files) {
        try {
            ingest::SourceFile file{path, read_file(path)};
            service::ImportReport report = application->stories->import_file(file, arguments.template_id, "cli");
            const auto& messages = application->messages;
            std::string status = report.created ? messages.render(options.language, "cli-import-created")
                                                : messages.render(options.language, "cli-import-duplicate");
            // One line per file, written as soon as the story is committed, so a caller sees what is stored.
            std::cout << path << ": " << report.story_id << " " << status << ", "
                      << problem_summary(report.story, messages, options.language) << '\n'
                      << problem_lines(report.story, messages, options.language) << std::flush;
        } catch (const Error& error) {
            if (error.kind() != ErrorKind::UnreadableInput && error.kind() != ErrorKind::InvalidRequest) {
                throw;
            }
            ++failures;
            std::cerr << "storybank: " << error.public_message() << '\n';
        }
    }
    return failures == 0 ? 0 : 1;
}

}  // namespace storybank::cli
