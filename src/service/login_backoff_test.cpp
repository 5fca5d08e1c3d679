#include "service/login_backoff.hpp"

#include <gtest/gtest.h>

namespace storybank::service {
namespace {

using std::chrono::seconds;

TEST(LoginBackoff, DoublesPastTheLimitUpToTheCeiling) {
    LoginBackoff backoff;
    struct Case {
        int failures;
        seconds delay;
    };
    const Case kCases[] = {
        {0, seconds{0}},   {4, seconds{0}},   {5, seconds{60}},    {6, seconds{120}},   {7, seconds{240}},
        {8, seconds{480}}, {9, seconds{960}}, {10, seconds{1920}}, {11, seconds{3600}}, {1000, seconds{3600}},
    };
    for (const auto& test_case : kCases) {
        EXPECT_EQ(backoff.delay_after(test_case.failures, backoff.account_limit), test_case.delay)
            << test_case.failures << " failures";
    }
    EXPECT_EQ(backoff.delay_after(19, backoff.address_limit), seconds{0});
    EXPECT_EQ(backoff.delay_after(20, backoff.address_limit), seconds{60});
    EXPECT_EQ(backoff.delay_after(3, 0), seconds{0}) << "no limit, no lock";
}

}  // namespace
}  // namespace storybank::service
