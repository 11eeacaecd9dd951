// Proleptic Gregorian date arithmetic for the demo generator (no clock, no locale).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eenplan::demo::detail {

struct Date {
  int year = 1970;
  int month = 1; // 1..12
  int day = 1;   // 1..31
};

inline bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

inline int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

/// Days since 1970-01-01 (H. Hinnant's days_from_civil).
inline std::int64_t to_days(Date d) {
  const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (d.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

inline Date from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

/// The same calendar day `years` earlier; 29 February becomes 28 February when needed.
inline Date years_before(Date d, int years) {
  Date r{d.year - years, d.month, d.day};
  if (r.day > days_in_month(r.year, r.month)) r.day = days_in_month(r.year, r.month);
  return r;
}

/// Completed years between birth and on.
inline int age_on(Date birth, Date on) {
  int age = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
  return age;
}

/// Parses exactly "YYYY-MM-DD" with a valid calendar day.
inline std::optional<Date> parse_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](std::size_t pos, std::size_t len) -> int {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > days_in_month(y, m)) return std::nullopt;
  return Date{y, m, d};
}

inline std::string format_iso(Date d) {
  std::string out(10, '0');
  auto put = [&](std::size_t pos, std::size_t len, int v) {
    for (std::size_t i = 0; i < len; ++i) {
      out[pos + len - 1 - i] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
  };
  put(0, 4, d.year);
  out[4] = '-';
  put(5, 2, d.month);
  out[7] = '-';
  put(8, 2, d.day);
  return out;
}

} // namespace eenplan::demo::detail
