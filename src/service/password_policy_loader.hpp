#pragma once

#include "auth/password_policy.hpp"

namespace storybank::service {

/// The password rules with the list of common passwords compiled in (resources/auth/common-passwords.txt).
auth::PasswordPolicy load_password_policy();

}  // namespace storybank::service
