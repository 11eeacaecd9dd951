// The weekly schedule of a pupil in an arrangement: hours of education and of care per place,
// valid from a date until the next schedule. The series of schedules is the build-up ("opbouw in
// uren en vakken", seed 001 RENN4 fase 2; Team Ambulant "in het begin slechts een uurtje per dag",
// seed 004) that a chart draws.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/dates.hpp"
#include "domain/phase_history.hpp"
#include "domain/phase_model.hpp"
#include "domain/trajectory_error.hpp"

namespace eenplan::domain {

enum class ActivityKind { Education, Care };
/// "education" | "care"
std::string_view to_string(ActivityKind kind);
std::optional<ActivityKind> parse_activity_kind(std::string_view text);

struct ScheduleEntry {
  PlaceKind place = PlaceKind::Home;
  ActivityKind kind = ActivityKind::Education;
  int minutes_per_week = 0;
};

struct WeeklySchedule {
  Date valid_from;
  std::vector<ScheduleEntry> entries;

  int minutes(ActivityKind kind) const;
};

inline constexpr int kMaxScheduleMinutesPerWeek = 40 * 60;

/// Each entry 1..2400 minutes and the week in total ≤ 40 hours (schedule-hours-invalid); every
/// place allowed in the phase the pupil is in on `valid_from` according to `history`
/// (place-not-allowed-in-phase), or phase-history-not-started when there is no phase yet.
Checked<void> validate_schedule(const WeeklySchedule& schedule, const PhaseModel& model,
                                const PhaseHistory& history);

/// One point of the build-up chart: the week as it is from `from`.
struct BuildUpPoint {
  Date from;
  std::string phase; // the phase on that date (empty when unknown)
  int education_minutes = 0;
  int care_minutes = 0;
  std::vector<ScheduleEntry> by_place; // summed per place and kind, in kAllPlaceKinds order
};

/// The schedules in date order (a later schedule with the same start date replaces an earlier one
/// in the input), each with its phase from `history`.
std::vector<BuildUpPoint> build_up_series(std::vector<WeeklySchedule> schedules, const PhaseHistory& history);

} // namespace eenplan::domain
