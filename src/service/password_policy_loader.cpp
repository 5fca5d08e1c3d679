#include "service/password_policy_loader.hpp"

#include "assets/assets.hpp"
#include "core/error.hpp"

namespace storybank::service {

auth::PasswordPolicy load_password_policy() {
    auto list = assets::find("auth/common-passwords.txt");
    if (!list) {
        throw Error(ErrorKind::Internal, "the list of common passwords is missing from this build",
                    "assets::find(auth/common-passwords.txt) failed");
    }
    return auth::PasswordPolicy(list->bytes);
}

}  // namespace storybank::service
