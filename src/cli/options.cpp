#include "cli/options.hpp"

#include "core/error.hpp"

#include <array>

namespace storybank::cli {
namespace {

constexpr std::array kOptions = {
    OptionSpec{"data", "--data", "STORYBANK_DATA", "./storybank-data",
               "Folder holding the store (storybank.sqlite3); created when missing"},
    OptionSpec{"lang", "--lang", "STORYBANK_LANG", "fr", "Language of messages and labels: fr or en"},
    OptionSpec{"templates", "--templates", "STORYBANK_TEMPLATES", "",
               "Folder of extra story templates (*.json) added to the built-in ones"},
    OptionSpec{"photo-max-edge", "--photo-max-edge", "STORYBANK_PHOTO_MAX_EDGE", "2048",
               "Long edge, in pixels, of the copy kept of each photo (smaller photos are not enlarged)"},
    OptionSpec{"photo-max-mb", "--photo-max-mb", "STORYBANK_PHOTO_MAX_MB", "25",
               "Largest photo file accepted, in megabytes"},
    OptionSpec{"jobs", "--jobs", "STORYBANK_JOBS", "0",
               "Files import reads at once (0: one per processor core); the store has a single writer"},
    OptionSpec{"password-hashes", "--password-hashes", "STORYBANK_PASSWORD_HASHES", "2",
               "Passwords checked at once (each takes 64 MiB and a core for about 0.1 s); further logins wait"},
    OptionSpec{"base-url", "--base-url", "STORYBANK_BASE_URL", "http://localhost:8080",
               "Address people reach storybank at: used in the links it hands out (invitations); https:// makes "
               "cookies Secure"},
    OptionSpec{"host", "--host", "STORYBANK_HOST", "127.0.0.1", "Address serve listens on"},
    OptionSpec{"webhook-private-addresses", "--webhook-private-addresses", "STORYBANK_WEBHOOK_PRIVATE_ADDRESSES",
               "refuse",
               "refuse or allow: whether webhooks may go to loopback, private and link-local addresses (a receiver "
               "on the office network); refused by default, so that a subscription cannot probe it"},
    OptionSpec{"port", "--port", "STORYBANK_PORT", "8080", "Port serve listens on (0: any free port)"},
    OptionSpec{"threads", "--threads", "STORYBANK_THREADS", "256",
               "Most worker threads of serve, started as needed; one per open connection (slow ones too), so size "
               "it above the expected clients"},
};

}  // namespace

std::span<const OptionSpec> option_table() {
    return kOptions;
}

const OptionSpec& option_spec(std::string_view name) {
    for (const auto& option : kOptions) {
        if (option.name == name) {
            return option;
        }
    }
    throw Error(ErrorKind::Internal, "unknown option", std::string(name));
}

}  // namespace storybank::cli
