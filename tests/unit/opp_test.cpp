#include "domain/opp.hpp"

#include "trajectory_fixtures.hpp"

#include <gtest/gtest.h>

namespace eenplan::domain {
namespace {

using testing::ready_opp;
using testing::smart_goal;

constexpr Date kToday{2026, 10, 12};

TrajectoryRule set_refusal(Opp opp, SchoolType type = SchoolType::So, Date today = kToday,
                           std::optional<Date> birth = std::nullopt) {
  auto set = set_opp(opp, opp.version, type, today, birth);
  EXPECT_FALSE(set);
  return set ? TrajectoryRule::StaleVersion : set.error().rule;
}

// ---- SMART goals -------------------------------------------------------------------------------

TEST(Goal, SmartGoalPasses) {
  EXPECT_TRUE(check_smart(smart_goal("g", GoalArea::Didactic, kToday), kToday, "goals[0]"));
}

TEST(Goal, VagueTextIsNotSpecific) {
  Goal goal = smart_goal("g", GoalArea::Didactic, kToday);
  goal.text = "Beter lezen";
  auto vague = check_smart(goal, kToday, "goals[0]");
  EXPECT_EQ(vague.error().rule, TrajectoryRule::GoalTextTooVague);
  EXPECT_EQ(vague.error().field, "goals[0].text");
  goal.text = "ééééééééééééééé"; // 15 code points, 30 bytes: counts code points
  EXPECT_TRUE(check_smart(goal, kToday, "goals[0]"));
  goal.text = "\xff\xfe invalid utf-8 text";
  EXPECT_EQ(check_smart(goal, kToday, "goals[0]").error().rule, TrajectoryRule::GoalTextTooVague);
}

TEST(Goal, GoalNeedsAMeasure) {
  Goal goal = smart_goal("g", GoalArea::WorkAttitude, kToday);
  goal.measure = "  ";
  EXPECT_EQ(check_smart(goal, kToday, "goals[1]").error().field, "goals[1].measure");
}

TEST(Goal, TargetDateIsAfterTodayAndWithinAYear) {
  Goal goal = smart_goal("g", GoalArea::SelfReliance, kToday);
  goal.target_date.reset();
  EXPECT_EQ(check_smart(goal, kToday, "g").error().rule, TrajectoryRule::GoalTargetDateInvalid);
  goal.target_date = kToday;
  EXPECT_EQ(check_smart(goal, kToday, "g").error().rule, TrajectoryRule::GoalTargetDateInvalid);
  goal.target_date = Date{2027, 10, 13};
  EXPECT_EQ(check_smart(goal, kToday, "g").error().rule, TrajectoryRule::GoalTargetDateInvalid);
  goal.target_date = Date{2027, 10, 12};
  EXPECT_TRUE(check_smart(goal, kToday, "g"));
}

TEST(Goal, GoalHasAnOwner) {
  Goal goal = smart_goal("g", GoalArea::SocialEmotional, kToday);
  goal.owner_id.clear();
  EXPECT_EQ(check_smart(goal, kToday, "g").error().rule, TrajectoryRule::GoalOwnerRequired);
}

// ---- setting the OPP ---------------------------------------------------------------------------

TEST(Opp, CompleteOppIsSet) {
  Opp opp = ready_opp(kToday);
  ASSERT_TRUE(set_opp(opp, 1, SchoolType::So, kToday));
  EXPECT_EQ(opp.status, OppStatus::Set);
  EXPECT_EQ(opp.set_on, kToday);
  EXPECT_EQ(opp.first_set_on, kToday);
  EXPECT_EQ(opp.version, 2);
  EXPECT_EQ(set_opp(opp, 2, SchoolType::So, kToday).error().rule, TrajectoryRule::OppAlreadySet);
}

TEST(Opp, CannotBeSetWithoutParentAgreementOnTheActionPart) {
  Opp opp = ready_opp(kToday);
  opp.action_part.agreement.reset();
  for (const SchoolType type :
       {SchoolType::Bao, SchoolType::Sbo, SchoolType::So, SchoolType::Vso, SchoolType::Vo, SchoolType::Pro}) {
    EXPECT_EQ(set_refusal(opp, type), TrajectoryRule::ParentAgreementRequired) << to_string(type);
  }
  Opp later = ready_opp(kToday);
  later.action_part.agreement->agreed_on = add_days(kToday, 1); // agreement cannot lie in the future
  EXPECT_EQ(set_refusal(later), TrajectoryRule::ParentAgreementRequired);
  Opp anonymous = ready_opp(kToday);
  anonymous.action_part.agreement->given_by.clear();
  EXPECT_EQ(set_refusal(anonymous), TrajectoryRule::ParentAgreementRequired);
}

TEST(Opp, MboHasNoOpp) {
  EXPECT_EQ(set_refusal(ready_opp(kToday), SchoolType::Mbo), TrajectoryRule::OppNotApplicable);
  EXPECT_FALSE(opp_applies(SchoolType::Mbo));
  EXPECT_TRUE(requires_action_part_agreement(SchoolType::Vso));
}

TEST(Opp, AdultPupilAgreesThemselves) {
  Opp opp = ready_opp(kToday);
  opp.action_part.agreement->signatory = Signatory::AdultPupil;
  opp.action_part.agreement->given_by = "pupil-1";
  EXPECT_EQ(set_refusal(opp, SchoolType::Vso, kToday, Date{2009, 10, 13}),
            TrajectoryRule::ParentAgreementRequired);
  EXPECT_EQ(set_refusal(opp, SchoolType::Vso, kToday, std::nullopt), TrajectoryRule::ParentAgreementRequired);
  EXPECT_TRUE(set_opp(opp, 1, SchoolType::Vso, kToday, Date{2008, 10, 12}));
}

TEST(Opp, PupilIsHeardFromAugust2025) {
  Opp opp = ready_opp(kToday);
  opp.pupil_hearing.reset();
  EXPECT_EQ(set_refusal(opp), TrajectoryRule::PupilNotHeard);
  // Before the law took effect, an OPP could be set without a hearing.
  Opp old = ready_opp(Date{2025, 7, 31});
  old.pupil_hearing.reset();
  EXPECT_TRUE(set_opp(old, 1, SchoolType::So, Date{2025, 7, 31}));
  Opp first_day = ready_opp(Date{2025, 8, 1});
  first_day.pupil_hearing.reset();
  EXPECT_EQ(set_refusal(first_day, SchoolType::So, Date{2025, 8, 1}), TrajectoryRule::PupilNotHeard);
  // The pupil may choose not to give views; the hearing is still recorded.
  Opp declined = ready_opp(kToday);
  declined.pupil_hearing->views.clear();
  EXPECT_TRUE(set_opp(declined, 1, SchoolType::So, kToday));
}

TEST(Opp, ContentRequiredByLaw) {
  Opp no_reasoning = ready_opp(kToday);
  no_reasoning.exit_perspective.reasoning = "";
  EXPECT_EQ(set_refusal(no_reasoning), TrajectoryRule::ExitPerspectiveReasoningRequired);
  Opp only_promoting = ready_opp(kToday);
  only_promoting.factors.pop_back();
  EXPECT_EQ(set_refusal(only_promoting), TrajectoryRule::FactorsRequired);
  Opp no_goals = ready_opp(kToday);
  no_goals.goals.clear();
  EXPECT_EQ(set_refusal(no_goals), TrajectoryRule::GoalsRequired);
  Opp no_action_part = ready_opp(kToday);
  no_action_part.action_part.support_offered.clear();
  EXPECT_EQ(set_refusal(no_action_part), TrajectoryRule::ActionPartRequired);
}

TEST(Opp, NonSmartGoalNamesItsField) {
  Opp opp = ready_opp(kToday);
  opp.goals[1].measure.clear();
  auto set = set_opp(opp, 1, SchoolType::So, kToday);
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().rule, TrajectoryRule::GoalMeasureRequired);
  EXPECT_EQ(set.error().field, "goals[1].measure");
  EXPECT_EQ(opp.status, OppStatus::Draft);
}

TEST(Opp, SetWithinSixWeeksAfterPlacement) {
  EXPECT_EQ(opp_deadline(Date{2026, 9, 1}), (Date{2026, 10, 13}));
}

TEST(Opp, StaleVersionIsRefused) {
  Opp opp = ready_opp(kToday);
  EXPECT_EQ(set_opp(opp, 0, SchoolType::So, kToday).error().rule, TrajectoryRule::StaleVersion);
}

// ---- revisions ---------------------------------------------------------------------------------

TEST(Opp, RevisionIsANewDraftThatNeedsAgreementAgain) {
  Opp opp = ready_opp(kToday);
  EXPECT_EQ(revise_opp(opp, 1).error().rule, TrajectoryRule::OppNotSet);
  ASSERT_TRUE(set_opp(opp, 1, SchoolType::So, kToday));
  auto next = revise_opp(opp, 2);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->id, opp.id);
  EXPECT_EQ(next->revision, 2);
  EXPECT_EQ(next->status, OppStatus::Draft);
  EXPECT_FALSE(next->action_part.agreement);
  EXPECT_FALSE(next->set_on);
  EXPECT_EQ(next->first_set_on, kToday);
  EXPECT_EQ(next->goals.size(), 2U);
  Opp draft = *next;
  const Date later{2026, 12, 1};
  EXPECT_EQ(set_refusal(draft, SchoolType::So, later), TrajectoryRule::ParentAgreementRequired);
  EXPECT_EQ(revise_opp(opp, 1).error().rule, TrajectoryRule::StaleVersion);
}

TEST(Opp, EnumsRoundTrip) {
  for (const auto area :
       {GoalArea::Didactic, GoalArea::SocialEmotional, GoalArea::WorkAttitude, GoalArea::SelfReliance})
    EXPECT_EQ(parse_goal_area(to_string(area)), area);
  EXPECT_EQ(to_string(AgreementMethod::DigitalApproval), "digital_approval");
  EXPECT_EQ(to_string(OppStatus::Set), "set");
}

} // namespace
} // namespace eenplan::domain
