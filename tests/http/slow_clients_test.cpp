// Clients that trickle their request (or send half of it and wait) each hold a worker thread: they must not leave
// normal requests waiting. Mirrors the slow-client part of bench/http_load_bench.py.
#include "test_server.hpp"

#include <netinet/in.h>
#include <sys/socket.h>

namespace storybank::testing {
namespace {

/// A connection that has sent the start of a request and nothing more.
class HalfRequest {
public:
    explicit HalfRequest(int port) : m_socket(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected = ::connect(m_socket, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0;
        constexpr std::string_view kStart = "GET /healthz HTTP/1.1\r\nHo";
        connected =
            connected && ::send(m_socket, kStart.data(), kStart.size(), 0) == static_cast<ssize_t>(kStart.size());
    }
    ~HalfRequest() { ::close(m_socket); }
    HalfRequest(const HalfRequest&) = delete;
    HalfRequest& operator=(const HalfRequest&) = delete;

    bool connected = false;

private:
    int m_socket;
};

TEST(SlowClients, DoNotStarveNormalRequests) {
    TestServer server("slow-clients");
    std::vector<std::unique_ptr<HalfRequest>> slow;
    for (int index = 0; index < 100; ++index) {
        slow.push_back(std::make_unique<HalfRequest>(server.port));
        ASSERT_TRUE(slow.back()->connected) << "slow client " << index;
    }
    // With a thread per connection and fewer threads than slow clients, this waits until the slow ones time out
    // (10 s), far past the client's 3 s.
    auto client = server.client();
    client.set_read_timeout(3, 0);
    for (int request = 0; request < 5; ++request) {
        auto result = client.Get("/healthz");
        ASSERT_TRUE(result) << "request " << request << ": " << (result ? "" : httplib::to_string(result.error()));
        EXPECT_EQ(result->status, 200);
    }
    slow.clear();
}

}  // namespace
}  // namespace storybank::testing
