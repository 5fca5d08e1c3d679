#include "service/login_backoff.hpp"

#include <algorithm>

namespace storybank::service {

std::chrono::seconds LoginBackoff::delay_after(int failures, int limit) const {
    if (limit <= 0 || failures < limit) {
        return std::chrono::seconds{0};
    }
    std::chrono::seconds delay = first_delay;
    for (int beyond = failures - limit; beyond > 0 && delay < longest_delay; --beyond) {
        delay *= 2;
    }
    return std::min(delay, longest_delay);
}

}  // namespace storybank::service
