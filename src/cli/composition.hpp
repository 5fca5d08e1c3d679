#pragma once

#include "cli/options.hpp"
#include "core/message_catalog.hpp"
#include "service/account_components.hpp"
#include "service/account_service.hpp"
#include "service/clock.hpp"
#include "service/story_documents.hpp"
#include "service/story_file_reader.hpp"
#include "service/story_service.hpp"
#include "service/template_catalog.hpp"
#include "service/webhook_outbox.hpp"
#include "service/webhook_service.hpp"
#include "store/store.hpp"

#include <memory>

namespace storybank::cli {

/// The composition root: the one place that chooses concrete parts (the SQLite store, the system clock)
/// and wires them into services.
struct Application {
    Application(service::TemplateCatalog catalog, core::MessageCatalog catalog_messages, service::PhotoLimits limits)
        : templates(std::move(catalog)), messages(std::move(catalog_messages)), reader(templates, limits) {}
    Application(const Application&) = delete;
    Application& operator=(const Application&) = delete;

    service::TemplateCatalog templates;
    core::MessageCatalog messages;
    service::SystemClock clock;
    service::StoryFileReader reader;
    std::unique_ptr<store::Store> store;  ///< null when the command needs no store
    /// Story events become webhook deliveries, whichever command changes stories (`serve` sends them).
    std::unique_ptr<service::WebhookOutbox> webhook_outbox;          ///< null when the command needs no store
    std::unique_ptr<service::StoryService> stories;                  ///< null when the command needs no store
    std::unique_ptr<service::WebhookService> webhooks;               ///< null when the command needs no store
    std::unique_ptr<service::StoryDocuments> documents;              ///< null when the command needs no store
    std::unique_ptr<service::AccountComponents> account_components;  ///< null when the command needs no store
    std::unique_ptr<service::AccountService> accounts;               ///< null when the command needs no store
};

enum class NeedsStore : std::uint8_t { No, Yes };

std::unique_ptr<Application> make_application(const GlobalOptions& options, NeedsStore needs_store);

/// Reads a whole file; throws Error(UnreadableInput) naming it when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace storybank::cli
