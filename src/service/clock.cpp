#include "service/clock.hpp"

#include "service/iso_time.hpp"

namespace storybank::service {

std::string Clock::now_iso8601() const {
    return format_iso8601(now());
}

std::chrono::system_clock::time_point SystemClock::now() const {
    return std::chrono::system_clock::now();
}

}  // namespace storybank::service
