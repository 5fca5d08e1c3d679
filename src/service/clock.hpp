#pragma once

#include <chrono>
#include <string>

namespace storybank::service {

/// Where time comes from, so tests can fix it and move it forward (session expiry, login backoff).
class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::system_clock::time_point now() const = 0;
    /// Now as ISO 8601 UTC to the second, "2026-11-29T10:00:00Z".
    std::string now_iso8601() const;
};

class SystemClock final : public Clock {
public:
    std::chrono::system_clock::time_point now() const override;
};

}  // namespace storybank::service
