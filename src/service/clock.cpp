#include "service/clock.hpp"

#include <array>
#include <chrono>
#include <ctime>

namespace storybank::service {

std::string SystemClock::now_iso8601() const {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::array<char, 32> buffer{};
    std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer.data();
}

}  // namespace storybank::service
