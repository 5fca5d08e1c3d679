#include "auth/password_hasher.hpp"

#include "auth/detail/sodium_runtime.hpp"
#include "core/error.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

namespace storybank::auth {
namespace {

/// crypto_pwhash_str_verify wants a NUL-terminated string of at most crypto_pwhash_STRBYTES - 1 characters.
bool is_usable_hash(std::string_view stored_hash) {
    return !stored_hash.empty() && stored_hash.size() < crypto_pwhash_STRBYTES &&
           stored_hash.find('\0') == std::string_view::npos;
}

}  // namespace

/// Holds one of the hasher's slots for the length of a hash or a verification.
class PasswordHasher::Slot {
public:
    explicit Slot(const PasswordHasher& hasher) : m_hasher(hasher) {
        m_hasher.m_slots.acquire();
        int running = ++m_hasher.m_running;
        int peak = m_hasher.m_peak.load();
        while (running > peak && !m_hasher.m_peak.compare_exchange_weak(peak, running)) {
        }
    }
    ~Slot() {
        --m_hasher.m_running;
        m_hasher.m_slots.release();
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

private:  // data
    const PasswordHasher& m_hasher;
};

PasswordHasher::PasswordHasher(int max_concurrent, PasswordHashCost cost)
    : m_max_concurrent(std::clamp(max_concurrent, 1, 1024)),
      m_cost(cost),
      m_slots(std::clamp(max_concurrent, 1, 1024)) {
    detail::start_sodium();
}

PasswordHasher::~PasswordHasher() = default;

unsigned long long PasswordHasher::operations_limit() const {
    return m_cost == PasswordHashCost::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN;
}

std::size_t PasswordHasher::memory_limit() const {
    return m_cost == PasswordHashCost::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN;
}

std::string PasswordHasher::hash(std::string_view password) const {
    std::array<char, crypto_pwhash_STRBYTES> out{};
    int result = 0;
    {
        Slot slot(*this);
        result = crypto_pwhash_str_alg(out.data(), password.data(), password.size(), operations_limit(), memory_limit(),
                                       crypto_pwhash_ALG_ARGON2ID13);
    }
    if (result != 0) {
        throw Error(ErrorKind::Unavailable, "the server is short of memory to check passwords; try again shortly",
                    "crypto_pwhash_str_alg failed");
    }
    return out.data();
}

bool PasswordHasher::verify(std::string_view stored_hash, std::string_view password) const {
    if (!is_usable_hash(stored_hash)) {
        verify_nothing(password);
        return false;
    }
    std::string terminated(stored_hash);
    Slot slot(*this);
    ++m_verifications;
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::verify_nothing(std::string_view password) const {
    std::call_once(m_dummy_made, [this] {
        std::array<unsigned char, 32> random{};
        randombytes_buf(random.data(), random.size());
        m_dummy_hash = hash(std::string_view(reinterpret_cast<const char*>(random.data()), random.size()));
    });
    Slot slot(*this);
    ++m_verifications;
    // The result is meaningless by design (nobody knows the dummy's password); only the time spent matters.
    [[maybe_unused]] int ignored = crypto_pwhash_str_verify(m_dummy_hash.c_str(), password.data(), password.size());
}

bool PasswordHasher::needs_rehash(std::string_view stored_hash) const {
    if (!is_usable_hash(stored_hash)) {
        return true;
    }
    std::string terminated(stored_hash);
    return crypto_pwhash_str_needs_rehash(terminated.c_str(), operations_limit(), memory_limit()) != 0;
}

}  // namespace storybank::auth
