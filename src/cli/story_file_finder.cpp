#include "cli/story_file_finder.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace storybank::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 7> kStoryExtensions = {".txt", ".md",  ".markdown", ".docx",
                                                              ".odt", ".pdf", ".doc"};

/// Hidden files and Word's "~$" lock files are nobody's story: skipped without a word.
bool is_hidden(const fs::path& path) {
    std::string name = path.filename().string();
    return name.starts_with('.') || name.starts_with("~$");
}

bool is_story_document(const fs::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(kStoryExtensions.begin(), kStoryExtensions.end(), extension) != kStoryExtensions.end();
}

template <typename Iterator>
void collect(Iterator iterator, const std::string& folder, FoundFiles& found) {
    std::vector<std::string> files;
    std::error_code error;
    for (auto end = Iterator(); iterator != end; iterator.increment(error)) {
        if (error) {
            break;
        }
        std::error_code type_error;
        if (!iterator->is_regular_file(type_error) || is_hidden(iterator->path())) {
            continue;
        }
        if (is_story_document(iterator->path())) {
            files.push_back(iterator->path().string());
        } else {
            ++found.ignored;
        }
    }
    if (error) {
        throw Error(ErrorKind::UnreadableInput,
                    "the folder '" + folder + "' cannot be read to the end: " + error.message());
    }
    std::sort(files.begin(), files.end());
    found.files.insert(found.files.end(), files.begin(), files.end());
}

}  // namespace

FoundFiles find_story_files(const std::vector<std::string>& paths, bool recursive) {
    FoundFiles found;
    for (const auto& path : paths) {
        std::error_code error;
        fs::file_status status = fs::status(path, error);
        if (error || !fs::exists(status)) {
            // Left to the import, which names the file in its failure, so one bad path does not stop the rest.
            found.files.push_back(path);
            continue;
        }
        if (!fs::is_directory(status)) {
            found.files.push_back(path);
            continue;
        }
        auto options = fs::directory_options::skip_permission_denied;
        if (recursive) {
            fs::recursive_directory_iterator iterator(path, options, error);
            if (error) {
                throw Error(ErrorKind::UnreadableInput, "the folder '" + path + "' cannot be read: " + error.message());
            }
            collect(std::move(iterator), path, found);
        } else {
            fs::directory_iterator iterator(path, options, error);
            if (error) {
                throw Error(ErrorKind::UnreadableInput, "the folder '" + path + "' cannot be read: " + error.message());
            }
            collect(std::move(iterator), path, found);
        }
    }
    return found;
}

}  // namespace storybank::cli
