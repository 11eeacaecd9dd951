// Calendar dates: a small value type for local calendar dates (Europe/Amsterdam) without time of
// day.
//
// Pure: no clock reads. Whoever needs "today" gets it passed in. Proleptic Gregorian calendar.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace eenplan::domain {

/// A calendar date. Aggregate so `Date{2024, 2, 29}` reads naturally; it may hold an impossible
/// date when built by hand — use `make_date` or `parse_iso_date` for input, `is_valid` to check.
/// Ordering is chronological for valid dates.
struct Date {
  int year = 1970;
  int month = 1; // 1..12
  int day = 1;   // 1..days_in_month(year, month)

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads the defaulted <=>
  friend constexpr auto operator<=>(const Date&, const Date&) = default;
  friend constexpr bool operator==(const Date&, const Date&) = default;
};

constexpr bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// Days in the month, or 0 when `month` is not 1..12.
constexpr int days_in_month(int year, int month) {
  switch (month) {
  case 1:
  case 3:
  case 5:
  case 7:
  case 8:
  case 10:
  case 12: return 31;
  case 4:
  case 6:
  case 9:
  case 11: return 30;
  case 2: return is_leap_year(year) ? 29 : 28;
  default: return 0;
  }
}

constexpr bool is_valid(Date date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= days_in_month(date.year, date.month);
}

/// The date, when it exists in the calendar.
std::optional<Date> make_date(int year, int month, int day);

/// Strict ISO 8601 / RFC 3339 full-date: exactly `YYYY-MM-DD`, ASCII digits, a real calendar date
/// (year 0000..9999). No surrounding whitespace, no time part, no sign, no short forms.
std::optional<Date> parse_iso_date(std::string_view text);

/// `YYYY-MM-DD` (at least four year digits; a leading '-' for years before 0). Precondition: valid.
std::string to_iso(Date date);

/// Dutch notation `dd-mm-jjjj`, e.g. "05-03-2024". Precondition: valid.
std::string format_dutch(Date date);

/// The date `days` later (earlier when negative). Precondition: `date` is valid.
Date add_days(Date date, int days);

/// Signed number of days from `from` to `to`: positive when `to` is later. Preconditions: both
/// valid.
int days_between(Date from, Date to);

/// ISO weekday: 1 = Monday … 7 = Sunday. Precondition: valid.
int iso_weekday(Date date);

/// Completed years of age on `today`. Someone born on 29 February has a birthday on 1 March in
/// common years (the birthday has not yet come on 28 February). Negative when `today` is before
/// `birth` (bad data: validate the date of birth first).
int age_on(Date birth, Date today);

} // namespace eenplan::domain
