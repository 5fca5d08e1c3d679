#pragma once

#include <string>

namespace storybank::service {

/// Where time comes from, so tests can fix it.
class Clock {
public:
    virtual ~Clock() = default;
    /// Now as ISO 8601 UTC, "2026-11-29T10:00:00Z".
    virtual std::string now_iso8601() const = 0;
};

class SystemClock final : public Clock {
public:
    std::string now_iso8601() const override;
};

}  // namespace storybank::service
