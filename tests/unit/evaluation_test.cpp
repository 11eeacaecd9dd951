#include "domain/due_items.hpp"
#include "domain/evaluation.hpp"

#include "trajectory_fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace eenplan::domain {
namespace {

using testing::ready_opp;
using testing::ready_tailored_arrangement;

constexpr Date kStart{2026, 9, 1};

struct Trajectory {
  Arrangement arrangement = ready_tailored_arrangement(kStart);
  Opp opp = ready_opp(kStart);
  PhaseHistory history;

  Trajectory() {
    EXPECT_TRUE(start_arrangement(arrangement, 1));
    EXPECT_TRUE(set_opp(opp, 1, SchoolType::Vso, kStart));
    EXPECT_TRUE(start_phase(history, renn4_phase_model(), "renn4-0", kStart, "Plaatsing"));
  }
};

Evaluation continue_evaluation(Date held_on) {
  Evaluation e;
  e.id = "eval-1";
  e.arrangement_id = "arr-1";
  e.opp_id = "opp-1";
  e.held_on = held_on;
  e.participants = {{EvaluationRole::Parent, "moeder"},
                    {EvaluationRole::Pupil, "pupil-1"},
                    {EvaluationRole::Care, "jeugdhulp"},
                    {EvaluationRole::School, "u-teacher"}};
  e.goals = {{"g-1", GoalProgress::Progressing, "leest elke week hardop"},
             {"g-2", GoalProgress::NotStarted, ""}};
  e.decision = EvaluationDecision::Continue;
  e.next_date = add_days(held_on, 42);
  return e;
}

Evaluation phase_change(Date held_on, std::string phase) {
  Evaluation e = continue_evaluation(held_on);
  e.decision = EvaluationDecision::ChangePhase;
  e.new_phase = std::move(phase);
  e.reason = "Wil af en toe op school oefenen";
  return e;
}

TrajectoryRule refusal(const Evaluation& e, const Trajectory& s,
                       const PhaseModel& model = renn4_phase_model()) {
  auto valid = validate_evaluation(e, s.arrangement, s.opp, model);
  EXPECT_FALSE(valid);
  return valid ? TrajectoryRule::StaleVersion : valid.error().rule;
}

// ---- evaluation rules --------------------------------------------------------------------------

TEST(Evaluation, RecordsProgressPerGoalOfItsOwnOpp) {
  Trajectory s;
  EXPECT_TRUE(validate_evaluation(continue_evaluation(add_days(kStart, 42)), s.arrangement, s.opp,
                                  renn4_phase_model()));
}

TEST(Evaluation, GoalOfOtherOppIsRefused) {
  Trajectory s;
  Evaluation e = continue_evaluation(add_days(kStart, 42));
  e.goals.push_back({"g-of-another-opp", GoalProgress::Achieved, ""});
  auto valid = validate_evaluation(e, s.arrangement, s.opp, renn4_phase_model());
  ASSERT_FALSE(valid);
  EXPECT_EQ(valid.error().code(), "goal-of-other-opp");
  EXPECT_EQ(valid.error().field, "goals[2].goalId");
}

TEST(Evaluation, GoalIsEvaluatedOnce) {
  Trajectory s;
  Evaluation e = continue_evaluation(add_days(kStart, 42));
  e.goals.push_back(e.goals.front());
  EXPECT_EQ(refusal(e, s), TrajectoryRule::GoalEvaluatedTwice);
}

TEST(Evaluation, EvaluationOfAnotherArrangementOrOppIsRefused) {
  Trajectory s;
  Evaluation e = continue_evaluation(add_days(kStart, 42));
  e.arrangement_id = "arr-2";
  EXPECT_EQ(refusal(e, s), TrajectoryRule::EvaluationOfOtherArrangement);
  e = continue_evaluation(add_days(kStart, 42));
  e.opp_id = "opp-2";
  EXPECT_EQ(refusal(e, s), TrajectoryRule::EvaluationOfOtherArrangement);
  Trajectory other;
  other.opp.id = "opp-2"; // the OPP passed in is not the arrangement's
  EXPECT_EQ(refusal(continue_evaluation(add_days(kStart, 42)), other),
            TrajectoryRule::EvaluationOfOtherArrangement);
}

TEST(Evaluation, EvaluationBeforeTheStartIsRefused) {
  Trajectory s;
  EXPECT_EQ(refusal(continue_evaluation(add_days(kStart, -1)), s), TrajectoryRule::EvaluationBeforeStart);
}

TEST(Evaluation, PhaseFromOtherModelIsRefused) {
  Trajectory s;
  EXPECT_EQ(refusal(phase_change(add_days(kStart, 42), "ambelt-2"), s), TrajectoryRule::PhaseOfOtherModel);
  // A phase that exists, but in a model that is not the arrangement's.
  EXPECT_EQ(refusal(phase_change(add_days(kStart, 42), "team-ambulant-2"), s, team_ambulant_phase_model()),
            TrajectoryRule::PhaseOfOtherModel);
}

TEST(Evaluation, NewPhaseGoesWithTheChangePhaseDecision) {
  Trajectory s;
  Evaluation e = continue_evaluation(add_days(kStart, 42));
  e.new_phase = "renn4-1";
  EXPECT_EQ(refusal(e, s), TrajectoryRule::PhaseChangeDecisionRequired);
  e = phase_change(add_days(kStart, 42), "");
  EXPECT_EQ(refusal(e, s), TrajectoryRule::PhaseChangeDecisionRequired);
}

TEST(Evaluation, PhaseChangeIsDecidedWithParents) {
  Trajectory s;
  Evaluation e = phase_change(add_days(kStart, 42), "renn4-1");
  std::erase_if(e.participants,
                [](const EvaluationParticipant& p) { return p.role == EvaluationRole::Parent; });
  EXPECT_EQ(refusal(e, s), TrajectoryRule::ParentsNotInEvaluation);
  e = phase_change(add_days(kStart, 42), "renn4-1");
  e.reason.clear();
  EXPECT_EQ(refusal(e, s), TrajectoryRule::PhaseChangeReasonRequired);
}

TEST(Evaluation, SetsTheNextDateWithinTheCadence) {
  Trajectory s; // every 6 weeks
  Evaluation e = continue_evaluation(add_days(kStart, 42));
  e.next_date.reset();
  EXPECT_EQ(refusal(e, s), TrajectoryRule::NextEvaluationDateRequired);
  e.next_date = e.held_on;
  EXPECT_EQ(refusal(e, s), TrajectoryRule::NextEvaluationDateRequired);
  e.next_date = add_days(e.held_on, 43);
  EXPECT_EQ(refusal(e, s), TrajectoryRule::NextEvaluationBeyondCadence);
  e.next_date = add_days(e.held_on, 42);
  EXPECT_TRUE(validate_evaluation(e, s.arrangement, s.opp, renn4_phase_model()));
}

TEST(Evaluation, MaatwerkEvaluatedAtLeastOncePerQuarter) {
  Trajectory s;
  s.arrangement.cadence = kEachQuarter;
  Evaluation e = continue_evaluation(Date{2026, 11, 30});
  e.next_date = Date{2027, 3, 1}; // more than a quarter later
  EXPECT_EQ(refusal(e, s), TrajectoryRule::NextEvaluationBeyondCadence);
  e.next_date = Date{2027, 2, 28};
  EXPECT_TRUE(validate_evaluation(e, s.arrangement, s.opp, renn4_phase_model()));
  // And a route-1 arrangement cannot be configured with a longer cadence at all.
  s.arrangement.cadence = {CadenceUnit::Months, 4};
  EXPECT_EQ(validate_arrangement(s.arrangement).error().rule, TrajectoryRule::EvaluationCadenceTooLong);
}

TEST(Evaluation, EndDecisionNeedsNoNextDate) {
  Trajectory s;
  Evaluation e = continue_evaluation(add_days(kStart, 42));
  e.decision = EvaluationDecision::End;
  e.next_date.reset();
  EXPECT_TRUE(validate_evaluation(e, s.arrangement, s.opp, renn4_phase_model()));
}

TEST(Evaluation, EndedArrangementIsNotEvaluated) {
  Trajectory s;
  ASSERT_TRUE(end_arrangement(s.arrangement, 2,
                              {add_days(kStart, 30), DestinationKind::ReturnToHomeSchool, "school-stam",
                               "Terug naar de stamschool"}));
  EXPECT_EQ(refusal(continue_evaluation(add_days(kStart, 42)), s), TrajectoryRule::ArrangementNotActive);
}

TEST(Evaluation, ChangePhaseRecordsTheStepWithTheEvaluation) {
  Trajectory s;
  auto applied = apply_evaluation(phase_change(add_days(kStart, 42), "renn4-1"), s.arrangement, s.opp,
                                  renn4_phase_model(), s.history);
  ASSERT_TRUE(applied);
  ASSERT_TRUE(applied->has_value());
  EXPECT_EQ((*applied)->evaluation_id, "eval-1");
  EXPECT_EQ((*applied)->direction, StepDirection::Forward);
  EXPECT_EQ(s.history.current_phase(), "renn4-1");

  auto unchanged = apply_evaluation(continue_evaluation(add_days(kStart, 84)), s.arrangement, s.opp,
                                    renn4_phase_model(), s.history);
  ASSERT_TRUE(unchanged);
  EXPECT_FALSE(unchanged->has_value());

  Evaluation back = phase_change(add_days(kStart, 84), "renn4-0");
  back.id = "eval-2";
  back.reason = "Fase 1 bleek nog te spannend";
  auto stepped_back = apply_evaluation(back, s.arrangement, s.opp, renn4_phase_model(), s.history);
  ASSERT_TRUE(stepped_back);
  EXPECT_EQ((*stepped_back)->direction, StepDirection::Back);
  EXPECT_EQ(s.history.steps.size(), 3U);
}

TEST(Evaluation, RefusedEvaluationLeavesThePhaseHistoryUnchanged) {
  Trajectory s;
  Evaluation e = phase_change(add_days(kStart, 42), "renn4-1");
  e.goals.push_back({"g-x", GoalProgress::Achieved, ""});
  EXPECT_FALSE(apply_evaluation(e, s.arrangement, s.opp, renn4_phase_model(), s.history));
  EXPECT_EQ(s.history.steps.size(), 1U);
}

TEST(Evaluation, NextDueIsTheLastEvaluationsDateOrOneCadenceAfterStart) {
  Trajectory s;
  EXPECT_EQ(next_evaluation_due(s.arrangement, {}), add_days(kStart, 42));
  Evaluation first = continue_evaluation(add_days(kStart, 40));
  first.next_date = add_days(kStart, 70);
  Evaluation other = continue_evaluation(add_days(kStart, 60));
  other.arrangement_id = "arr-other";
  EXPECT_EQ(next_evaluation_due(s.arrangement, {first, other}), add_days(kStart, 70));
}

// ---- due items ---------------------------------------------------------------------------------

std::vector<DueItem> of_kind(const std::vector<DueItem>& items, DueKind kind) {
  std::vector<DueItem> out;
  std::ranges::copy_if(items, std::back_inserter(out),
                       [kind](const DueItem& item) { return item.kind == kind; });
  return out;
}

TEST(DueItems, EvaluationIsUpcomingWithinTheHorizonAndOverdueAfterItsDate) {
  Trajectory s;
  const Date due = add_days(kStart, 42);
  EXPECT_TRUE(
      of_kind(due_items({s.arrangement}, {}, {}, {s.opp}, add_days(due, -15)), DueKind::Evaluation).empty());
  const auto upcoming =
      of_kind(due_items({s.arrangement}, {}, {}, {s.opp}, add_days(due, -14)), DueKind::Evaluation);
  ASSERT_EQ(upcoming.size(), 1U);
  EXPECT_EQ(upcoming[0].status, DueStatus::Upcoming);
  EXPECT_EQ(upcoming[0].owner_id, "u-coord");
  EXPECT_EQ(upcoming[0].due, due);
  EXPECT_EQ(of_kind(due_items({s.arrangement}, {}, {}, {s.opp}, due), DueKind::Evaluation)[0].status,
            DueStatus::Upcoming);
  EXPECT_EQ(
      of_kind(due_items({s.arrangement}, {}, {}, {s.opp}, add_days(due, 1)), DueKind::Evaluation)[0].status,
      DueStatus::Overdue);
}

TEST(DueItems, OppNeverSetIsDueSixWeeksAfterTheStart) {
  Trajectory s;
  Opp draft = ready_opp(kStart);
  const auto items = due_items({s.arrangement}, {}, {}, {draft}, add_days(kStart, 43));
  const auto opp_items = of_kind(items, DueKind::OppToSet);
  ASSERT_EQ(opp_items.size(), 1U);
  EXPECT_EQ(opp_items[0].due, add_days(kStart, 42));
  EXPECT_EQ(opp_items[0].status, DueStatus::Overdue);
  EXPECT_TRUE(
      of_kind(due_items({s.arrangement}, {}, {}, {s.opp}, add_days(kStart, 43)), DueKind::OppToSet).empty());
}

TEST(DueItems, IntakeAndHomeVisitGoToEachOwner) {
  Registration r;
  r.id = "reg-1";
  r.pupil_id = "pupil-9";
  r.tasks = {{IntakeTaskKind::Intake, {"u-ortho", "u-ib"}, Date{2026, 10, 12}, std::nullopt},
             {IntakeTaskKind::HomeVisit, {"u-teacher"}, Date{2026, 10, 19}, std::nullopt},
             {IntakeTaskKind::Intake, {"u-old"}, Date{2026, 9, 1}, Date{2026, 9, 1}}}; // done: not listed
  const auto items = due_items({}, {}, {r}, {}, Date{2026, 10, 14});
  ASSERT_EQ(items.size(), 3U);
  EXPECT_EQ(items[0].owner_id, "u-ib");
  EXPECT_EQ(items[0].status, DueStatus::Overdue);
  EXPECT_EQ(items[1].owner_id, "u-ortho");
  EXPECT_EQ(items[2].kind, DueKind::HomeVisit);
  EXPECT_EQ(items[2].status, DueStatus::Upcoming);
  r.status = RegistrationStatus::Withdrawn;
  EXPECT_TRUE(due_items({}, {}, {r}, {}, Date{2026, 10, 14}).empty());
}

TEST(DueItems, ArrangementEndIsDueForTheReturnPlan) {
  Trajectory s;
  const auto items = of_kind(due_items({s.arrangement}, {}, {}, {s.opp}, add_days(s.arrangement.end, -3)),
                             DueKind::ArrangementEnd);
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].due, s.arrangement.end);
}

TEST(DueItems, OnlyActiveArrangementsAreListedInDateOrder) {
  Trajectory s;
  Arrangement draft = ready_tailored_arrangement(kStart);
  draft.id = "arr-draft";
  const auto items = due_items({s.arrangement, draft}, {}, {}, {s.opp}, add_days(kStart, 400), 30);
  ASSERT_FALSE(items.empty());
  EXPECT_TRUE(std::ranges::all_of(items, [](const DueItem& i) { return i.subject_id == "arr-1"; }));
  EXPECT_TRUE(std::ranges::is_sorted(items, {}, &DueItem::due));
  EXPECT_TRUE(std::ranges::all_of(items, [](const DueItem& i) { return i.status == DueStatus::Overdue; }));
}

} // namespace
} // namespace eenplan::domain
