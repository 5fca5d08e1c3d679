#include "cli/commands.hpp"
#include "cli/composition.hpp"
#include "core/error.hpp"
#include "core/story_json.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace storybank::cli {
namespace {

/// Writes each kept photo (not the thumbnails) as DIR/<sha256>.<ext>; a file already there has the same bytes.
void write_photos(const std::filesystem::path& folder, const service::PreparedStory& prepared) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
        throw Error(ErrorKind::Unavailable,
                    "the media folder '" + folder.string() + "' cannot be created: " + error.message());
    }
    for (const auto& stored : prepared.attachments) {
        if (stored.thumbnail_sha256.empty()) {
            continue;  // a thumbnail
        }
        std::filesystem::path path =
            folder / (stored.attachment.sha256 + "." +
                      std::string(service::extension_for_media_type(stored.attachment.media_type)));
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(stored.bytes.data(), static_cast<std::streamsize>(stored.bytes.size()));
        if (!out) {
            throw Error(ErrorKind::Unavailable, "the photo '" + path.string() + "' cannot be written");
        }
    }
}

}  // namespace

int run_parse(const GlobalOptions& options, const ParseArguments& arguments) {
    auto application = make_application(options, NeedsStore::No);
    ingest::SourceFile file{arguments.file, read_file(arguments.file)};
    service::PreparedStory prepared = application->reader.read(file, arguments.template_id);
    if (!arguments.media_dir.empty()) {
        write_photos(arguments.media_dir, prepared);
    }
    std::cout << core::to_canonical_json(prepared.story, application->messages, options.language,
                                         arguments.compact ? core::JsonLayout::Compact : core::JsonLayout::Indented)
              << '\n';
    return 0;
}

}  // namespace storybank::cli
