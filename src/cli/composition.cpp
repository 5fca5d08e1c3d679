#include "cli/composition.hpp"

#include "core/error.hpp"
#include "service/message_loader.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

namespace storybank::cli {

std::unique_ptr<Application> make_application(const GlobalOptions& options, NeedsStore needs_store) {
    service::PhotoLimits limits;
    limits.max_edge = options.photo_max_edge;
    limits.max_file_bytes = static_cast<std::size_t>(options.photo_max_mb) * 1024 * 1024;
    limits.threads_per_photo = options.photo_threads;
    auto application = std::make_unique<Application>(service::TemplateCatalog::load(options.templates_dir),
                                                     service::load_messages(), limits);
    if (needs_store == NeedsStore::Yes) {
        application->store = store::sqlite::SqliteStore::open(options.data_dir);
        application->webhook_outbox = std::make_unique<service::WebhookOutbox>(*application->store, application->clock);
        application->stories =
            std::make_unique<service::StoryService>(*application->store, application->templates, application->clock,
                                                    application->reader, *application->webhook_outbox);
        application->webhooks = std::make_unique<service::WebhookService>(*application->store, application->clock);
        application->documents = std::make_unique<service::StoryDocuments>(*application->store, application->templates,
                                                                           application->messages, application->clock);
        application->account_components = std::make_unique<service::AccountComponents>(options.password_hashes);
        application->accounts = std::make_unique<service::AccountService>(*application->store, application->clock,
                                                                          application->account_components->hasher,
                                                                          application->account_components->policy);
    }
    return application;
}

std::string read_file(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        throw Error(ErrorKind::UnreadableInput, "'" + path + "' is a folder, not a file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorKind::UnreadableInput,
                    "'" + path + "' cannot be read: " + std::generic_category().message(errno));
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        throw Error(ErrorKind::UnreadableInput, "'" + path + "' cannot be read to the end");
    }
    return buffer.str();
}

}  // namespace storybank::cli
