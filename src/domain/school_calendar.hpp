// School calendar: which dates are school days, how they group into school weeks, and how many
// lesson hours a school day has.
//
// A school day is a Monday–Friday inside the school year that is not in a holiday range. A school
// week is an ISO week (Monday–Sunday) that contains at least one school day; weeks that are
// entirely holiday are not school weeks, so "4 consecutive school weeks" skips holiday weeks.
//
// Pure: no I/O, no clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/dates.hpp"

namespace eenplan::domain {

/// A holiday (vakantie or vrije dag), both ends inclusive.
struct HolidayRange {
  std::string name;
  Date first;
  Date last;
};

inline constexpr int kDefaultLessonHoursPerDay = 8;

class SchoolCalendar {
public:
  /// `first_day`..`last_day` (inclusive) bound the school year. Preconditions: valid dates,
  /// first_day <= last_day, lesson_hours_per_day >= 1.
  SchoolCalendar(Date first_day, Date last_day, std::vector<HolidayRange> holidays,
                 int lesson_hours_per_day = kDefaultLessonHoursPerDay);

  [[nodiscard]] Date first_day() const { return first_day_; }
  [[nodiscard]] Date last_day() const { return last_day_; }
  [[nodiscard]] int lesson_hours_per_day() const { return lesson_hours_per_day_; }
  [[nodiscard]] const std::vector<HolidayRange>& holidays() const { return holidays_; }

  /// In one of the holiday ranges (any weekday).
  [[nodiscard]] bool is_holiday(Date date) const;
  /// Monday–Friday, inside the school year, not a holiday.
  [[nodiscard]] bool is_school_day(Date date) const;
  /// The first school day strictly after `date`, if any in this school year.
  [[nodiscard]] std::optional<Date> next_school_day(Date date) const;
  /// The last school day strictly before `date`, if any in this school year.
  [[nodiscard]] std::optional<Date> previous_school_day(Date date) const;
  /// A school day that is the last school day before, or the first school day after, a holiday:
  /// between it and the neighbouring school day (only weekend days allowed in between) lies a
  /// holiday date.
  [[nodiscard]] bool is_adjacent_to_holiday(Date date) const;

  /// Monday of every school week, in order.
  [[nodiscard]] const std::vector<Date>& school_week_mondays() const { return week_mondays_; }
  /// 0-based index of the school week that `date` falls in; nullopt when that ISO week is not a
  /// school week (or lies outside the school year).
  [[nodiscard]] std::optional<int> school_week_index(Date date) const;
  /// Both dates lie in school weeks and `later`'s school week is at most `weeks - 1` school weeks
  /// after `earlier`'s (i.e. both fit in one window of `weeks` consecutive school weeks).
  [[nodiscard]] bool within_consecutive_school_weeks(Date earlier, Date later, int weeks) const;

private:
  /// What the calendar knows of one date, looked up once at construction: the escalation rules
  /// ask these questions for every absence of every pupil in an import (millions of times).
  struct DayFacts {
    bool school_day = false;
    bool holiday = false;
    int week_index = -1;          // school week of the date's ISO week; -1 when none
    int next_school_day = -1;     // table index of the first school day after it; -1 when none
    int previous_school_day = -1; // table index of the last school day before it; -1 when none
  };
  /// The facts of `date` when it lies in the table (the school year plus a week either side).
  [[nodiscard]] const DayFacts* facts(Date date) const;
  [[nodiscard]] bool compute_is_holiday(Date date) const;

  Date first_day_;
  Date last_day_;
  std::vector<HolidayRange> holidays_;
  int lesson_hours_per_day_;
  std::vector<Date> week_mondays_;
  Date table_first_;
  std::vector<DayFacts> days_;
};

/// Monday of the ISO week containing `date`. Precondition: valid.
Date monday_of(Date date);

/// Default holidays for school year 2026-2027, region Noord (defaults only: every school
/// configures its own). Zomer 2026 (tail) 4 jul–16 aug 2026, herfst 17–25 okt 2026, kerst
/// 19 dec 2026–3 jan 2027, voorjaar 20–28 feb 2027, mei 24 apr–2 mei 2027 (incl. koningsdag),
/// hemelvaart 13–14 mei 2027, pinkstermaandag 24 mei 2027, zomer 10 jul–22 aug 2027.
std::vector<HolidayRange> default_holidays_2026_2027_noord();

/// School year 2026-2027 from 17 aug 2026 (first school day after zomer 2026, regio Noord) to
/// 9 jul 2027 (last school day before zomer 2027), default holidays, 8 lesson hours per day.
SchoolCalendar default_school_calendar_2026_2027();

/// The school calendar of the school year that `date` falls in (a school year runs from 1 August
/// to 31 July). 2026-2027 has the default calendar; other years get a plain calendar (the third
/// Monday of August to the second Friday of July, no holidays) until schools configure their own.
SchoolCalendar school_calendar_for(Date date);

/// The first calendar year of the school year (1 August .. 31 July) that `date` falls in.
int school_year_start(Date date);
/// "2026-2027": the school year that `date` falls in (1 August .. 31 July).
std::string school_year_of(Date date);

} // namespace eenplan::domain
