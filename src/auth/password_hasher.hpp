#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <semaphore>
#include <string>
#include <string_view>

namespace storybank::auth {

/// How much work one hash costs. Interactive is libsodium's argon2id INTERACTIVE setting (2 passes, 64 MiB,
/// about 120 ms); Minimal exists so that tests exercising many logins do not spend minutes hashing, and must
/// never be used to store real passwords.
enum class PasswordHashCost : std::uint8_t { Interactive, Minimal };

/// Default number of hashes computed at once: each takes 64 MiB and a core for ~120 ms, so an unbounded burst
/// of logins would exhaust memory before it exhausts the processors.
inline constexpr int kDefaultConcurrentHashes = 2;

/// argon2id password hashes in libsodium's self-describing string form ("$argon2id$v=19$m=65536,t=2,p=1$…").
/// At most `max_concurrent` hashes or verifications run at once; further callers wait their turn. Thread-safe.
class PasswordHasher {
public:
    explicit PasswordHasher(int max_concurrent = kDefaultConcurrentHashes,
                            PasswordHashCost cost = PasswordHashCost::Interactive);
    ~PasswordHasher();
    PasswordHasher(const PasswordHasher&) = delete;
    PasswordHasher& operator=(const PasswordHasher&) = delete;

    /// A new salted hash of `password`. Throws Error(Unavailable) when the memory for hashing cannot be had.
    std::string hash(std::string_view password) const;

    /// Whether `password` matches `stored_hash`. A malformed or empty stored hash matches nothing.
    bool verify(std::string_view stored_hash, std::string_view password) const;

    /// Spends the time a verification takes without any account behind it, so that an unknown e-mail address
    /// cannot be told from a wrong password by how long the answer takes.
    void verify_nothing(std::string_view password) const;

    /// Whether a stored hash was made with other settings than this hasher's and should be replaced at the
    /// next successful login.
    bool needs_rehash(std::string_view stored_hash) const;

    int max_concurrent() const { return m_max_concurrent; }
    /// The most hashes and verifications that have run at the same time since construction (for monitoring).
    int peak_concurrent() const { return m_peak.load(); }
    /// Verifications done since construction, verify_nothing() included (for monitoring).
    std::uint64_t verifications() const { return m_verifications.load(); }

private:
    class Slot;

    unsigned long long operations_limit() const;
    std::size_t memory_limit() const;

private:  // data
    int m_max_concurrent;
    PasswordHashCost m_cost;
    mutable std::counting_semaphore<1024> m_slots;
    mutable std::atomic<int> m_running = 0;
    mutable std::atomic<int> m_peak = 0;
    mutable std::atomic<std::uint64_t> m_verifications = 0;
    mutable std::once_flag m_dummy_made;
    mutable std::string m_dummy_hash;  ///< hash of a random password, for verify_nothing(); made on first use
};

}  // namespace storybank::auth
