#pragma once

#include "core/problem.hpp"

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace storybank::auth {

/// What a new password must be: at least kMinimumLength characters, not a common password (nor one with digits
/// or symbols stuck around a common word, nor letters swapped for look-alike digits), and not the owner's e-mail
/// address or a part of it. Length is the only rule about shape: no "one upper-case letter and one digit", which
/// makes passwords harder to remember and no harder to guess.
class PasswordPolicy {
public:
    static constexpr std::size_t kMinimumLength = 10;

    /// `common_passwords`: one password per line (resources/auth/common-passwords.txt); '#' starts a comment
    /// line; compared ignoring ASCII case.
    explicit PasswordPolicy(std::string_view common_passwords);

    /// The rules `password` breaks, as problems on the field "password" (message IDs password-too-short,
    /// password-too-common, password-contains-email); empty when it may be used.
    std::vector<core::Problem> check(std::string_view password, std::string_view email) const;

    std::size_t common_password_count() const { return m_common.size(); }

private:
    bool is_common(std::string_view password) const;

private:  // data
    std::set<std::string, std::less<>> m_common;
};

}  // namespace storybank::auth
