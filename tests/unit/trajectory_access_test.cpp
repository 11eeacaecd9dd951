// Who may see and change a pupil's trajectory, and who runs provisions and phase models
// (domain/access.*). Literal expectations per role, not derived from the policy.
#include <gtest/gtest.h>

#include "domain/access.hpp"

using namespace eenplan::domain;

namespace {

constexpr const char* kEnrolment = "school-enrolment";
constexpr const char* kHome = "school-home";
constexpr const char* kMunicipality = "mun-1";

PupilRelations pupil(bool on_team = false) {
  return PupilRelations{kEnrolment, kHome, kMunicipality, on_team, false};
}

Actor actor(Role role, std::vector<std::string> member_of = {}, std::vector<std::string> linked = {}) {
  return Actor{"u-1", role, std::move(member_of), std::move(linked)};
}

TEST(TrajectoryAccess, CoordinatorOfEnrollingOrHomeSchoolManagesTheTrajectory) {
  for (const char* school : {kEnrolment, kHome}) {
    EXPECT_TRUE(decide(actor(Role::SchoolCoordinator, {school}), pupil(), Action::ViewTrajectory).allowed);
    EXPECT_TRUE(decide(actor(Role::SchoolCoordinator, {school}), pupil(), Action::ManageTrajectory).allowed);
  }
  EXPECT_FALSE(decide(actor(Role::SchoolCoordinator, {"other"}), pupil(), Action::ViewTrajectory).allowed);
}

TEST(TrajectoryAccess, LinkedSwvConsultantManagesTheTrajectory) {
  EXPECT_TRUE(decide(actor(Role::SwvConsultant, {}, {kHome}), pupil(), Action::ManageTrajectory).allowed);
  EXPECT_FALSE(decide(actor(Role::SwvConsultant, {}, {"other"}), pupil(), Action::ViewTrajectory).allowed);
}

TEST(TrajectoryAccess, ProviderStaffOnTheCaseTeamSeeButDoNotManage) {
  for (Role role : {Role::CareProvider, Role::Teacher, Role::Orthopedagogue, Role::MunicipalityConsultant}) {
    SCOPED_TRACE(std::string(to_string(role)));
    EXPECT_TRUE(decide(actor(role), pupil(true), Action::ViewTrajectory).allowed);
    EXPECT_FALSE(decide(actor(role), pupil(true), Action::ManageTrajectory).allowed);
    EXPECT_FALSE(decide(actor(role), pupil(false), Action::ViewTrajectory).allowed);
  }
}

TEST(TrajectoryAccess, LeerplichtDoesNotSeeTheTrajectory) {
  const auto officer = actor(Role::AttendanceOfficer, {kMunicipality});
  EXPECT_FALSE(decide(officer, pupil(), Action::ViewTrajectory).allowed);
  EXPECT_FALSE(decide(officer, pupil(), Action::ManageTrajectory).allowed);
}

TEST(TrajectoryAccess, SwvAdminNeverSeesATrajectory) {
  EXPECT_FALSE(decide(actor(Role::SwvAdmin), pupil(true), Action::ViewTrajectory).allowed);
  EXPECT_FALSE(decide_provision(actor(Role::SwvAdmin), kEnrolment, ProvisionAction::ViewProvision));
  EXPECT_FALSE(decide_provision(actor(Role::SwvAdmin), "", ProvisionAction::ViewPhaseModels));
}

TEST(ProvisionAccess, SwvConsultantAndTheProvidingSchoolsCoordinatorRunTheProvision) {
  for (auto action : {ProvisionAction::ViewProvision, ProvisionAction::ManageProvision}) {
    EXPECT_TRUE(decide_provision(actor(Role::SwvConsultant), kEnrolment, action));
    EXPECT_TRUE(decide_provision(actor(Role::SchoolCoordinator, {kEnrolment}), kEnrolment, action));
    EXPECT_FALSE(decide_provision(actor(Role::SchoolCoordinator, {kHome}), kEnrolment, action));
    EXPECT_FALSE(decide_provision(actor(Role::SchoolCoordinator, {kEnrolment}), "", action));
    EXPECT_FALSE(decide_provision(actor(Role::CareProvider, {kEnrolment}), kEnrolment, action));
    EXPECT_FALSE(decide_provision(actor(Role::AttendanceOfficer, {kEnrolment}), kEnrolment, action));
  }
}

TEST(ProvisionAccess, WhoRunsTheProvisionPicksTheIntakeOwners) {
  const auto pick = ProvisionAction::PickTaskOwners;
  EXPECT_TRUE(decide_provision(actor(Role::SwvConsultant), kEnrolment, pick));
  EXPECT_TRUE(decide_provision(actor(Role::SchoolCoordinator, {kEnrolment}), kEnrolment, pick));
  EXPECT_FALSE(decide_provision(actor(Role::SchoolCoordinator, {kHome}), kEnrolment, pick));
  for (auto role : {Role::Teacher, Role::CareProvider, Role::AttendanceOfficer, Role::SwvAdmin})
    EXPECT_FALSE(decide_provision(actor(role, {kEnrolment}), kEnrolment, pick));
  EXPECT_EQ(to_string(pick), "pick_task_owners");
}

TEST(ProvisionAccess, OnlyTheSwvConsultantConfiguresPhaseModels) {
  EXPECT_TRUE(decide_provision(actor(Role::SwvConsultant), "", ProvisionAction::ConfigurePhaseModel));
  EXPECT_FALSE(decide_provision(actor(Role::SchoolCoordinator, {kEnrolment}), "",
                                ProvisionAction::ConfigurePhaseModel));
  EXPECT_TRUE(decide_provision(actor(Role::Teacher), "", ProvisionAction::ViewPhaseModels));
}

TEST(ProvisionAccess, EveryActionHasAName) {
  for (auto action : kAllProvisionActions)
    EXPECT_NE(to_string(action), "unknown");
  EXPECT_EQ(to_string(Action::ViewTrajectory), "view_trajectory");
  EXPECT_EQ(to_string(Action::ManageTrajectory), "manage_trajectory");
}

} // namespace
