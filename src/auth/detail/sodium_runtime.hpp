#pragma once

namespace storybank::auth::detail {

/// Initialises libsodium once per process (idempotent, thread-safe). Throws Error(Internal) when it cannot
/// start, e.g. without a source of randomness.
void start_sodium();

}  // namespace storybank::auth::detail
