#include "service/account_components.hpp"

#include "service/password_policy_loader.hpp"

namespace storybank::service {

AccountComponents::AccountComponents(int max_concurrent_hashes)
    : hasher(max_concurrent_hashes), policy(load_password_policy()) {}

}  // namespace storybank::service
