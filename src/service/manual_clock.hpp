#pragma once

#include "service/clock.hpp"

namespace storybank::service {

/// A clock that stands still until told to move: for tests of expiry and backoff without sleeping.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::chrono::system_clock::time_point start) : m_now(start) {}

    std::chrono::system_clock::time_point now() const override { return m_now; }
    void advance(std::chrono::system_clock::duration step) { m_now += step; }
    void set(std::chrono::system_clock::time_point time) { m_now = time; }

private:  // data
    std::chrono::system_clock::time_point m_now;
};

}  // namespace storybank::service
