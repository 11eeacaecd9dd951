// The journey at domain level: a thuiszitter gets a maatwerk arrangement (RENN4 template)
// with an A4 plan and an OPP with two goals; the parents agree; six weeks later an evaluation moves
// the pupil from phase 0 to phase 1 and the week grows from 2 to 4 hours; when the next evaluation
// date passes, it shows as overdue in "Mijn taken".
#include "domain/arrangement.hpp"
#include "domain/arrangement_templates.hpp"
#include "domain/due_items.hpp"
#include "domain/evaluation.hpp"
#include "domain/opp.hpp"
#include "domain/phase_history.hpp"
#include "domain/weekly_schedule.hpp"

#include "trajectory_fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace eenplan::domain {
namespace {

TEST(TrajectoryJourney, ThuiszitterMovesFromPhaseZeroToOneAndAMissedEvaluationIsOverdue) {
  const Date start{2026, 9, 1};
  const PhaseModel& model = renn4_phase_model();

  // Route 1 from the RENN4 template: the ten steps, the A4 plan, the return plan.
  const ArrangementTemplate* tpl = find_arrangement_template("renn4-maatwerktraject");
  ASSERT_NE(tpl, nullptr);
  Arrangement arrangement = arrangement_from_template(*tpl, start);
  arrangement.id = "arr-1";
  arrangement.pupil_id = "pupil-1";
  arrangement.provider_organisation_ids = {"org-atlas"};
  arrangement.enrolling_school_id = "school-atlas";
  arrangement.home_school_id = "school-stam";
  arrangement.coordinator_id = "u-coord";
  arrangement.workflow = testing::complete_workflow(start);

  // Without a return plan it cannot start.
  EXPECT_EQ(start_arrangement(arrangement, 1).error().rule, TrajectoryRule::ReturnPlanRequired);
  arrangement.return_plan =
      ReturnPlan{ReturnKind::ReturnToHomeSchool, "school-stam",
                 "Na fase 3 proefplaatsing op de stamschool; mentor is elke 10 weken bij het MDO."};
  ASSERT_TRUE(start_arrangement(arrangement, 1));
  EXPECT_EQ(arrangement.cadence, kEveryTenWeeks);

  PhaseHistory history;
  ASSERT_TRUE(start_phase(history, model, "renn4-0", start, "Start maatwerktraject: leerkracht komt thuis"));
  const WeeklySchedule first_week{start, {{PlaceKind::Home, ActivityKind::Education, 120}}};
  ASSERT_TRUE(validate_schedule(first_week, model, history));

  // The OPP with two goals; the parents agree with the handelingsdeel; the pupil is heard.
  const Date opp_day{2026, 9, 8};
  Opp opp = testing::ready_opp(opp_day);
  opp.action_part.agreement =
      ParentAgreement{"guardian-1", Signatory::Parent, opp_day, AgreementMethod::Signature};
  ASSERT_EQ(opp.goals.size(), 2U);
  ASSERT_TRUE(set_opp(opp, 1, SchoolType::Vso, opp_day));
  arrangement.opp_id = opp.id;
  EXPECT_LE(*opp.first_set_on, opp_deadline(start));
  EXPECT_TRUE(open_steps(arrangement.workflow, arrangement.opp_id).empty());

  // Six weeks later: the evaluation decides phase 1, with 4 hours a week (2 at home, 2 at school).
  const Date six_weeks = add_days(start, 42);
  Evaluation evaluation;
  evaluation.id = "eval-1";
  evaluation.arrangement_id = arrangement.id;
  evaluation.opp_id = opp.id;
  evaluation.held_on = six_weeks;
  evaluation.participants = {{EvaluationRole::Parent, "moeder"},
                             {EvaluationRole::Pupil, "pupil-1"},
                             {EvaluationRole::Care, "jeugdhulp"},
                             {EvaluationRole::School, "mentor"}};
  evaluation.goals = {{"g-1", GoalProgress::Progressing, "Leest elke week hardop"},
                      {"g-2", GoalProgress::Progressing, "Vraagt twee keer per week om hulp"}};
  evaluation.decision = EvaluationDecision::ChangePhase;
  evaluation.new_phase = "renn4-1";
  evaluation.reason = "Wil af en toe op school oefenen";
  evaluation.next_date = next_evaluation_date(arrangement.cadence, six_weeks);
  auto applied = apply_evaluation(evaluation, arrangement, opp, model, history);
  ASSERT_TRUE(applied) << applied.error().message;
  ASSERT_TRUE(applied->has_value());
  EXPECT_EQ(history.current_phase(), "renn4-1");
  EXPECT_EQ((*applied)->evaluation_id, "eval-1");

  const WeeklySchedule phase_one{
      six_weeks,
      {{PlaceKind::Home, ActivityKind::Education, 120}, {PlaceKind::School, ActivityKind::Education, 120}}};
  ASSERT_TRUE(validate_schedule(phase_one, model, history));
  const auto series = build_up_series({first_week, phase_one}, history);
  ASSERT_EQ(series.size(), 2U);
  EXPECT_EQ(series[0].education_minutes, 2 * 60);
  EXPECT_EQ(series[0].phase, "renn4-0");
  EXPECT_EQ(series[1].education_minutes, 4 * 60);
  EXPECT_EQ(series[1].phase, "renn4-1");

  // The next evaluation is upcoming in the coordinator's tasks, and overdue once its date passes.
  const Date next = *evaluation.next_date;
  auto evaluation_item = [&](Date today) {
    const auto items = due_items({arrangement}, {evaluation}, {}, {opp}, today);
    const auto it =
        std::ranges::find_if(items, [](const DueItem& i) { return i.kind == DueKind::Evaluation; });
    return it == items.end() ? std::optional<DueItem>{} : std::optional<DueItem>{*it};
  };
  const auto before = evaluation_item(add_days(next, -7));
  ASSERT_TRUE(before);
  EXPECT_EQ(before->status, DueStatus::Upcoming);
  EXPECT_EQ(before->owner_id, "u-coord");
  const auto after = evaluation_item(add_days(next, 1));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, DueStatus::Overdue);
  EXPECT_EQ(after->due, next);
}

} // namespace
} // namespace eenplan::domain
