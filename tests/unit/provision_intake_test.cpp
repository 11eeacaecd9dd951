#include "domain/arrangement_templates.hpp"
#include "domain/intake.hpp"
#include "domain/provision.hpp"

#include <gtest/gtest.h>

#include <string>

namespace eenplan::domain {
namespace {

constexpr Date kToday{2026, 10, 5};

Provision praktijkklas() {
  Provision p = provision_from_template(*find_arrangement_template("praktijkklas"), Date{2026, 8, 24});
  p.id = "prov-1";
  p.provider_organisation_ids = {"org-ambelt", "org-zorg"};
  p.enrolling_school_id = "school-ambelt";
  return p;
}

Provision full_praktijkklas() {
  Provision p = praktijkklas();
  for (int i = 0; i < p.capacity; ++i)
    p.placed_pupil_ids.push_back("placed-" + std::to_string(i));
  return p;
}

Registration registration(std::string pupil) {
  Registration r;
  r.id = "reg-" + pupil;
  r.pupil_id = std::move(pupil);
  r.provision_id = "prov-1";
  r.channel = RegistrationChannel::External;
  r.registered_by = "org-cjg";
  r.registered_on = Date{2026, 9, 1};
  return r;
}

JointDecision cvb_and_municipality(bool admit = true) {
  return JointDecision{admit,
                       Date{2026, 9, 28},
                       {{"cvb", "u-cvb", ""}, {"municipality", "u-gemeente", ""}},
                       "Past bij fase 2"};
}

// ---- provisions --------------------------------------------------------------------------------

TEST(Provision, PraktijkklasFromTemplateIsValid) {
  const Provision p = praktijkklas();
  EXPECT_TRUE(validate_provision(p));
  EXPECT_EQ(p.capacity, 6);
  EXPECT_EQ(p.free_places(), 6);
  EXPECT_EQ(p.decision_roles, (std::vector<std::string>{"cvb", "municipality"}));
}

TEST(Provision, RouteTwoNeedsAtLeastFourPupils) {
  Provision p = praktijkklas();
  p.capacity = 3;
  EXPECT_EQ(validate_provision(p).error().rule, TrajectoryRule::ProvisionTooSmall);
  p.capacity = 4;
  EXPECT_TRUE(validate_provision(p));
}

TEST(Provision, TemplateWithoutCapacityMustBeGivenOne) {
  Provision koesterklas =
      provision_from_template(*find_arrangement_template("koesterklas"), Date{2026, 8, 24});
  koesterklas.provider_organisation_ids = {"org-verschoor"};
  koesterklas.enrolling_school_id = "school-verschoor";
  EXPECT_EQ(validate_provision(koesterklas).error().rule, TrajectoryRule::ProvisionTooSmall);
  koesterklas.capacity = 8;
  EXPECT_TRUE(validate_provision(koesterklas));
}

TEST(Provision, TargetGroupIsWrittenAsSupportNeeds) {
  Provision p = praktijkklas();
  p.target_group.clear();
  EXPECT_EQ(validate_provision(p).error().rule, TrajectoryRule::TargetGroupRequired);
  p.target_group = {"autisme"};
  auto unknown = validate_provision(p);
  EXPECT_EQ(unknown.error().rule, TrajectoryRule::UnknownSupportNeed);
  EXPECT_EQ(unknown.error().field, "targetGroup[0]");
}

TEST(Provision, FullProvisionPutsPupilOnWaitingList) {
  Provision p = full_praktijkklas();
  auto first = place_or_wait(p, 1, "pupil-a", "reg-a", kToday);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->outcome, PlacementOutcome::OnWaitingList);
  EXPECT_EQ(first->waiting_position, 1);
  auto second = place_or_wait(p, 2, "pupil-b", "reg-b", kToday);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->waiting_position, 2);
  EXPECT_EQ(p.placed_pupil_ids.size(), 6U); // never beyond capacity
  EXPECT_EQ(p.waiting_position("pupil-b"), 2);
}

TEST(Provision, PupilIsPlacedWhileThereIsRoom) {
  Provision p = praktijkklas();
  auto placed = place_or_wait(p, 1, "pupil-a", "reg-a", kToday);
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->outcome, PlacementOutcome::Placed);
  EXPECT_TRUE(p.is_placed("pupil-a"));
  EXPECT_EQ(p.free_places(), 5);
  EXPECT_EQ(place_or_wait(p, 2, "pupil-a", "reg-a", kToday).error().rule, TrajectoryRule::AlreadyPlaced);
}

TEST(Provision, OverbookingFromTheWaitingListIsRefused) {
  Provision p = full_praktijkklas();
  ASSERT_TRUE(place_or_wait(p, 1, "pupil-a", "reg-a", kToday));
  auto overbooked = place_from_waiting_list(p, 2, "pupil-a");
  ASSERT_FALSE(overbooked);
  EXPECT_EQ(overbooked.error().rule, TrajectoryRule::ProvisionFull);
  EXPECT_EQ(overbooked.error().code(), "provision-full");
  EXPECT_EQ(p.placed_pupil_ids.size(), 6U);
  EXPECT_EQ(place_or_wait(p, 2, "pupil-a", "reg-a", kToday).error().rule,
            TrajectoryRule::AlreadyOnWaitingList);
}

TEST(Provision, FreedPlaceGoesToAWaitingPupilAndTheQueueMovesUp) {
  Provision p = full_praktijkklas();
  ASSERT_TRUE(place_or_wait(p, 1, "pupil-a", "reg-a", kToday));
  ASSERT_TRUE(place_or_wait(p, 2, "pupil-b", "reg-b", kToday));
  ASSERT_TRUE(release_place(p, 3, "placed-0"));
  ASSERT_TRUE(place_from_waiting_list(p, 4, "pupil-a"));
  EXPECT_TRUE(p.is_placed("pupil-a"));
  EXPECT_EQ(p.waiting_position("pupil-b"), 1);
  EXPECT_EQ(place_from_waiting_list(p, 5, "pupil-x").error().rule, TrajectoryRule::NotOnWaitingList);
  EXPECT_EQ(release_place(p, 5, "pupil-x").error().rule, TrajectoryRule::NotPlaced);
}

TEST(Provision, StaleVersionIsRefusedSoTwoPlacementsCannotBothTakeTheLastPlace) {
  Provision p = full_praktijkklas();
  p.placed_pupil_ids.pop_back(); // one place left
  ASSERT_TRUE(place_or_wait(p, 1, "pupil-a", "reg-a", kToday));
  auto concurrent = place_or_wait(p, 1, "pupil-b", "reg-b", kToday); // read version 1 before the other write
  ASSERT_FALSE(concurrent);
  EXPECT_EQ(concurrent.error().rule, TrajectoryRule::StaleVersion);
  EXPECT_FALSE(p.is_placed("pupil-b"));
}

TEST(Provision, PlacedPupilGetsARouteTwoArrangementOfTheProvision) {
  Provision p = praktijkklas();
  const Arrangement a = arrangement_in_provision(p, "pupil-a", "school-stam", Date{2026, 10, 5});
  EXPECT_EQ(a.route, Route::Provision);
  EXPECT_EQ(a.provision_id, "prov-1");
  EXPECT_EQ(a.home_school_id, "school-stam");
  EXPECT_EQ(a.enrolling_school_id, "school-ambelt");
  EXPECT_EQ(a.phase_model_id, kAmbeltModelId);
  EXPECT_EQ(a.cadence, kEveryTenWeeks);
  EXPECT_EQ(a.end, (Date{2027, 10, 5}));
  EXPECT_TRUE(validate_arrangement(a));
  p.end = Date{2027, 7, 16};
  EXPECT_EQ(arrangement_in_provision(p, "pupil-a", "school-stam", Date{2026, 10, 5}).end,
            (Date{2027, 7, 16}));
}

// ---- registration and intake -------------------------------------------------------------------

TEST(Intake, ObservationPeriodEndsAfterItStarts) {
  Registration r = registration("pupil-a");
  EXPECT_EQ(start_observation(r, 1, {Date{2026, 9, 14}, Date{2026, 9, 14}, "fase 3"}).error().rule,
            TrajectoryRule::ObservationPeriodInvalid);
  EXPECT_EQ(start_observation(r, 1, {Date{2026, 8, 14}, Date{2026, 9, 14}, "fase 3"}).error().rule,
            TrajectoryRule::ObservationPeriodInvalid); // before the registration
  ASSERT_TRUE(start_observation(r, 1, {Date{2026, 9, 7}, Date{2026, 10, 2}, "Circelklas (fase 3)"}));
  EXPECT_EQ(r.status, RegistrationStatus::InObservation);
  EXPECT_EQ(r.version, 2);
}

TEST(Intake, JointDecisionNeedsEveryRequiredParty) {
  Registration r = registration("pupil-a");
  const auto roles = praktijkklas().decision_roles;
  JointDecision only_cvb{true, Date{2026, 9, 28}, {{"cvb", "u-cvb", ""}}, "Past"};
  auto incomplete = record_joint_decision(r, 1, only_cvb, roles);
  ASSERT_FALSE(incomplete);
  EXPECT_EQ(incomplete.error().rule, TrajectoryRule::JointDecisionIncomplete);
  EXPECT_NE(incomplete.error().message.find("municipality"), std::string::npos);
  JointDecision nobody{true, Date{2026, 9, 28}, {{"municipality", "", ""}, {"cvb", "u-cvb", ""}}, "Past"};
  EXPECT_EQ(record_joint_decision(r, 1, nobody, roles).error().rule, TrajectoryRule::JointDecisionIncomplete);
  ASSERT_TRUE(record_joint_decision(r, 1, cvb_and_municipality(), roles));
  EXPECT_EQ(r.status, RegistrationStatus::Decided);
  ASSERT_TRUE(r.decision);
  EXPECT_EQ(r.decision->deciders.size(), 2U);
}

TEST(Intake, JointDecisionNeedsItsReasoning) {
  Registration r = registration("pupil-a");
  JointDecision refusal = cvb_and_municipality(false);
  refusal.reasoning = "  ";
  auto refused = record_joint_decision(r, 1, refusal, {"cvb", "municipality"});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule, TrajectoryRule::DecisionReasoningRequired);
  EXPECT_EQ(refused.error().field, "reasoning");
  EXPECT_EQ(r.status, RegistrationStatus::Registered);
}

TEST(Intake, PlacementNeedsAPositiveJointDecision) {
  Registration r = registration("pupil-a");
  Provision p = praktijkklas();
  EXPECT_EQ(admit(r, 1, p, 1, kToday).error().rule, TrajectoryRule::AdmissionDecisionRequired);
  ASSERT_TRUE(record_joint_decision(r, 1, cvb_and_municipality(false), p.decision_roles));
  EXPECT_EQ(r.status, RegistrationStatus::Refused);
  EXPECT_EQ(admit(r, 2, p, 1, kToday).error().rule, TrajectoryRule::AdmissionRefused);
  EXPECT_EQ(p.free_places(), 6);
}

TEST(Intake, AdmittedPupilIsPlacedWhenThereIsRoom) {
  Registration r = registration("pupil-a");
  Provision p = praktijkklas();
  ASSERT_TRUE(record_joint_decision(r, 1, cvb_and_municipality(), p.decision_roles));
  auto placement = admit(r, 2, p, 1, kToday);
  ASSERT_TRUE(placement);
  EXPECT_EQ(placement->outcome, PlacementOutcome::Placed);
  EXPECT_EQ(r.status, RegistrationStatus::Placed);
  EXPECT_EQ(r.placed_on, kToday);
  EXPECT_EQ(admit(r, 3, p, 2, kToday).error().rule, TrajectoryRule::RegistrationClosed);
}

TEST(Intake, AdmittedPupilWaitsWithAPositionWhenTheProvisionIsFull) {
  Registration r = registration("pupil-a");
  Provision p = full_praktijkklas();
  ASSERT_TRUE(record_joint_decision(r, 1, cvb_and_municipality(), p.decision_roles));
  auto placement = admit(r, 2, p, 1, kToday);
  ASSERT_TRUE(placement);
  EXPECT_EQ(placement->outcome, PlacementOutcome::OnWaitingList);
  EXPECT_EQ(placement->waiting_position, 1);
  EXPECT_EQ(r.status, RegistrationStatus::OnWaitingList);
  EXPECT_FALSE(r.placed_on);

  EXPECT_EQ(place_waiting_pupil(r, 3, p, 2, kToday).error().rule, TrajectoryRule::ProvisionFull);
  ASSERT_TRUE(release_place(p, 2, "placed-3"));
  ASSERT_TRUE(place_waiting_pupil(r, 3, p, 3, Date{2026, 11, 2}));
  EXPECT_EQ(r.status, RegistrationStatus::Placed);
  EXPECT_EQ(r.placed_on, (Date{2026, 11, 2}));
  EXPECT_TRUE(p.waiting_list.empty());
}

TEST(Intake, IntakeAndHomeVisitAreTasksWithOwners) {
  Registration r = registration("pupil-a");
  IntakeTask intake{IntakeTaskKind::Intake, {"u-orthopedagoog", "u-ib"}, Date{2026, 10, 12}, std::nullopt};
  IntakeTask visit{
      IntakeTaskKind::HomeVisit, {"u-leerkracht", "u-zorgspecialist"}, Date{2026, 10, 19}, std::nullopt};
  IntakeTask ownerless = visit;
  ownerless.owner_ids = {" "};
  EXPECT_EQ(plan_intake_tasks(r, 1, intake, ownerless).error().rule, TrajectoryRule::TaskOwnerRequired);
  IntakeTask early = visit;
  early.due = Date{2026, 10, 11};
  EXPECT_EQ(plan_intake_tasks(r, 1, intake, early).error().rule, TrajectoryRule::HomeVisitBeforeIntake);
  ASSERT_TRUE(plan_intake_tasks(r, 1, intake, visit));
  ASSERT_EQ(r.tasks.size(), 2U);
  EXPECT_EQ(r.tasks[1].kind, IntakeTaskKind::HomeVisit);
  // Planning again replaces the open tasks instead of duplicating them.
  ASSERT_TRUE(plan_intake_tasks(r, 2, intake, visit));
  EXPECT_EQ(r.tasks.size(), 2U);
}

TEST(Intake, StaleRegistrationVersionIsRefused) {
  Registration r = registration("pupil-a");
  EXPECT_EQ(record_joint_decision(r, 2, cvb_and_municipality(), {"cvb"}).error().rule,
            TrajectoryRule::StaleVersion);
}

TEST(Intake, JointDecisionTakesANamedDeciderWithoutAnAccount) {
  Registration r = registration("pupil-a");
  JointDecision named{true, Date{2026, 9, 28}, {}, "Past bij fase 2"};
  named.deciders = {Decider{"cvb", "", "mevr. J. de Vries"}, Decider{"municipality", "", "  "}};
  EXPECT_EQ(record_joint_decision(r, 1, named, {"cvb", "municipality"}).error().rule,
            TrajectoryRule::JointDecisionIncomplete);
  named.deciders[1].name = "dhr. P. Bakker (gemeente)";
  ASSERT_TRUE(record_joint_decision(r, 1, named, {"cvb", "municipality"}));
  EXPECT_EQ(r.decision->deciders[0].name, "mevr. J. de Vries");
}

// ---- withdrawal (intrekken) ---------------------------------------------------------------------

TEST(Withdrawal, OpenRegistrationIsWithdrawnWithItsReason) {
  Registration r = registration("pupil-a");
  Provision p = praktijkklas();
  ASSERT_TRUE(withdraw_registration(r, 1, p, 1, {Date{2026, 9, 10}, "Ouders trekken de aanmelding in"}));
  EXPECT_EQ(r.status, RegistrationStatus::Withdrawn);
  EXPECT_EQ(r.version, 2);
  ASSERT_TRUE(r.withdrawal);
  EXPECT_EQ(r.withdrawal->reason, "Ouders trekken de aanmelding in");
  EXPECT_EQ(p.version, 1); // not on the waiting list: the provision is untouched
}

TEST(Withdrawal, ReasonIsRequired) {
  Registration r = registration("pupil-a");
  Provision p = praktijkklas();
  auto refused = withdraw_registration(r, 1, p, 1, {Date{2026, 9, 10}, " \n"});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule, TrajectoryRule::WithdrawalReasonRequired);
  EXPECT_EQ(refused.error().field, "reason");
  EXPECT_EQ(r.status, RegistrationStatus::Registered);
}

TEST(Withdrawal, NotBeforeTheRegistration) {
  Registration r = registration("pupil-a");
  Provision p = praktijkklas();
  EXPECT_EQ(withdraw_registration(r, 1, p, 1, {Date{2026, 8, 31}, "Verhuisd"}).error().rule,
            TrajectoryRule::WithdrawalBeforeRegistration);
}

TEST(Withdrawal, OnlyWhileTheRegistrationIsOpen) {
  Provision p = praktijkklas();
  Registration placed = registration("pupil-a");
  ASSERT_TRUE(record_joint_decision(placed, 1, cvb_and_municipality(), p.decision_roles));
  ASSERT_TRUE(admit(placed, 2, p, 1, kToday));
  EXPECT_EQ(withdraw_registration(placed, 3, p, 2, {kToday, "Verhuisd"}).error().rule,
            TrajectoryRule::RegistrationClosed);
  Registration refused = registration("pupil-b");
  ASSERT_TRUE(record_joint_decision(refused, 1, cvb_and_municipality(false), p.decision_roles));
  EXPECT_EQ(withdraw_registration(refused, 2, p, 2, {kToday, "Verhuisd"}).error().rule,
            TrajectoryRule::RegistrationClosed);
  Registration twice = registration("pupil-c");
  ASSERT_TRUE(withdraw_registration(twice, 1, p, 2, {kToday, "Andere plek gevonden"}));
  EXPECT_EQ(withdraw_registration(twice, 2, p, 2, {kToday, "Nogmaals"}).error().rule,
            TrajectoryRule::RegistrationClosed);
  Registration decided = registration("pupil-d");
  ASSERT_TRUE(start_observation(decided, 1, {Date{2026, 9, 7}, Date{2026, 10, 2}, "fase 3"}));
  ASSERT_TRUE(record_joint_decision(decided, 2, cvb_and_municipality(), p.decision_roles));
  EXPECT_TRUE(withdraw_registration(decided, 3, p, 2, {kToday, "Verhuisd"}));
}

TEST(Withdrawal, WaitingPupilLeavesTheListAndThoseBehindMoveUp) {
  Provision p = full_praktijkklas();
  Registration first = registration("pupil-a");
  Registration second = registration("pupil-b");
  ASSERT_TRUE(record_joint_decision(first, 1, cvb_and_municipality(), p.decision_roles));
  ASSERT_TRUE(record_joint_decision(second, 1, cvb_and_municipality(), p.decision_roles));
  ASSERT_TRUE(admit(first, 2, p, 1, kToday));
  ASSERT_TRUE(admit(second, 2, p, 2, kToday));
  ASSERT_EQ(p.waiting_position("pupil-b"), 2);
  EXPECT_EQ(withdraw_registration(first, 3, p, 2, {kToday, "Verhuisd"}).error().rule,
            TrajectoryRule::StaleVersion); // the provision changed in between
  ASSERT_TRUE(withdraw_registration(first, 3, p, 3, {kToday, "Verhuisd"}));
  EXPECT_EQ(first.status, RegistrationStatus::Withdrawn);
  EXPECT_FALSE(p.waiting_position("pupil-a"));
  EXPECT_EQ(p.waiting_position("pupil-b"), 1);
  EXPECT_EQ(p.version, 4);
}

TEST(Withdrawal, StaleRegistrationVersionIsRefused) {
  Registration r = registration("pupil-a");
  Provision p = praktijkklas();
  EXPECT_EQ(withdraw_registration(r, 2, p, 1, {kToday, "Verhuisd"}).error().rule,
            TrajectoryRule::StaleVersion);
}

} // namespace
} // namespace eenplan::domain
