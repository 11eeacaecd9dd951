#include "domain/dates.hpp"

#include <cstdint>

namespace eenplan::domain {
namespace {

// Day numbers relative to 1970-01-01, after Howard Hinnant's "chrono-compatible low-level date
// algorithms" (public domain). 64-bit so no intermediate can overflow for any int year.
constexpr std::int64_t days_from_civil(std::int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;                        // [0, 399]
  const std::int64_t shifted_month = month > 2 ? month - 3 : month + 9;     // March = 0
  const std::int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1; // [0, 365]
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year; // [0, 146096]
  return era * 146097 + day_of_era - 719468;
}

constexpr Date civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097; // [0, 146096]
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;
  const std::int64_t day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const std::int64_t month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return Date{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);
static_assert(civil_from_days(11017) == Date{2000, 3, 1});

constexpr std::int64_t day_number(Date date) {
  return days_from_civil(date.year, date.month, date.day);
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

int digits_value(std::string_view text) {
  int value = 0;
  for (char c : text)
    value = value * 10 + (c - '0');
  return value;
}

void append_padded(std::string& out, std::int64_t value, std::size_t width) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) out.append(width - digits.size(), '0');
  out += digits;
}

} // namespace

std::optional<Date> make_date(int year, int month, int day) {
  const Date date{year, month, day};
  if (!is_valid(date)) return std::nullopt;
  return date;
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (!is_ascii_digit(text[i])) return std::nullopt;
  }
  return make_date(digits_value(text.substr(0, 4)), digits_value(text.substr(5, 2)),
                   digits_value(text.substr(8, 2)));
}

std::string to_iso(Date date) {
  std::string out;
  out.reserve(11);
  if (date.year < 0) {
    out += '-';
    append_padded(out, -static_cast<std::int64_t>(date.year), 4);
  } else {
    append_padded(out, date.year, 4);
  }
  out += '-';
  append_padded(out, date.month, 2);
  out += '-';
  append_padded(out, date.day, 2);
  return out;
}

std::string format_dutch(Date date) {
  std::string out;
  out.reserve(10);
  append_padded(out, date.day, 2);
  out += '-';
  append_padded(out, date.month, 2);
  out += '-';
  append_padded(out, date.year, 4);
  return out;
}

Date add_days(Date date, int days) {
  return civil_from_days(day_number(date) + days);
}

int days_between(Date from, Date to) {
  return static_cast<int>(day_number(to) - day_number(from));
}

int iso_weekday(Date date) {
  // 1970-01-01 was a Thursday (ISO 4).
  const std::int64_t n = day_number(date);
  const std::int64_t from_monday = ((n + 3) % 7 + 7) % 7;
  return static_cast<int>(from_monday) + 1;
}

int age_on(Date birth, Date today) {
  const bool birthday_reached =
      today.month > birth.month || (today.month == birth.month && today.day >= birth.day);
  return today.year - birth.year - (birthday_reached ? 0 : 1);
}

} // namespace eenplan::domain
