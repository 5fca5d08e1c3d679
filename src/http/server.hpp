#pragma once

#include "core/message_catalog.hpp"
#include "service/story_service.hpp"

#include <memory>
#include <string>

namespace storybank::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;  ///< 0: any free port (see Server::port())
    int threads = 32;
    std::string language = "fr";  ///< of the HTML pages
};

/// The HTTP server: the read-only JSON API under /api/v1 and plain HTML pages. Handlers only translate
/// between HTTP and service calls.
class Server {
public:
    Server(service::StoryService& stories, const core::MessageCatalog& messages, ServerOptions options);
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
