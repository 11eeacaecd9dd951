#include "core/clock.hpp"

#include <chrono>
#include <fmt/format.h>

namespace eenplan::core {

namespace {

/// Writes `value` as exactly `width` decimal digits ending just before `end`.
void put_digits(char* end, unsigned value, int width) {
  for (int i = 0; i < width; ++i) {
    *--end = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

} // namespace

std::string format_instant(Instant t) {
  using namespace std::chrono;
  const auto ms = time_point_cast<milliseconds>(t);
  const auto day = floor<days>(ms);
  const year_month_day ymd{day};
  const hh_mm_ss hms{ms - day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) { // never for a real instant; the general path keeps it exact
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", year, static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()), hms.hours().count(), hms.minutes().count(),
                       hms.seconds().count(), hms.subseconds().count());
  }
  // Every audit event and every change carries one: written by hand, it costs a tenth of a
  // formatting call.
  std::string out = "0000-00-00T00:00:00.000Z";
  char* const p = out.data();
  put_digits(p + 4, static_cast<unsigned>(year), 4);
  put_digits(p + 7, static_cast<unsigned>(ymd.month()), 2);
  put_digits(p + 10, static_cast<unsigned>(ymd.day()), 2);
  put_digits(p + 13, static_cast<unsigned>(hms.hours().count()), 2);
  put_digits(p + 16, static_cast<unsigned>(hms.minutes().count()), 2);
  put_digits(p + 19, static_cast<unsigned>(hms.seconds().count()), 2);
  put_digits(p + 23, static_cast<unsigned>(hms.subseconds().count()), 3);
  return out;
}

std::string local_date_iso(Instant t) {
  using namespace std::chrono;
  // Europe/Amsterdam: CET (+1) with CEST (+2) from the last Sunday of March 01:00 UTC
  // to the last Sunday of October 01:00 UTC. Computed here so no tz database is needed.
  const auto utc_day = floor<days>(t);
  const year y = year_month_day{utc_day}.year();
  auto last_sunday = [&](month m) {
    const sys_days last = year_month_day_last{y, month_day_last{m}};
    const weekday wd{last};
    return last - (wd - Sunday);
  };
  const auto dst_start = sys_time<hours>(last_sunday(March)) + hours{1};
  const auto dst_end = sys_time<hours>(last_sunday(October)) + hours{1};
  const auto offset = (t >= dst_start && t < dst_end) ? hours{2} : hours{1};
  const year_month_day local{floor<days>(t + offset)};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(local.year()),
                     static_cast<unsigned>(local.month()), static_cast<unsigned>(local.day()));
}

} // namespace eenplan::core
