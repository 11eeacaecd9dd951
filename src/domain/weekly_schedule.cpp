#include "domain/weekly_schedule.hpp"

#include <algorithm>

#include "domain/enum_names.hpp"

namespace eenplan::domain {
namespace {

constexpr NameTable<ActivityKind, 2> kActivityCodes{{
    {ActivityKind::Education, "education"},
    {ActivityKind::Care, "care"},
}};

} // namespace

std::string_view to_string(ActivityKind kind) {
  return name_in(kActivityCodes, kind);
}
std::optional<ActivityKind> parse_activity_kind(std::string_view text) {
  return parse_in(kActivityCodes, text);
}

int WeeklySchedule::minutes(ActivityKind kind) const {
  int total = 0;
  for (const ScheduleEntry& entry : entries) {
    if (entry.kind == kind) total += entry.minutes_per_week;
  }
  return total;
}

Checked<void> validate_schedule(const WeeklySchedule& schedule, const PhaseModel& model,
                                const PhaseHistory& history) {
  int total = 0;
  for (std::size_t i = 0; i < schedule.entries.size(); ++i) {
    const int minutes = schedule.entries[i].minutes_per_week;
    if (minutes <= 0 || minutes > kMaxScheduleMinutesPerWeek) {
      return violation(TrajectoryRule::ScheduleHoursInvalid,
                       "entries[" + std::to_string(i) + "].minutesPerWeek");
    }
    total += minutes;
  }
  if (total > kMaxScheduleMinutesPerWeek) return violation(TrajectoryRule::ScheduleHoursInvalid, "entries");

  if (history.model_id != model.id) return violation(TrajectoryRule::PhaseOfOtherModel, "phase");
  const std::string_view phase_code = history.phase_on(schedule.valid_from);
  if (phase_code.empty()) return violation(TrajectoryRule::PhaseHistoryNotStarted, "validFrom");
  const Phase* phase = model.find(phase_code);
  if (!phase) return violation(TrajectoryRule::PhaseOfOtherModel, "phase");
  for (std::size_t i = 0; i < schedule.entries.size(); ++i) {
    const PlaceKind place = schedule.entries[i].place;
    if (!phase->allows(place)) {
      // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on a chain of string operator+.
      std::string specifics = "(";
      specifics.append(dutch_label(place)).append(" in ").append(phase->name).append(".)");
      return violation(TrajectoryRule::PlaceNotAllowedInPhase, "entries[" + std::to_string(i) + "].place",
                       specifics);
    }
  }
  return {};
}

std::vector<BuildUpPoint> build_up_series(std::vector<WeeklySchedule> schedules,
                                          const PhaseHistory& history) {
  // Stable so that, for equal start dates, the later input stays last and wins below.
  std::ranges::stable_sort(schedules, {}, &WeeklySchedule::valid_from);
  std::vector<BuildUpPoint> series;
  for (const WeeklySchedule& schedule : schedules) {
    BuildUpPoint point;
    point.from = schedule.valid_from;
    point.phase = std::string(history.phase_on(schedule.valid_from));
    point.education_minutes = schedule.minutes(ActivityKind::Education);
    point.care_minutes = schedule.minutes(ActivityKind::Care);
    for (const PlaceKind place : kAllPlaceKinds) {
      for (const ActivityKind kind : {ActivityKind::Education, ActivityKind::Care}) {
        int minutes = 0;
        for (const ScheduleEntry& entry : schedule.entries) {
          if (entry.place == place && entry.kind == kind) minutes += entry.minutes_per_week;
        }
        if (minutes > 0) point.by_place.push_back({place, kind, minutes});
      }
    }
    if (!series.empty() && series.back().from == point.from) {
      series.back() = std::move(point);
    } else {
      series.push_back(std::move(point));
    }
  }
  return series;
}

} // namespace eenplan::domain
