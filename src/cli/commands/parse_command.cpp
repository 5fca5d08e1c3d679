#include "cli/commands.hpp"
#include "cli/composition.hpp"
#include "core/error.hpp"
#include "core/story_json.hpp"

#include <filesystem>
#include <iostream>

namespace storybank::cli {

int run_parse(const GlobalOptions& options, const ParseArguments& arguments) {
    auto application = make_application(options, NeedsStore::No);
    ingest::SourceFile file{arguments.file, read_file(arguments.file)};
    core::Story story = service::parse_story_file(file, application->templates, arguments.template_id);
    if (!arguments.media_dir.empty()) {
        // Photos embedded in documents are written here once they are processed; text stories carry none,
        // but the folder is made so scripts can rely on it.
        std::error_code error;
        std::filesystem::create_directories(arguments.media_dir, error);
        if (error) {
            throw Error(ErrorKind::Unavailable,
                        "the media folder '" + arguments.media_dir + "' cannot be created: " + error.message());
        }
    }
    std::cout << core::to_canonical_json(story, application->messages, options.language,
                                         arguments.compact ? core::JsonLayout::Compact : core::JsonLayout::Indented)
              << '\n';
    return 0;
}

}  // namespace storybank::cli
