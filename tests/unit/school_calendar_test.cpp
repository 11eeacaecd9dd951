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
