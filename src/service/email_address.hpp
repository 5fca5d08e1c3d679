#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace storybank::service {

/// An e-mail address as accounts keep it: spaces trimmed and the domain in lower case (domains ignore case; the
/// part before '@' is kept as written, and the store compares it ignoring ASCII case). Nullopt when the text
/// does not look like an address: one '@', something before it, a domain with a dot, no spaces or control
/// characters, at most 254 bytes.
std::optional<std::string> normalized_email(std::string_view text);

/// The key failed logins are counted under: the address in ASCII lower case, whether or not an account has it.
std::string login_key_of(std::string_view email);

}  // namespace storybank::service
