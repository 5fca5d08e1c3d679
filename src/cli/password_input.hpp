#pragma once

#include "core/message_catalog.hpp"

#include <string>
#include <string_view>

namespace storybank::cli {

/// A new password: the first line of `password_file` when one is given (so scripts never put a password on a
/// command line, where `ps` and shell histories would show it), otherwise typed twice on the terminal without
/// echo. Throws Error(InvalidRequest) with a message in `language` when there is no file and standard input is
/// not a terminal, or when the two typed passwords differ; Error(UnreadableInput) when the file cannot be read.
std::string read_new_password(const std::string& password_file,
                              const core::MessageCatalog& messages,
                              std::string_view language);

}  // namespace storybank::cli
