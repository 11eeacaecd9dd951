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
      lesson_hours_per_day_(lesson_hours_per_day), table_first_(add_days(monday_of(first_day), -7)) {
  // A week either side of the school year, so walking from its first or last day stays in the table.
  const auto size = static_cast<std::size_t>(days_between(table_first_, add_days(monday_of(last_day_), 14)));
  days_.resize(size);
  for (std::size_t i = 0; i < size; ++i) {
    const Date date = add_days(table_first_, static_cast<int>(i));
    auto& day = days_[i];
    day.holiday = compute_is_holiday(date);
    day.school_day = first_day_ <= date && date <= last_day_ && iso_weekday(date) <= 5 && !day.holiday;
  }
  // The table starts on a Monday: every seven entries are one ISO week.
  for (std::size_t monday = 0; monday < size; monday += 7) {
    bool school_week = false;
    for (std::size_t offset = 0; offset < 5; ++offset)
      school_week = school_week || days_[monday + offset].school_day;
    if (!school_week) continue;
    const int index = static_cast<int>(week_mondays_.size());
    week_mondays_.push_back(add_days(table_first_, static_cast<int>(monday)));
    for (std::size_t offset = 0; offset < 7; ++offset)
      days_[monday + offset].week_index = index;
  }
  int previous = -1;
  for (std::size_t i = 0; i < size; ++i) {
    days_[i].previous_school_day = previous;
    if (days_[i].school_day) previous = static_cast<int>(i);
  }
  int next = -1;
  for (std::size_t i = size; i-- > 0;) {
    days_[i].next_school_day = next;
    if (days_[i].school_day) next = static_cast<int>(i);
  }
}

const SchoolCalendar::DayFacts* SchoolCalendar::facts(Date date) const {
  if (!is_valid(date)) return nullptr;
  const int index = days_between(table_first_, date);
  if (index < 0 || index >= static_cast<int>(days_.size())) return nullptr;
  return &days_[static_cast<std::size_t>(index)];
}

bool SchoolCalendar::compute_is_holiday(Date date) const {
  return std::any_of(holidays_.begin(), holidays_.end(),
                     [date](const HolidayRange& range) { return range.first <= date && date <= range.last; });
}

bool SchoolCalendar::is_holiday(Date date) const {
  const auto* day = facts(date);
  return day ? day->holiday : compute_is_holiday(date);
}

bool SchoolCalendar::is_school_day(Date date) const {
  const auto* day = facts(date);
  return day != nullptr && day->school_day; // outside the table is outside the school year
}

std::optional<Date> SchoolCalendar::next_school_day(Date date) const {
  // The table's first and last days are no school days, so clamping to them keeps "strictly after".
  if (date < table_first_) date = table_first_;
  const auto* day = facts(date);
  if (day == nullptr || day->next_school_day < 0) return std::nullopt;
  return add_days(table_first_, day->next_school_day);
}

std::optional<Date> SchoolCalendar::previous_school_day(Date date) const {
  const Date table_last = add_days(table_first_, static_cast<int>(days_.size()) - 1);
  if (table_last < date) date = table_last;
  const auto* day = facts(date);
  if (day == nullptr || day->previous_school_day < 0) return std::nullopt;
  return add_days(table_first_, day->previous_school_day);
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
  const auto* day = facts(date);
  if (day == nullptr || day->week_index < 0) return std::nullopt;
  return day->week_index;
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
