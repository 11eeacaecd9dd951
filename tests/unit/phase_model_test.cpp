#include "domain/phase_history.hpp"
#include "domain/phase_model.hpp"
#include "domain/weekly_schedule.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace eenplan::domain {
namespace {

constexpr Date kStart{2026, 9, 1};

PhaseHistory renn4_started_in(std::string_view phase) {
  PhaseHistory history;
  EXPECT_TRUE(start_phase(history, renn4_phase_model(), phase, kStart, "Plaatsing"));
  return history;
}

// ---- phase models ------------------------------------------------------------------------------

TEST(PhaseModel, ShippedModelsAreValid) {
  ASSERT_EQ(default_phase_models().size(), 3U);
  for (const PhaseModel& model : default_phase_models()) {
    EXPECT_TRUE(validate_phase_model(model)) << model.id;
    EXPECT_EQ(find_default_phase_model(model.id), &model);
  }
  EXPECT_EQ(find_default_phase_model("onbekend"), nullptr);
}

TEST(PhaseModel, Renn4HasPhasesZeroToThreeWithTwoHoursWhereThePupilIs) {
  const PhaseModel& model = renn4_phase_model();
  ASSERT_EQ(model.phases.size(), 4U);
  const Phase& zero = model.phases[0];
  EXPECT_EQ(zero.code, "renn4-0");
  EXPECT_EQ(zero.typical_hours_min, 2);
  EXPECT_EQ(zero.typical_hours_max, 2);
  EXPECT_FALSE(zero.allows(PlaceKind::School)); // fase 0: "nog geen schoolgang"
  EXPECT_TRUE(zero.allows(PlaceKind::CareFarm));
  EXPECT_TRUE(model.phases[1].allows(PlaceKind::School)); // fase 1: "af en toe op school"
  EXPECT_EQ(model.index_of("renn4-3"), 3U);
}

TEST(PhaseModel, TeamAmbulantHasTwoPhasesOfThreeMonths) {
  const PhaseModel& model = team_ambulant_phase_model();
  ASSERT_EQ(model.phases.size(), 2U);
  for (const Phase& phase : model.phases)
    EXPECT_EQ(phase.typical_duration_months, 3);
  EXPECT_TRUE(model.phases[0].allows(PlaceKind::DayCare));
  EXPECT_TRUE(model.phases[1].allows(PlaceKind::School));
}

TEST(PhaseModel, AmbeltFaseTwoIsThePraktijkklasWithHalfCare) {
  const PhaseModel& model = ambelt_phase_model();
  const Phase* two = model.find("ambelt-2");
  ASSERT_NE(two, nullptr);
  EXPECT_EQ(two->care_share_percent, 50);
  EXPECT_EQ(model.phases.front().code, "ambelt-1");
  EXPECT_TRUE(model.phases.front().allows(PlaceKind::DayCare));
}

TEST(PhaseModel, InvalidModelsAreRefusedWithTheField) {
  PhaseModel model = renn4_phase_model();
  model.phases[2].code = "renn4-1";
  auto duplicate = validate_phase_model(model);
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().rule, TrajectoryRule::PhaseModelInvalid);
  EXPECT_EQ(duplicate.error().field, "phases[2].code");

  model = renn4_phase_model();
  model.phases[1].care_share_percent = 101;
  EXPECT_EQ(validate_phase_model(model).error().field, "phases[1].careSharePercent");

  model = renn4_phase_model();
  model.phases[0].typical_hours_min = 5; // min > max
  EXPECT_EQ(validate_phase_model(model).error().field, "phases[0].typicalHours");

  model = renn4_phase_model();
  model.phases[3].allowed_places.clear();
  EXPECT_EQ(validate_phase_model(model).error().field, "phases[3].allowedPlaces");

  model.phases.clear();
  EXPECT_FALSE(validate_phase_model(model));
}

TEST(PhaseModel, PhaseInUseCannotBeRemoved) {
  const PhaseModel& current = renn4_phase_model();
  PhaseModel changed = current;
  const std::string removed = changed.phases.back().code;
  changed.phases.pop_back();
  auto refused = check_phases_in_use(current, changed, {current.phases[0].code, removed});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule, TrajectoryRule::PhaseInUse);
  EXPECT_EQ(refused.error().field, "phases");
  EXPECT_NE(refused.error().message.find(current.phases.back().name), std::string::npos);
  // A phase no history names may go; renaming or reordering phases in use is allowed.
  EXPECT_TRUE(check_phases_in_use(current, changed, {current.phases[0].code}));
  PhaseModel renamed = current;
  renamed.phases[0].name = "Andere naam";
  std::swap(renamed.phases[1], renamed.phases[2]);
  EXPECT_TRUE(check_phases_in_use(current, renamed, {current.phases[0].code, removed}));
}

TEST(PhaseModel, PlaceKindsRoundTrip) {
  for (const PlaceKind place : kAllPlaceKinds)
    EXPECT_EQ(parse_place_kind(to_string(place)), place);
  EXPECT_EQ(parse_place_kind("Thuis"), std::nullopt);
  EXPECT_EQ(dutch_label(PlaceKind::CareFarm), "Zorgboerderij");
}

// ---- phase history -----------------------------------------------------------------------------

TEST(PhaseHistory, StartsInAPhaseOfTheModel) {
  PhaseHistory history;
  auto step = start_phase(history, renn4_phase_model(), "renn4-0", kStart, "Plaatsing");
  ASSERT_TRUE(step);
  EXPECT_EQ(step->direction, StepDirection::Start);
  EXPECT_EQ(history.model_id, kRenn4ModelId);
  EXPECT_EQ(history.current_phase(), "renn4-0");
}

TEST(PhaseHistory, StartInPhaseOfOtherModelIsRefused) {
  PhaseHistory history;
  auto step = start_phase(history, renn4_phase_model(), "ambelt-2", kStart, "Plaatsing");
  ASSERT_FALSE(step);
  EXPECT_EQ(step.error().rule, TrajectoryRule::PhaseOfOtherModel);
  EXPECT_TRUE(history.steps.empty());
}

TEST(PhaseHistory, StepForwardIsRecordedWithEvaluation) {
  PhaseHistory history = renn4_started_in("renn4-0");
  auto step = change_phase(history, renn4_phase_model(), "renn4-1", add_days(kStart, 42),
                           "Wil af en toe naar school", "eval-1");
  ASSERT_TRUE(step);
  EXPECT_EQ(step->direction, StepDirection::Forward);
  EXPECT_EQ(step->from_phase, "renn4-0");
  EXPECT_EQ(step->evaluation_id, "eval-1");
  EXPECT_EQ(history.current_phase(), "renn4-1");
}

TEST(PhaseHistory, StepBackIsRecordedWithReason) {
  PhaseHistory history = renn4_started_in("renn4-1");
  const Date date = add_days(kStart, 70);
  auto step =
      change_phase(history, renn4_phase_model(), "renn4-0", date, "Fase 1 bleek nog te spannend", "eval-2");
  ASSERT_TRUE(step);
  EXPECT_EQ(step->direction, StepDirection::Back);
  EXPECT_EQ(history.steps.back().reason, "Fase 1 bleek nog te spannend");
  EXPECT_EQ(history.steps.back().date, date);

  auto no_reason = change_phase(history, renn4_phase_model(), "renn4-1", add_days(date, 70), "  ", "eval-3");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().rule, TrajectoryRule::PhaseChangeReasonRequired);
  EXPECT_EQ(history.steps.size(), 2U);
}

TEST(PhaseHistory, ChangeNeedsTheEvaluationThatDecidedIt) {
  PhaseHistory history = renn4_started_in("renn4-0");
  auto step =
      change_phase(history, renn4_phase_model(), "renn4-1", add_days(kStart, 42), "Klaar voor fase 1", "");
  ASSERT_FALSE(step);
  EXPECT_EQ(step.error().rule, TrajectoryRule::PhaseChangeNeedsEvaluation);
}

TEST(PhaseHistory, ChangeToPhaseOfOtherModelIsRefused) {
  PhaseHistory history = renn4_started_in("renn4-0");
  auto step =
      change_phase(history, renn4_phase_model(), "team-ambulant-2", add_days(kStart, 42), "x", "eval-1");
  ASSERT_FALSE(step);
  EXPECT_EQ(step.error().rule, TrajectoryRule::PhaseOfOtherModel);
  // The history belongs to RENN4; the right phase code under another model is refused as well.
  auto other_model = change_phase(history, team_ambulant_phase_model(), "team-ambulant-2",
                                  add_days(kStart, 42), "x", "eval-1");
  EXPECT_EQ(other_model.error().rule, TrajectoryRule::PhaseOfOtherModel);
}

TEST(PhaseHistory, SamePhaseAndEarlierDateAndNoStartAreRefused) {
  PhaseHistory history = renn4_started_in("renn4-0");
  EXPECT_EQ(change_phase(history, renn4_phase_model(), "renn4-0", add_days(kStart, 1), "x", "e").error().rule,
            TrajectoryRule::PhaseUnchanged);
  EXPECT_EQ(
      change_phase(history, renn4_phase_model(), "renn4-1", add_days(kStart, -1), "x", "e").error().rule,
      TrajectoryRule::PhaseChangeBeforePrevious);
  EXPECT_EQ(start_phase(history, renn4_phase_model(), "renn4-2", kStart, "x").error().rule,
            TrajectoryRule::PhaseChangeNeedsEvaluation);
  PhaseHistory empty;
  empty.model_id = std::string(kRenn4ModelId);
  EXPECT_EQ(change_phase(empty, renn4_phase_model(), "renn4-1", kStart, "x", "e").error().rule,
            TrajectoryRule::PhaseHistoryNotStarted);
}

TEST(PhaseHistory, SkippingPhasesForwardIsAllowed) {
  PhaseHistory history = renn4_started_in("renn4-1");
  auto step =
      change_phase(history, renn4_phase_model(), "renn4-3", add_days(kStart, 70), "Stroomt snel door", "e");
  ASSERT_TRUE(step);
  EXPECT_EQ(step->direction, StepDirection::Forward);
}

TEST(PhaseHistory, PhaseOnADateAndSpansFollowTheSteps) {
  PhaseHistory history = renn4_started_in("renn4-0");
  ASSERT_TRUE(change_phase(history, renn4_phase_model(), "renn4-1", add_days(kStart, 42), "r", "e1"));
  EXPECT_EQ(history.phase_on(add_days(kStart, -1)), "");
  EXPECT_EQ(history.phase_on(add_days(kStart, 41)), "renn4-0");
  EXPECT_EQ(history.phase_on(add_days(kStart, 42)), "renn4-1");
  const auto spans = phase_spans(history, add_days(kStart, 50));
  ASSERT_EQ(spans.size(), 2U);
  EXPECT_EQ(spans[0].days, 42);
  EXPECT_EQ(spans[1].days, 8);
}

// ---- weekly schedule ---------------------------------------------------------------------------

TEST(WeeklySchedule, PlaceMustBeAllowedInThePupilsPhase) {
  const PhaseHistory history = renn4_started_in("renn4-0");
  WeeklySchedule at_home{kStart, {{PlaceKind::Home, ActivityKind::Education, 120}}};
  EXPECT_TRUE(validate_schedule(at_home, renn4_phase_model(), history));
  WeeklySchedule at_school{kStart, {{PlaceKind::School, ActivityKind::Education, 120}}};
  auto refused = validate_schedule(at_school, renn4_phase_model(), history);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule, TrajectoryRule::PlaceNotAllowedInPhase);
  EXPECT_EQ(refused.error().field, "entries[0].place");
}

TEST(WeeklySchedule, HoursArePositiveAndAtMostFortyAWeek) {
  const PhaseHistory history = renn4_started_in("renn4-0");
  WeeklySchedule zero{kStart, {{PlaceKind::Home, ActivityKind::Education, 0}}};
  EXPECT_EQ(validate_schedule(zero, renn4_phase_model(), history).error().rule,
            TrajectoryRule::ScheduleHoursInvalid);
  WeeklySchedule too_much{
      kStart,
      {{PlaceKind::Home, ActivityKind::Education, 1500}, {PlaceKind::Home, ActivityKind::Care, 1000}}};
  EXPECT_EQ(validate_schedule(too_much, renn4_phase_model(), history).error().field, "entries");
  WeeklySchedule full{
      kStart,
      {{PlaceKind::Home, ActivityKind::Education, 1400}, {PlaceKind::Home, ActivityKind::Care, 1000}}};
  EXPECT_TRUE(validate_schedule(full, renn4_phase_model(), history));
}

TEST(WeeklySchedule, ScheduleBeforeTheFirstPhaseIsRefused) {
  const PhaseHistory history = renn4_started_in("renn4-0");
  WeeklySchedule early{add_days(kStart, -7), {{PlaceKind::Home, ActivityKind::Education, 60}}};
  EXPECT_EQ(validate_schedule(early, renn4_phase_model(), history).error().rule,
            TrajectoryRule::PhaseHistoryNotStarted);
}

TEST(WeeklySchedule, BuildUpSeriesIsInDateOrderWithPhaseAndHoursPerPlace) {
  PhaseHistory history = renn4_started_in("renn4-0");
  const Date later = add_days(kStart, 42);
  ASSERT_TRUE(change_phase(history, renn4_phase_model(), "renn4-1", later, "r", "e1"));
  std::vector<WeeklySchedule> schedules{
      {later,
       {{PlaceKind::Home, ActivityKind::Education, 120},
        {PlaceKind::School, ActivityKind::Education, 120},
        {PlaceKind::Home, ActivityKind::Care, 60}}},
      {kStart, {{PlaceKind::Home, ActivityKind::Education, 120}}},
      {later, {{PlaceKind::School, ActivityKind::Education, 240}}}, // same date, given later: replaces
  };
  const auto series = build_up_series(schedules, history);
  ASSERT_EQ(series.size(), 2U);
  EXPECT_EQ(series[0].from, kStart);
  EXPECT_EQ(series[0].phase, "renn4-0");
  EXPECT_EQ(series[0].education_minutes, 120);
  EXPECT_EQ(series[1].phase, "renn4-1");
  EXPECT_EQ(series[1].education_minutes, 240);
  EXPECT_EQ(series[1].care_minutes, 0);
  ASSERT_EQ(series[1].by_place.size(), 1U);
  EXPECT_EQ(series[1].by_place[0].place, PlaceKind::School);
}

TEST(WeeklySchedule, BuildUpSumsEducationAndCarePerPlace) {
  const PhaseHistory history = renn4_started_in("renn4-0");
  std::vector<WeeklySchedule> schedules{{kStart,
                                         {{PlaceKind::Home, ActivityKind::Education, 60},
                                          {PlaceKind::Home, ActivityKind::Education, 60},
                                          {PlaceKind::DayCare, ActivityKind::Care, 300}}}};
  const auto series = build_up_series(schedules, history);
  ASSERT_EQ(series.size(), 1U);
  EXPECT_EQ(series[0].education_minutes, 120);
  EXPECT_EQ(series[0].care_minutes, 300);
  ASSERT_EQ(series[0].by_place.size(), 2U);
  EXPECT_EQ(series[0].by_place[0].place, PlaceKind::Home);
  EXPECT_EQ(series[0].by_place[0].minutes_per_week, 120);
  EXPECT_EQ(series[0].by_place[1].place, PlaceKind::DayCare);
}

} // namespace
} // namespace eenplan::domain
