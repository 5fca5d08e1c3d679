#include "assets/assets.hpp"

#include "assets/detail/embedded.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <system_error>

namespace storybank::assets {
namespace {

/// Development knob (CONVENTIONS.md §8.7): a source tree to read assets from instead of the embedded copy.
constexpr const char* kAssetsDirVariable = "STORYBANK_ASSETS_DIR";

/// Relative, '/'-separated, without '.', '..' or empty parts: nothing that could leave a mounted folder.
bool is_safe_path(std::string_view path) {
    if (path.empty() || path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
        return false;
    }
    std::size_t start = 0;
    while (true) {
        std::size_t end = path.find('/', start);
        std::string_view part =
            path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (part.empty() || part == "." || part == "..") {
            return false;
        }
        if (end == std::string_view::npos) {
            return true;
        }
        start = end + 1;
    }
}

std::optional<Asset> find_embedded(std::string_view path) {
    auto files = detail::embedded_files();
    auto found =
        std::lower_bound(files.begin(), files.end(), path,
                         [](const detail::EmbeddedFile& file, std::string_view wanted) { return file.path < wanted; });
    if (found == files.end() || found->path != path) {
        return std::nullopt;
    }
    return Asset{found->path, found->media_type, found->etag, found->bytes};
}

std::vector<std::string_view> list_embedded(std::string_view prefix) {
    std::vector<std::string_view> paths;
    for (const auto& file : detail::embedded_files()) {
        if (file.path.starts_with(prefix)) {
            paths.push_back(file.path);
        }
    }
    return paths;
}

// --- STORYBANK_ASSETS_DIR ---------------------------------------------------------------------------------------

std::optional<std::string_view> media_type_of(std::string_view path) {
    std::string_view name = path.substr(path.rfind('/') + 1);  // npos + 1 == 0
    std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) {
        return std::nullopt;
    }
    std::string extension(name.substr(dot));
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    for (const auto& entry : detail::media_types()) {
        if (entry.extension == extension) {
            return entry.media_type;
        }
    }
    return std::nullopt;
}

bool is_file_mount(const detail::Mount& mount) {
    return !mount.asset_prefix.ends_with('/');
}

/// The mount an asset path belongs to: the longest matching prefix (mounts() is sorted that way).
const detail::Mount* mount_of(std::string_view path) {
    for (const auto& mount : detail::mounts()) {
        if (is_file_mount(mount) ? path == mount.asset_prefix : path.starts_with(mount.asset_prefix)) {
            return &mount;
        }
    }
    return nullptr;
}

std::filesystem::path source_of(const std::filesystem::path& root, const detail::Mount& mount, std::string_view path) {
    std::filesystem::path source = root / mount.source_folder;
    if (!is_file_mount(mount)) {
        source /= path.substr(mount.asset_prefix.size());
    }
    return source;
}

/// FNV-1a 64: a cheap tag that changes with the bytes. Embedded assets carry a SHA-256 tag made at build time.
std::string development_etag(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string etag = "\"dev-";
    for (int shift = 60; shift >= 0; shift -= 4) {
        etag += kDigits[(hash >> shift) & 0xF];
    }
    etag += '"';
    return etag;
}

std::optional<std::string> read_file(const std::filesystem::path& file) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) {
        return std::nullopt;
    }
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        return std::nullopt;
    }
    std::string bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    if (stream.bad()) {
        return std::nullopt;
    }
    return bytes;
}

/// Files read from STORYBANK_ASSETS_DIR. Every version read stays in memory until exit, so the views handed out
/// stay valid while the files change on disk; fine for a development knob.
class DiskAssets {
public:
    std::optional<Asset> find(const std::filesystem::path& root, std::string_view path) {
        const detail::Mount* mount = mount_of(path);
        auto media_type = media_type_of(path);
        if (mount == nullptr || !media_type) {
            return std::nullopt;
        }
        auto bytes = read_file(source_of(root, *mount, path));
        if (!bytes) {
            return std::nullopt;
        }
        std::lock_guard lock(m_mutex);
        auto current = m_current.find(path);
        if (current == m_current.end() || current->second->bytes != *bytes) {
            std::string etag = development_etag(*bytes);
            m_versions.push_back(Version{std::string(path), std::move(etag), std::move(*bytes), *media_type});
            current = m_current.insert_or_assign(std::string(path), &m_versions.back()).first;
        }
        const Version& version = *current->second;
        return Asset{version.path, version.media_type, version.etag, version.bytes};
    }

    std::vector<std::string_view> list(const std::filesystem::path& root, std::string_view prefix) {
        std::vector<std::string> found;
        for (const auto& mount : detail::mounts()) {
            if (!mount.asset_prefix.starts_with(prefix) && !prefix.starts_with(mount.asset_prefix)) {
                continue;
            }
            std::filesystem::path folder = root / mount.source_folder;
            std::error_code error;
            if (is_file_mount(mount)) {
                if (mount.asset_prefix.starts_with(prefix) && std::filesystem::is_regular_file(folder, error)) {
                    found.emplace_back(mount.asset_prefix);
                }
                continue;
            }
            for (std::filesystem::recursive_directory_iterator it(folder, error), end; !error && it != end;
                 it.increment(error)) {
                if (!it->is_regular_file(error)) {
                    continue;
                }
                std::string path = std::string(mount.asset_prefix) +
                                   std::filesystem::relative(it->path(), folder, error).generic_string();
                if (path.starts_with(prefix) && is_safe_path(path) && mount_of(path) == &mount && media_type_of(path)) {
                    found.push_back(std::move(path));
                }
            }
        }
        std::lock_guard lock(m_mutex);
        std::vector<std::string_view> paths;
        paths.reserve(found.size());
        for (auto& path : found) {
            paths.emplace_back(*m_paths.insert(std::move(path)).first);
        }
        std::sort(paths.begin(), paths.end());
        paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
        return paths;
    }

private:
    struct Version {
        std::string path;
        std::string etag;
        std::string bytes;
        std::string_view media_type;  ///< points into the generated table
    };

private:  // data
    std::mutex m_mutex;
    std::deque<Version> m_versions;  ///< a deque never moves its elements when growing at the back
    std::map<std::string, const Version*, std::less<>> m_current;
    std::set<std::string, std::less<>> m_paths;  ///< paths handed out by list()
};

DiskAssets& disk_assets() {
    static DiskAssets assets;
    return assets;
}

std::optional<std::filesystem::path> assets_dir() {
    const char* value = std::getenv(kAssetsDirVariable);
    if (value == nullptr || *value == '\0') {
        return std::nullopt;
    }
    return std::filesystem::path(value);
}

}  // namespace

std::optional<Asset> find(std::string_view path) {
    if (!is_safe_path(path)) {
        return std::nullopt;
    }
    if (auto root = assets_dir()) {
        return disk_assets().find(*root, path);
    }
    return find_embedded(path);
}

std::vector<std::string_view> list(std::string_view prefix) {
    if (auto root = assets_dir()) {
        return disk_assets().list(*root, prefix);
    }
    return list_embedded(prefix);
}

}  // namespace storybank::assets
