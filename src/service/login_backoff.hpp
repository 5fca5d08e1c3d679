#pragma once

#include <chrono>

namespace storybank::service {

/// When to stop accepting logins after failures, per account and per client address. Counting is per key within
/// a window; past a limit, each further failure doubles how long logins are refused, up to a ceiling. The
/// ceiling keeps an attacker from locking someone out for days; the per-address count catches guessing spread
/// over many accounts.
struct LoginBackoff {
    int account_limit = 5;
    int address_limit = 20;
    std::chrono::minutes window{15};  ///< failures older than this (and than the last lock) are forgotten
    std::chrono::seconds first_delay{60};
    std::chrono::seconds longest_delay{3600};

    /// How long to refuse logins after `failures` failures counted against `limit`: nothing below the limit,
    /// first_delay at it, twice as long for each failure beyond, never more than longest_delay.
    std::chrono::seconds delay_after(int failures, int limit) const;
};

}  // namespace storybank::service
