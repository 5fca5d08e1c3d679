#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace storybank::cli {

/// One configurable setting: its flag, its environment variable and its default, declared once. The command
/// line, the environment lookup and docs/configuration.md all come from this table.
struct OptionSpec {
    std::string_view name;
    std::string_view flag;
    std::string_view environment;
    std::string_view default_value;
    std::string_view description;
};

std::span<const OptionSpec> option_table();

/// The option's spec by name; the option must exist.
const OptionSpec& option_spec(std::string_view name);

/// Settings every command shares.
struct GlobalOptions {
    std::filesystem::path data_dir;
    std::string language;  ///< of messages: "fr" or "en"
    std::optional<std::filesystem::path> templates_dir;
    int photo_max_edge = 2048;
    int photo_max_mb = 25;
    int photo_threads = 0;    ///< threads per photo (0: the photo library's default); set by commands, not a flag
    int password_hashes = 2;  ///< passwords hashed or checked at once
};

struct ServeOptions {
    std::string host;
    int port = 0;
    int threads = 0;
    std::string base_url;
    std::string webhook_private_addresses;  ///< "refuse" or "allow"
};

}  // namespace storybank::cli
