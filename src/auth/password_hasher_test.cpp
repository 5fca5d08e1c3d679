#include "auth/password_hasher.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace storybank::auth {
namespace {

TEST(PasswordHasher, HashesWithArgon2idAtTheInteractiveSetting) {
    PasswordHasher hasher;
    std::string hash = hasher.hash("correct horse battery staple");
    EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << hash;
    EXPECT_TRUE(hasher.verify(hash, "correct horse battery staple"));
    EXPECT_FALSE(hasher.verify(hash, "correct horse battery stapler"));
    EXPECT_FALSE(hasher.verify(hash, ""));
    EXPECT_FALSE(hasher.needs_rehash(hash));
}

TEST(PasswordHasher, SaltsEveryHash) {
    PasswordHasher hasher(2, PasswordHashCost::Minimal);
    EXPECT_NE(hasher.hash("la même phrase"), hasher.hash("la même phrase"));
}

TEST(PasswordHasher, MalformedStoredHashesMatchNothing) {
    PasswordHasher hasher(2, PasswordHashCost::Minimal);
    for (std::string_view stored :
         {std::string_view(""), std::string_view("plain text"),
          std::string_view("$argon2id$v=19$m=65536,t=2,p=1$broken"), std::string_view("$argon2id\0$", 11)}) {
        EXPECT_FALSE(hasher.verify(stored, "plain text")) << stored;
        EXPECT_TRUE(hasher.needs_rehash(stored)) << stored;
    }
}

TEST(PasswordHasher, AsksForARehashWhenTheSettingsChange) {
    PasswordHasher cheap(2, PasswordHashCost::Minimal);
    PasswordHasher interactive(2, PasswordHashCost::Interactive);
    std::string old_hash = cheap.hash("un mot de passe solide");
    EXPECT_TRUE(interactive.verify(old_hash, "un mot de passe solide")) << "settings live in the hash itself";
    EXPECT_TRUE(interactive.needs_rehash(old_hash));
    EXPECT_FALSE(cheap.needs_rehash(old_hash));
}

TEST(PasswordHasher, VerifyingNothingAcceptsNoPassword) {
    PasswordHasher hasher(2, PasswordHashCost::Minimal);
    hasher.verify_nothing("anything");  // spends the time, decides nothing
    SUCCEED();
}

TEST(PasswordHasher, NeverRunsMoreHashesAtOnceThanAllowed) {
    // Six threads ask at once for a hash that takes about 120 ms: without the bound all six would run together.
    PasswordHasher hasher(2);
    std::vector<std::thread> threads;
    std::atomic<int> verified = 0;
    for (int i = 0; i < 6; ++i) {
        threads.emplace_back([&hasher, &verified, i] {
            std::string password = "mot de passe " + std::to_string(i);
            if (hasher.verify(hasher.hash(password), password)) {
                ++verified;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(verified, 6);
    EXPECT_GE(hasher.peak_concurrent(), 1);
    EXPECT_LE(hasher.peak_concurrent(), 2);
}

TEST(PasswordHasher, ClampsTheLimitToAtLeastOne) {
    EXPECT_EQ(PasswordHasher(0, PasswordHashCost::Minimal).max_concurrent(), 1);
    EXPECT_EQ(PasswordHasher(-3, PasswordHashCost::Minimal).max_concurrent(), 1);
    EXPECT_EQ(PasswordHasher(4, PasswordHashCost::Minimal).max_concurrent(), 4);
}

}  // namespace
}  // namespace storybank::auth
