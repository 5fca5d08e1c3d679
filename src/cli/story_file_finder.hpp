#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace storybank::cli {

struct FoundFiles {
    std::vector<std::string> files;  ///< named files as given, then each folder's story files in name order
    std::size_t ignored = 0;         ///< files in the folders that are not story documents (photos, spreadsheets…)
};

/// Expands the command line's files and folders into the files to import. A folder contributes its .txt, .md,
/// .docx, .odt, .pdf and .doc files (its sub-folders' too when `recursive`), leaving out hidden files and Word's
/// "~$" lock files; a file named on the command line is always taken, whatever its extension.
/// Throws Error(UnreadableInput) for a path that does not exist or a folder that cannot be listed.
FoundFiles find_story_files(const std::vector<std::string>& paths, bool recursive);

}  // namespace storybank::cli
