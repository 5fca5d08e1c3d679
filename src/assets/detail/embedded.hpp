#pragma once

#include <span>
#include <string_view>

/// The interface between src/assets/assets.cpp and the file scripts/embed_resources.py generates in the build
/// folder (assets_generated.cpp). Only assets.cpp and the generated file include it.
namespace storybank::assets::detail {

struct EmbeddedFile {
    std::string_view path;        ///< "templates/success-story.json"
    std::string_view media_type;  ///< "application/json"
    std::string_view etag;        ///< quoted: "\"0123456789abcdef\"" (start of the SHA-256 of the bytes)
    std::string_view bytes;
};

/// Where the files under an asset path prefix come from, relative to the source tree, for the
/// STORYBANK_ASSETS_DIR override: "templates/" → "resources/templates/", "web/" → "web/dist/". A prefix without a
/// final '/' is one file listed at the top of resources/ ("favicon.ico" → "resources/favicon.ico").
struct Mount {
    std::string_view asset_prefix;
    std::string_view source_folder;
};

struct MediaType {
    std::string_view extension;  ///< with the dot: ".json"
    std::string_view media_type;
};

/// Every embedded file, sorted by path (byte order).
std::span<const EmbeddedFile> embedded_files();
/// The list's mounts, longest asset prefix first.
std::span<const Mount> mounts();
/// The generator's extension table, sorted by extension.
std::span<const MediaType> media_types();

}  // namespace storybank::assets::detail
