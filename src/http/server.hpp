#pragma once

#include "core/message_catalog.hpp"
#include "service/account_service.hpp"
#include "service/story_documents.hpp"
#include "service/story_service.hpp"
#include "service/webhook_service.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace storybank::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;  ///< 0: any free port (see Server::port())
    /// Most worker threads, started as connections need them. cpp-httplib gives each connection a thread for its
    /// whole keep-alive life (a slow client's too), so this is the number of clients served at once; the others
    /// wait in the queue.
    int threads = 256;
    int listen_backlog = 1024;   ///< connections the kernel queues before refusing (cpp-httplib compiles in 5)
    int keep_alive_seconds = 5;  ///< an idle keep-alive connection holds a worker this long
    int keep_alive_requests = 1000;
    int read_timeout_seconds = 10;              ///< a client that trickles its request slower than this is cut off
    std::size_t json_body_limit = 1024 * 1024;  ///< per request to the JSON routes
    std::size_t upload_body_limit = 64 * 1024 * 1024;  ///< per request to the upload routes
    std::string language = "fr";                       ///< of the HTML pages
    bool secure_cookies = false;                       ///< mark cookies Secure: set when the public address is https://
};

/// The services the server translates HTTP into.
struct ServerServices {
    service::StoryService& stories;
    service::AccountService& accounts;
    service::WebhookService& webhooks;
    service::StoryDocuments& documents;
    const core::MessageCatalog& messages;
};

/// The HTTP server: the JSON API under /api/v1 (docs/openapi.yaml) and plain HTML pages. Handlers only translate
/// between HTTP and service calls.
class Server {
public:
    Server(ServerServices services, ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds the address; throws Error(Unavailable) when the port is taken. Returns the bound port.
    int bind();
    /// Serves until stop() is called (from another thread or a signal handler thread).
    void serve();
    void stop();
    int port() const;

private:
    struct Implementation;
    std::unique_ptr<Implementation> m_implementation;
};

}  // namespace storybank::http
