#include "cli/commands.hpp"
#include "cli/composition.hpp"
#include "http/server.hpp"
#include "http/webhook_sender.hpp"
#include "service/webhook_dispatcher.hpp"

#include <iostream>
#include <signal.h>
#include <thread>

namespace storybank::cli {

int run_serve(const GlobalOptions& options, const ServeOptions& serve) {
    auto application = make_application(options, NeedsStore::Yes);
    http::ServerOptions server_options;
    server_options.host = serve.host;
    server_options.port = serve.port;
    server_options.threads = serve.threads;
    server_options.language = options.language;
    // Behind a TLS proxy the public address is https://: cookies must then never travel in clear.
    server_options.secure_cookies = serve.base_url.starts_with("https://");
    http::Server server({*application->stories, *application->accounts, *application->webhooks, *application->documents,
                         application->messages},
                        server_options);

    // Webhook deliveries go out from a thread of their own, picking up what earlier runs left in the outbox.
    http::HttpWebhookSender webhook_sender(std::chrono::seconds(5), serve.webhook_private_addresses == "allow"
                                                                        ? http::PrivateAddresses::Allow
                                                                        : http::PrivateAddresses::Refuse);
    service::WebhookDispatcher dispatcher(*application->store, application->clock, webhook_sender);
    application->webhook_outbox->set_dispatcher(&dispatcher);
    dispatcher.start();

    // SIGINT/SIGTERM are taken by a thread that stops the server cleanly, so the store is closed properly.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    int port = server.bind();
    std::cout << application->messages.render(options.language, "cli-serving",
                                              {{"url", "http://" + serve.host + ":" + std::to_string(port) + "/"}})
              << std::endl;
    std::thread signal_waiter([&] {
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
    });
    server.serve();
    // serve() also returns when listening fails; wake the waiter so it can finish.
    pthread_kill(signal_waiter.native_handle(), SIGTERM);
    signal_waiter.join();
    application->webhook_outbox->set_dispatcher(nullptr);
    dispatcher.stop();
    return 0;
}

}  // namespace storybank::cli
