#include "domain/dates.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace eenplan::domain {
namespace {

TEST(Dates, LeapDay2024IsValid) {
  EXPECT_EQ(parse_iso_date("2024-02-29"), (Date{2024, 2, 29}));
}

TEST(Dates, LeapDayInCommonYearIsInvalid) {
  EXPECT_EQ(parse_iso_date("2023-02-29"), std::nullopt);
}

TEST(Dates, CenturyIsNotLeapUnlessDivisibleBy400) {
  EXPECT_EQ(parse_iso_date("1900-02-29"), std::nullopt);
  EXPECT_EQ(parse_iso_date("2000-02-29"), (Date{2000, 2, 29}));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_TRUE(is_leap_year(2400));
}

TEST(Dates, DayMustExistInMonth) {
  EXPECT_EQ(parse_iso_date("2024-04-31"), std::nullopt);
  EXPECT_EQ(parse_iso_date("2024-04-30"), (Date{2024, 4, 30}));
  EXPECT_EQ(parse_iso_date("2024-12-31"), (Date{2024, 12, 31}));
  EXPECT_EQ(parse_iso_date("2024-12-32"), std::nullopt);
  EXPECT_EQ(parse_iso_date("2024-01-00"), std::nullopt);
}

TEST(Dates, MonthMustBeOneToTwelve) {
  EXPECT_EQ(parse_iso_date("2024-00-10"), std::nullopt);
  EXPECT_EQ(parse_iso_date("2024-13-01"), std::nullopt);
}

TEST(Dates, ParseIsStrictAboutFormat) {
  for (const char* text : {"2024-1-01", "2024-01-1", "24-01-01", "2024/01/01", "20240101", " 2024-01-01",
                           "2024-01-01 ", "2024-01-01T00:00:00Z", "+2024-01-0", "2024-0a-01",
                           "２０２４-01-01", "", "2024-01-01\n", "-024-01-01"}) {
    EXPECT_EQ(parse_iso_date(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(Dates, ParseRejectsEmbeddedNul) {
  EXPECT_EQ(parse_iso_date(std::string_view("2024-01-0\0", 10)), std::nullopt);
}

TEST(Dates, MakeDateRejectsImpossibleDates) {
  EXPECT_EQ(make_date(2023, 2, 29), std::nullopt);
  EXPECT_EQ(make_date(2024, 2, 29), (Date{2024, 2, 29}));
  EXPECT_FALSE(is_valid(Date{2024, 6, 31}));
  EXPECT_TRUE(is_valid(Date{2024, 6, 30}));
}

TEST(Dates, ToIsoRoundTrips) {
  EXPECT_EQ(to_iso(Date{2024, 3, 5}), "2024-03-05");
  EXPECT_EQ(to_iso(Date{987, 1, 2}), "0987-01-02");
  for (const char* text : {"1990-01-01", "2024-02-29", "9999-12-31", "0000-01-01"}) {
    const std::optional<Date> date = parse_iso_date(text);
    ASSERT_TRUE(date.has_value()) << text;
    EXPECT_EQ(to_iso(*date), text);
  }
}

TEST(Dates, FormatDutchIsDayMonthYear) {
  EXPECT_EQ(format_dutch(Date{2024, 3, 5}), "05-03-2024");
  EXPECT_EQ(format_dutch(Date{2011, 12, 31}), "31-12-2011");
}

TEST(Dates, ComparisonIsChronological) {
  EXPECT_LT((Date{2023, 12, 31}), (Date{2024, 1, 1}));
  EXPECT_LT((Date{2024, 1, 31}), (Date{2024, 2, 1}));
  EXPECT_LT((Date{2024, 2, 1}), (Date{2024, 2, 2}));
  EXPECT_GT((Date{2024, 10, 1}), (Date{2024, 9, 30}));
  EXPECT_EQ((Date{2024, 2, 29}), (Date{2024, 2, 29}));
  EXPECT_NE((Date{2024, 2, 29}), (Date{2024, 2, 28}));
}

TEST(Dates, AddDaysCrossesMonthYearAndLeapDay) {
  EXPECT_EQ(add_days(Date{2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(add_days(Date{2024, 2, 29}, 1), (Date{2024, 3, 1}));
  EXPECT_EQ(add_days(Date{2023, 2, 28}, 1), (Date{2023, 3, 1}));
  EXPECT_EQ(add_days(Date{2024, 12, 31}, 1), (Date{2025, 1, 1}));
  EXPECT_EQ(add_days(Date{2025, 1, 1}, -1), (Date{2024, 12, 31}));
  EXPECT_EQ(add_days(Date{2024, 3, 1}, -1), (Date{2024, 2, 29}));
  EXPECT_EQ(add_days(Date{2024, 5, 17}, 0), (Date{2024, 5, 17}));
  EXPECT_EQ(add_days(Date{2024, 1, 1}, 366), (Date{2025, 1, 1}));
  EXPECT_EQ(add_days(Date{2023, 1, 1}, 365), (Date{2024, 1, 1}));
}

TEST(Dates, TwelveWeeksIsEightyFourDays) {
  EXPECT_EQ(add_days(Date{2024, 9, 2}, 12 * 7), (Date{2024, 11, 25}));
}

TEST(Dates, DaysBetweenIsSignedAndCountsLeapDays) {
  EXPECT_EQ(days_between(Date{2024, 1, 1}, Date{2025, 1, 1}), 366);
  EXPECT_EQ(days_between(Date{2023, 1, 1}, Date{2024, 1, 1}), 365);
  EXPECT_EQ(days_between(Date{2025, 1, 1}, Date{2024, 1, 1}), -366);
  EXPECT_EQ(days_between(Date{2024, 5, 17}, Date{2024, 5, 17}), 0);
  EXPECT_EQ(days_between(Date{1970, 1, 1}, Date{2000, 3, 1}), 11017);
  EXPECT_EQ(days_between(Date{1899, 12, 31}, Date{1900, 3, 1}), 60);
}

TEST(Dates, AddDaysAndDaysBetweenAgreeOverCenturies) {
  const Date start{1896, 2, 27};
  Date date = start;
  for (int i = 0; i < 80000; i += 7) {
    ASSERT_EQ(days_between(start, date), i);
    ASSERT_TRUE(is_valid(date)) << to_iso(date);
    date = add_days(date, 7);
  }
  EXPECT_EQ(to_iso(date), "2115-03-14"); // checked with Python datetime
}

TEST(Dates, IsoWeekdayMondayIsOne) {
  EXPECT_EQ(iso_weekday(Date{2024, 1, 1}), 1);   // Monday
  EXPECT_EQ(iso_weekday(Date{2024, 2, 29}), 4);  // Thursday
  EXPECT_EQ(iso_weekday(Date{2023, 12, 31}), 7); // Sunday
  EXPECT_EQ(iso_weekday(Date{1970, 1, 1}), 4);   // Thursday
  EXPECT_EQ(iso_weekday(Date{1969, 12, 29}), 1); // Monday, before the epoch
}

TEST(Dates, AgeIncreasesOnTheBirthday) {
  const Date birth{2012, 5, 17};
  EXPECT_EQ(age_on(birth, Date{2024, 5, 16}), 11);
  EXPECT_EQ(age_on(birth, Date{2024, 5, 17}), 12);
  EXPECT_EQ(age_on(birth, Date{2024, 12, 31}), 12);
  EXPECT_EQ(age_on(birth, Date{2012, 5, 17}), 0);
}

TEST(Dates, LeapDayBirthdayCountsFromFirstOfMarchInCommonYears) {
  const Date birth{2008, 2, 29};
  EXPECT_EQ(age_on(birth, Date{2024, 2, 28}), 15);
  EXPECT_EQ(age_on(birth, Date{2024, 2, 29}), 16);
  EXPECT_EQ(age_on(birth, Date{2025, 2, 28}), 16);
  EXPECT_EQ(age_on(birth, Date{2025, 3, 1}), 17);
}

TEST(Dates, AgeIsNegativeBeforeBirth) {
  EXPECT_LT(age_on(Date{2024, 6, 1}, Date{2024, 1, 1}), 0);
}

} // namespace
} // namespace eenplan::domain
