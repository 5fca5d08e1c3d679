#pragma once

#include <optional>
#include <string_view>
#include <vector>

/// Files compiled into the binary (resources/resources.txt): templates, translations, the web app.
///
/// Development knob: when the environment variable STORYBANK_ASSETS_DIR names a source tree (the repository
/// root), find() and list() read the files from it instead (resources/templates/…, resources/i18n/…,
/// web/dist/…), so templates, translations and the web app can change without a rebuild. Never set in
/// production; see src/assets/README.md.
namespace storybank::assets {

struct Asset {
    std::string_view path;        ///< "templates/success-story.json", "web/index.html"
    std::string_view media_type;  ///< "application/json", "text/html; charset=utf-8"
    std::string_view etag;        ///< a quoted HTTP entity tag, e.g. "\"3f2a9c0d41b7e816\"", changes with the bytes
    std::string_view bytes;
};

/// The asset at `path` (no leading '/'). std::nullopt when there is none, including for paths with '..', '.',
/// empty parts or backslashes. The views stay valid until the program exits.
std::optional<Asset> find(std::string_view path);

/// The paths of all assets starting with `prefix` ("" for all, "templates/", "i18n/"), sorted. The views stay
/// valid until the program exits.
std::vector<std::string_view> list(std::string_view prefix);

}  // namespace storybank::assets
