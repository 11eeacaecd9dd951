#include "domain/school_calendar.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace eenplan::domain {
namespace {

const SchoolCalendar& calendar() {
  static const SchoolCalendar kCalendar = default_school_calendar_2026_2027();
  return kCalendar;
}

TEST(SchoolCalendar, WeekdaysInTheSchoolYearAreSchoolDays) {
  EXPECT_TRUE(calendar().is_school_day({2026, 8, 17}));
  EXPECT_TRUE(calendar().is_school_day({2026, 9, 11}));
  EXPECT_TRUE(calendar().is_school_day({2026, 12, 18}));
  EXPECT_TRUE(calendar().is_school_day({2027, 1, 4}));
}

TEST(SchoolCalendar, WeekendsAreNotSchoolDays) {
  EXPECT_FALSE(calendar().is_school_day({2026, 9, 12}));
  EXPECT_FALSE(calendar().is_school_day({2026, 9, 13}));
}

TEST(SchoolCalendar, HolidaysAreNotSchoolDays) {
  EXPECT_FALSE(calendar().is_school_day({2026, 10, 19})); // herfstvakantie
  EXPECT_FALSE(calendar().is_school_day({2026, 12, 21})); // kerstvakantie
  EXPECT_FALSE(calendar().is_school_day({2027, 4, 27}));  // koningsdag in meivakantie
  EXPECT_FALSE(calendar().is_school_day({2027, 5, 13}));  // hemelvaart
  EXPECT_FALSE(calendar().is_school_day({2027, 5, 24}));  // pinkstermaandag
  EXPECT_TRUE(calendar().is_holiday({2027, 5, 24}));
}

TEST(SchoolCalendar, DaysOutsideTheSchoolYearAreNotSchoolDays) {
  EXPECT_FALSE(calendar().is_school_day({2026, 8, 14}));
  EXPECT_FALSE(calendar().is_school_day({2027, 7, 12}));
  EXPECT_FALSE(calendar().is_school_day({2026, 2, 30}));
}

TEST(SchoolCalendar, DefaultHolidaysAreConfigurableData) {
  EXPECT_EQ(default_holidays_2026_2027_noord().size(), 8U);
  EXPECT_EQ(calendar().lesson_hours_per_day(), 8);
  const SchoolCalendar no_holidays({2026, 8, 17}, {2027, 7, 9}, {}, 6);
  EXPECT_TRUE(no_holidays.is_school_day({2026, 10, 19}));
  EXPECT_EQ(no_holidays.lesson_hours_per_day(), 6);
}

TEST(SchoolCalendar, NextAndPreviousSchoolDaySkipWeekendsAndHolidays) {
  EXPECT_EQ(calendar().next_school_day({2026, 9, 11}), (Date{2026, 9, 14}));
  EXPECT_EQ(calendar().next_school_day({2026, 10, 16}), (Date{2026, 10, 26}));
  EXPECT_EQ(calendar().previous_school_day({2026, 10, 26}), (Date{2026, 10, 16}));
  EXPECT_EQ(calendar().next_school_day({2027, 7, 9}), std::nullopt);
}

TEST(SchoolCalendar, DaysAdjacentToHolidays) {
  EXPECT_TRUE(calendar().is_adjacent_to_holiday({2026, 10, 16}));  // Friday before herfst
  EXPECT_TRUE(calendar().is_adjacent_to_holiday({2026, 10, 26}));  // Monday after herfst
  EXPECT_TRUE(calendar().is_adjacent_to_holiday({2027, 5, 12}));   // day before hemelvaart
  EXPECT_TRUE(calendar().is_adjacent_to_holiday({2027, 5, 21}));   // Friday before pinkstermaandag
  EXPECT_TRUE(calendar().is_adjacent_to_holiday({2027, 5, 25}));   // Tuesday after pinkstermaandag
  EXPECT_TRUE(calendar().is_adjacent_to_holiday({2026, 8, 17}));   // first day after zomer
  EXPECT_FALSE(calendar().is_adjacent_to_holiday({2026, 10, 14})); // ordinary Wednesday
  EXPECT_FALSE(calendar().is_adjacent_to_holiday({2026, 9, 11}));  // ordinary Friday
  EXPECT_FALSE(calendar().is_adjacent_to_holiday({2026, 10, 17})); // holiday itself
}

TEST(SchoolCalendar, SchoolWeeksSkipHolidayWeeks) {
  EXPECT_EQ(calendar().school_week_index({2026, 8, 17}), 0);
  EXPECT_EQ(calendar().school_week_index({2026, 8, 23}), 0); // Sunday belongs to its ISO week
  EXPECT_EQ(calendar().school_week_index({2026, 8, 24}), 1);
  EXPECT_EQ(calendar().school_week_index({2026, 10, 21}), std::nullopt); // herfstvakantie week
  const auto before = calendar().school_week_index({2026, 10, 16});
  const auto after = calendar().school_week_index({2026, 10, 26});
  ASSERT_TRUE(before && after);
  EXPECT_EQ(*after - *before, 1);
}

TEST(SchoolCalendar, FourWeekWindowsSkipHolidayWeeks) {
  // 28 sep, 5 okt, 12 okt, [herfstvakantie], 26 okt: four consecutive school weeks.
  EXPECT_TRUE(calendar().within_consecutive_school_weeks({2026, 9, 28}, {2026, 10, 30}, 4));
  EXPECT_FALSE(calendar().within_consecutive_school_weeks({2026, 9, 21}, {2026, 10, 26}, 4));
  // Without holidays the same span is five weeks.
  const SchoolCalendar no_holidays({2026, 8, 17}, {2027, 7, 9}, {});
  EXPECT_FALSE(no_holidays.within_consecutive_school_weeks({2026, 9, 28}, {2026, 10, 30}, 4));
  EXPECT_FALSE(calendar().within_consecutive_school_weeks({2026, 10, 30}, {2026, 9, 28}, 4));
}

TEST(SchoolCalendar, KerstvakantieSpansTheYearBoundary) {
  const auto before = calendar().school_week_index({2026, 12, 18});
  const auto after = calendar().school_week_index({2027, 1, 4});
  ASSERT_TRUE(before && after);
  EXPECT_EQ(*after - *before, 1);
}

} // namespace
} // namespace eenplan::domain

namespace eenplan::domain {
namespace {

// The calendar answers from a table built once; these compare it, day by day, with the
// definitions written out plainly, for the default year, a plain year and a year whose holidays
// touch its first and last days, over the year and a month either side.
bool plain_is_holiday(const SchoolCalendar& c, Date d) {
  for (const auto& h : c.holidays())
    if (h.first <= d && d <= h.last) return true;
  return false;
}
bool plain_is_school_day(const SchoolCalendar& c, Date d) {
  return c.first_day() <= d && d <= c.last_day() && iso_weekday(d) <= 5 && !plain_is_holiday(c, d);
}
std::optional<int> plain_week_index(const SchoolCalendar& c, Date d) {
  int index = 0;
  for (Date monday = monday_of(add_days(c.first_day(), -7)); monday <= add_days(c.last_day(), 7);
       monday = add_days(monday, 7)) {
    bool school_week = false;
    for (int i = 0; i < 5; ++i)
      school_week = school_week || plain_is_school_day(c, add_days(monday, i));
    if (monday == monday_of(d)) return school_week ? std::optional(index) : std::nullopt;
    if (school_week) ++index;
  }
  return std::nullopt;
}

void expect_table_matches_definitions(const SchoolCalendar& c) {
  for (Date d = add_days(c.first_day(), -40); d <= add_days(c.last_day(), 40); d = add_days(d, 1)) {
    SCOPED_TRACE(to_iso(d));
    ASSERT_EQ(c.is_holiday(d), plain_is_holiday(c, d));
    ASSERT_EQ(c.is_school_day(d), plain_is_school_day(c, d));
    ASSERT_EQ(c.school_week_index(d), plain_week_index(c, d));
    std::optional<Date> next;
    for (Date n = add_days(d, 1); n <= c.last_day(); n = add_days(n, 1))
      if (plain_is_school_day(c, n)) {
        next = n;
        break;
      }
    ASSERT_EQ(c.next_school_day(d), next);
    std::optional<Date> previous;
    for (Date p = add_days(d, -1); c.first_day() <= p; p = add_days(p, -1))
      if (plain_is_school_day(c, p)) {
        previous = p;
        break;
      }
    ASSERT_EQ(c.previous_school_day(d), previous);
  }
}

TEST(SchoolCalendar, LookupTableMatchesTheDefinitionsOnEveryDay) {
  expect_table_matches_definitions(default_school_calendar_2026_2027());
  expect_table_matches_definitions(school_calendar_for({2030, 1, 15}));
  expect_table_matches_definitions(
      SchoolCalendar{Date{2026, 8, 17},
                     Date{2027, 7, 9},
                     {{"begin", {2026, 8, 10}, {2026, 8, 19}}, {"eind", {2027, 7, 6}, {2027, 7, 20}}},
                     6});
}

TEST(SchoolCalendar, DatesFarOutsideTheYearAreAnsweredToo) {
  const auto& c = calendar();
  EXPECT_FALSE(c.is_school_day({2020, 3, 2}));
  EXPECT_EQ(c.next_school_day({2020, 3, 2}), (Date{2026, 8, 17}));
  EXPECT_EQ(c.previous_school_day({2031, 3, 3}), (Date{2027, 7, 9}));
  EXPECT_EQ(c.previous_school_day({2020, 3, 2}), std::nullopt);
  EXPECT_EQ(c.next_school_day({2031, 3, 3}), std::nullopt);
  EXPECT_EQ(c.school_week_index({2031, 3, 3}), std::nullopt);
  EXPECT_FALSE(c.is_school_day({2027, 2, 30}));
}

} // namespace
} // namespace eenplan::domain
