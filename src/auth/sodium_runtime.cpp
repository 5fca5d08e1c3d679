#include "auth/detail/sodium_runtime.hpp"

#include "core/error.hpp"

#include <sodium.h>

namespace storybank::auth::detail {

void start_sodium() {
    if (sodium_init() < 0) {
        throw Error(ErrorKind::Internal, "the cryptography library could not start", "sodium_init failed");
    }
}

}  // namespace storybank::auth::detail
