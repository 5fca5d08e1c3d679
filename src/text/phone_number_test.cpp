#include "text/phone_number.hpp"

#include <gtest/gtest.h>

namespace storybank::text {
namespace {

TEST(PhoneNumber, FindsNumbersInFreeText) {
    auto scan = find_phone_numbers("+223 79 95 92 69 fomba3@hotmail.com", "ML");
    ASSERT_EQ(scan.numbers.size(), 1U);
    EXPECT_EQ(scan.numbers[0].e164, "+22379959269");
    EXPECT_TRUE(scan.doubtful.empty());
}

TEST(PhoneNumber, UsesTheRegionForNationalNumbers) {
    auto scan = find_phone_numbers("Tel : 79 95 92 69 / 0033 6 12 34 56 78", "ML");
    ASSERT_EQ(scan.numbers.size(), 2U);
    EXPECT_EQ(scan.numbers[0].e164, "+22379959269");
    EXPECT_EQ(scan.numbers[1].e164, "+33612345678");
}

TEST(PhoneNumber, ReportsDoubtfulDigits) {
    auto scan = find_phone_numbers("12 34 56 7", "ML");
    EXPECT_TRUE(scan.numbers.empty());
    ASSERT_EQ(scan.doubtful.size(), 1U);
    EXPECT_EQ(scan.doubtful[0], "12 34 56 7");
}

TEST(PhoneNumber, WithoutRegionNeedsAnInternationalPrefix) {
    EXPECT_EQ(find_phone_numbers("+226 70 12 34 56", "").numbers.size(), 1U);
    EXPECT_TRUE(find_phone_numbers("no number here", "").numbers.empty());
}

}  // namespace
}  // namespace storybank::text
