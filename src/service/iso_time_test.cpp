#include "service/iso_time.hpp"

#include <gtest/gtest.h>

namespace storybank::service {
namespace {

TEST(IsoTime, FormatsAndParsesUtcSeconds) {
    auto time = std::chrono::system_clock::from_time_t(1795946400);  // 2026-11-29T10:00:00Z
    EXPECT_EQ(format_iso8601(time), "2026-11-29T10:00:00Z");
    EXPECT_EQ(parse_iso8601("2026-11-29T10:00:00Z"), time);
    EXPECT_EQ(format_iso8601(*parse_iso8601("2024-02-29T23:59:59Z")), "2024-02-29T23:59:59Z");
    EXPECT_EQ(format_iso8601(time + std::chrono::milliseconds(999)), "2026-11-29T10:00:00Z") << "seconds only";
}

TEST(IsoTime, RefusesAnythingElse) {
    for (std::string_view text :
         {"", "2026-11-29", "2026-11-29T10:00:00", "2026-11-29 10:00:00Z", "2026-11-29T10:00:00+01:00",
          "2026-13-29T10:00:00Z", "2026-11-29T25:00:00Z", "2026-11-2xT10:00:00Z"}) {
        EXPECT_FALSE(parse_iso8601(text)) << text;
    }
}

}  // namespace
}  // namespace storybank::service
