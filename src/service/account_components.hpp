#pragma once

#include "auth/password_hasher.hpp"
#include "auth/password_policy.hpp"

namespace storybank::service {

/// The parts AccountService borrows besides the store and the clock, built and owned in one place by the
/// composition root: the password hasher (with its bound on concurrent hashes) and the password rules with the
/// compiled-in list of common passwords.
struct AccountComponents {
    explicit AccountComponents(int max_concurrent_hashes = auth::kDefaultConcurrentHashes);

    auth::PasswordHasher hasher;
    auth::PasswordPolicy policy;
};

}  // namespace storybank::service
