#include "domain/school_calendar.hpp"

#include <algorithm>
#include <utility>

namespace eenplan::domain {

Date monday_of(Date date) {
  return add_days(date, 1 - iso_weekday(date));
}

SchoolCalendar::SchoolCalendar(Date first_day, Date last_day, std::vector<HolidayRange> holidays,
                               int lesson_hours_per_day)
    : first_day_(first_day), last_day_(last_day), holidays_(std::move(holidays)),
      lesson_hours_per_day_(lesson_hours_per_day) {
  for (Date monday = monday_of(first_day_); monday <= last_day_; monday = add_days(monday, 7)) {
    for (int offset = 0; offset < 5; ++offset) {
      if (is_school_day(add_days(monday, offset))) {
        week_mondays_.push_back(monday);
        break;
      }
    }
  }
}

bool SchoolCalendar::is_holiday(Date date) const {
  return std::any_of(holidays_.begin(), holidays_.end(),
                     [date](const HolidayRange& range) { return range.first <= date && date <= range.last; });
}

bool SchoolCalendar::is_school_day(Date date) const {
  if (!is_valid(date) || date < first_day_ || last_day_ < date) return false;
  if (iso_weekday(date) > 5) return false;
  return !is_holiday(date);
}

std::optional<Date> SchoolCalendar::next_school_day(Date date) const {
  for (Date day = add_days(date, 1); day <= last_day_; day = add_days(day, 1)) {
    if (is_school_day(day)) return day;
  }
  return std::nullopt;
}

std::optional<Date> SchoolCalendar::previous_school_day(Date date) const {
  for (Date day = add_days(date, -1); first_day_ <= day; day = add_days(day, -1)) {
    if (is_school_day(day)) return day;
  }
  return std::nullopt;
}

bool SchoolCalendar::is_adjacent_to_holiday(Date date) const {
  if (!is_school_day(date)) return false;
  for (int step : {-1, 1}) {
    // Walk over the non-school days next to `date` (at most a long weekend plus a holiday start).
    for (Date day = add_days(date, step); !is_school_day(day); day = add_days(day, step)) {
      if (is_holiday(day)) return true;
      if (iso_weekday(day) <= 5) break; // a weekday that is no school day and no holiday: edge of year
    }
  }
  return false;
}

std::optional<int> SchoolCalendar::school_week_index(Date date) const {
  if (!is_valid(date)) return std::nullopt;
  const Date monday = monday_of(date);
  const auto it = std::lower_bound(week_mondays_.begin(), week_mondays_.end(), monday);
  if (it == week_mondays_.end() || *it != monday) return std::nullopt;
  return static_cast<int>(it - week_mondays_.begin());
}

bool SchoolCalendar::within_consecutive_school_weeks(Date earlier, Date later, int weeks) const {
  const auto first = school_week_index(earlier);
  const auto second = school_week_index(later);
  if (!first || !second) return false;
  const int distance = *second - *first;
  return distance >= 0 && distance < weeks;
}

std::vector<HolidayRange> default_holidays_2026_2027_noord() {
  return {
      {"zomervakantie 2026", {2026, 7, 4}, {2026, 8, 16}},
      {"herfstvakantie", {2026, 10, 17}, {2026, 10, 25}},
      {"kerstvakantie", {2026, 12, 19}, {2027, 1, 3}},
      {"voorjaarsvakantie", {2027, 2, 20}, {2027, 2, 28}},
      {"meivakantie (incl. koningsdag)", {2027, 4, 24}, {2027, 5, 2}},
      {"hemelvaart", {2027, 5, 13}, {2027, 5, 14}},
      {"pinkstermaandag", {2027, 5, 24}, {2027, 5, 24}},
      {"zomervakantie 2027", {2027, 7, 10}, {2027, 8, 22}},
  };
}

SchoolCalendar default_school_calendar_2026_2027() {
  return {Date{2026, 8, 17}, Date{2027, 7, 9}, default_holidays_2026_2027_noord(), kDefaultLessonHoursPerDay};
}

int school_year_start(Date date) {
  return date.month >= 8 ? date.year : date.year - 1;
}

SchoolCalendar school_calendar_for(Date date) {
  const int start = school_year_start(date);
  if (start == 2026) return default_school_calendar_2026_2027();
  Date first{start, 8, 1};
  int mondays = 0;
  for (;; first = add_days(first, 1)) {
    if (iso_weekday(first) == 1 && ++mondays == 3) break;
  }
  Date last{start + 1, 7, 1};
  int fridays = 0;
  for (;; last = add_days(last, 1)) {
    if (iso_weekday(last) == 5 && ++fridays == 2) break;
  }
  return {first, last, {}, kDefaultLessonHoursPerDay};
}

std::string school_year_of(Date date) {
  const int start = school_year_start(date);
  return std::to_string(start) + "-" + std::to_string(start + 1);
}

} // namespace eenplan::domain
