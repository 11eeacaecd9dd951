#include "core/clock.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <random>

namespace {

using eenplan::core::format_instant;
using eenplan::core::Instant;
using namespace std::chrono;

Instant at(int y, unsigned m, unsigned d, int h, int min, int s, int ms) {
  return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min} + seconds{s} + milliseconds{ms};
}

/// The plain definition: every field zero-padded by a formatting library.
std::string by_definition(Instant t) {
  const auto ms = time_point_cast<milliseconds>(t);
  const auto day = floor<days>(ms);
  const year_month_day ymd{day};
  const hh_mm_ss hms{ms - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count(),
                     hms.subseconds().count());
}

TEST(FormatInstant, WritesUtcWithMillisecondsAndAZ) {
  EXPECT_EQ(format_instant(at(2026, 12, 2, 9, 5, 7, 42)), "2026-12-02T09:05:07.042Z");
  EXPECT_EQ(format_instant(at(2024, 2, 29, 23, 59, 59, 999)), "2024-02-29T23:59:59.999Z");
  EXPECT_EQ(format_instant(at(1970, 1, 1, 0, 0, 0, 0)), "1970-01-01T00:00:00.000Z");
  // Below a millisecond is cut off, not rounded: the text never runs ahead of the instant.
  EXPECT_EQ(format_instant(at(2026, 12, 31, 23, 59, 59, 999) + microseconds{999}),
            "2026-12-31T23:59:59.999Z");
}

TEST(FormatInstant, AgreesWithTheDefinitionOverThreeCenturies) {
  std::mt19937_64 random(20261202);
  // Within the nanosecond clock's range (1677-2262).
  const auto from = at(1900, 1, 1, 0, 0, 0, 0).time_since_epoch().count();
  const auto to = at(2200, 1, 1, 0, 0, 0, 0).time_since_epoch().count();
  std::uniform_int_distribution<long long> pick(from, to);
  for (int i = 0; i < 20000; ++i) {
    const Instant t{Instant::duration{pick(random)}};
    ASSERT_EQ(format_instant(t), by_definition(t));
  }
}

} // namespace
