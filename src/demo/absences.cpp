// Verzuim for the demo region: for about a third of the enrolled pupils, absences of this school
// year up to "today", drawn so that every kind of escalation signal occurs somewhere (a long
// unauthorised stretch, many late arrivals, a long illness, a day off next to a holiday).
#include <algorithm>
#include <set>

#include "demo/builder.hpp"
#include "domain/absence.hpp"
#include "domain/school_calendar.hpp"

namespace eenplan::demo::detail {
namespace {

using domain::AbsenceKind;

struct Draw {
  std::set<std::pair<std::string, int>> taken; // (date, hour): one registration each
  std::vector<Absence>& out;

  void add(const domain::Date& date, int hour, AbsenceKind kind, bool luxe = false) {
    const auto iso = domain::to_iso(date);
    if (!taken.insert({iso, hour}).second) return;
    out.push_back({iso, hour, std::string(domain::to_string(kind)), luxe});
  }
  void whole_day(const domain::Date& date, AbsenceKind kind, int hours) {
    for (int h = 1; h <= hours; ++h)
      add(date, h, kind);
  }
};

} // namespace

void add_absences(Builder& b, Rng& rng) {
  const domain::Date today{b.today.year, b.today.month, b.today.day};
  const auto calendar = domain::school_calendar_for(today);
  std::vector<domain::Date> days; // school days of this school year up to today
  for (auto d = calendar.first_day(); d <= std::min(today, calendar.last_day()); d = domain::add_days(d, 1)) {
    if (calendar.is_school_day(d)) days.push_back(d);
  }
  if (days.size() < 5) return; // the school year has hardly begun: nothing worth showing
  const int hours = calendar.lesson_hours_per_day();
  const auto any_day = [&] { return days[rng.index(days.size())]; };

  for (auto& pupil : b.region.pupils) {
    if (pupil.status != "enrolled" || !rng.percent(35)) continue;
    Draw draw{{}, pupil.absences};
    // Most of them: a few sick days and the odd late arrival or authorised hour.
    for (int i = rng.between(0, 3); i > 0; --i)
      draw.whole_day(any_day(), AbsenceKind::Sick, hours);
    for (int i = rng.between(0, 4); i > 0; --i)
      draw.add(any_day(), 1, AbsenceKind::Late);
    for (int i = rng.between(0, 2); i > 0; --i)
      draw.add(any_day(), rng.between(1, hours), AbsenceKind::Authorised);
    const int roll = rng.between(0, 99);
    if (roll < 10) {
      // A long illness: 8 to 12 school days in a row (60 hours sick → ondersteuningscoördinator).
      const std::size_t start = rng.index(days.size());
      for (std::size_t k = start; k < days.size() && k < start + static_cast<std::size_t>(rng.between(8, 12));
           ++k)
        draw.whole_day(days[k], AbsenceKind::Sick, hours);
    } else if (roll < 20) {
      // Often late: 10 to 16 arrivals (12 → leerplicht).
      for (int i = rng.between(10, 16); i > 0; --i)
        draw.add(any_day(), 1, AbsenceKind::Late);
    } else if (roll < 28) {
      // Spijbelen: two or three whole school days in a row without leave (16 hours → leerplicht).
      const std::size_t start = rng.index(days.size() - 3);
      for (std::size_t k = start; k < start + static_cast<std::size_t>(rng.between(2, 3)); ++k)
        draw.whole_day(days[k], AbsenceKind::Unauthorised, hours);
    } else if (roll < 32) {
      // A day off just before or after a holiday (luxeverzuim).
      std::vector<domain::Date> adjacent;
      for (const auto& d : days) {
        if (calendar.is_adjacent_to_holiday(d)) adjacent.push_back(d);
      }
      if (!adjacent.empty())
        draw.whole_day(adjacent[rng.index(adjacent.size())], AbsenceKind::Unauthorised, hours);
    } else if (roll < 45) {
      // Some unauthorised hours here and there, below every threshold.
      for (int i = rng.between(1, 5); i > 0; --i)
        draw.add(any_day(), rng.between(1, hours), AbsenceKind::Unauthorised);
    }
    std::sort(pupil.absences.begin(), pupil.absences.end(), [](const Absence& x, const Absence& y) {
      return x.date != y.date ? x.date < y.date : x.lesson_hour < y.lesson_hour;
    });
  }
}

} // namespace eenplan::demo::detail
