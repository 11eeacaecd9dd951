// What follows a case-team change (domain/case_team_change.*): the timeline entry, and which open
// tasks move from the former regisseur to the new one. One test per rule, named after it.
#include "domain/case_team_change.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace eenplan::domain {
namespace {

NamedMember person(std::string id, std::string name, std::string role, bool lead = false) {
  return NamedMember{.user_id = std::move(id),
                     .display_name = std::move(name),
                     .case_role = std::move(role),
                     .is_case_lead = lead};
}

const std::vector<NamedMember> kBefore = {person("karin", "Karin Bos", "intern begeleider", true),
                                          person("piet", "Piet Jansen", "orthopedagoog")};

CaseTeamDiff lead_moves(std::string from = "karin", std::string to = "piet") {
  CaseTeamDiff diff;
  diff.case_lead_before = std::move(from);
  diff.case_lead_after = std::move(to);
  return diff;
}

HeldTask task(std::string id, AssignedBecause because, std::string holder = "karin",
              std::string pupil = "pupil-1", std::string status = "open") {
  return HeldTask{.id = std::move(id),
                  .pupil_id = std::move(pupil),
                  .assignee_user_id = std::move(holder),
                  .status = std::move(status),
                  .because = because};
}

// ---- the timeline entry ----------------------------------------------------------------------------

TEST(CaseTeamChangeNote, NamesWhoJoinedWithTheirRoleAndTheNewRegisseurWithTheFormerOne) {
  const std::vector<NamedMember> after = {person("karin", "Karin Bos", "intern begeleider"),
                                          person("piet", "Piet Jansen", "orthopedagoog", true),
                                          person("anna", "Anna de Vries", "mentor")};
  EXPECT_EQ(describe_case_team_change(kBefore, after, 0),
            "Betrokkenen gewijzigd: Anna de Vries toegevoegd (mentor); Piet Jansen is nu regisseur "
            "(was: Karin Bos)");
}

TEST(CaseTeamChangeNote, SaysHowManyOpenTasksWentToTheNewRegisseur) {
  const std::vector<NamedMember> after = {person("piet", "Piet Jansen", "orthopedagoog", true)};
  EXPECT_EQ(describe_case_team_change(kBefore, after, 3),
            "Betrokkenen gewijzigd: Karin Bos verwijderd; Piet Jansen is nu regisseur (was: Karin Bos); "
            "3 open taken overgedragen aan Piet Jansen");
  EXPECT_EQ(describe_case_team_change(kBefore, after, 1),
            "Betrokkenen gewijzigd: Karin Bos verwijderd; Piet Jansen is nu regisseur (was: Karin Bos); "
            "1 open taak overgedragen aan Piet Jansen");
}

TEST(CaseTeamChangeNote, ARoleChangeShowsTheRoleBefore) {
  const std::vector<NamedMember> after = {person("karin", "Karin Bos", "intern begeleider", true),
                                          person("piet", "Piet Jansen", "consulent SWV")};
  EXPECT_EQ(describe_case_team_change(kBefore, after, 0),
            "Betrokkenen gewijzigd: Piet Jansen is nu consulent SWV (was: orthopedagoog)");
}

TEST(CaseTeamChangeNote, AFirstRegisseurHasNoFormerOne) {
  const std::vector<NamedMember> after = {person("piet", "Piet Jansen", "orthopedagoog", true)};
  EXPECT_EQ(describe_case_team_change({}, after, 0),
            "Betrokkenen gewijzigd: Piet Jansen toegevoegd (orthopedagoog); Piet Jansen is nu regisseur");
}

TEST(CaseTeamChangeNote, NamesNothingButTheMembersAndTheirRoles) {
  // The entry is built from names and case roles only: an account's other data cannot get in.
  const std::vector<NamedMember> after = {person("karin", "Karin Bos", "intern begeleider", true)};
  const std::string text = describe_case_team_change(kBefore, after, 0);
  EXPECT_EQ(text, "Betrokkenen gewijzigd: Piet Jansen verwijderd");
  EXPECT_EQ(text.find("piet"), std::string::npos) << "no user ids in the timeline";
}

// ---- handing over the regisseur's tasks --------------------------------------------------------------

TEST(RegieHandover, TasksCreatedForTheCaseLeadMoveToTheNewRegisseur) {
  const std::vector<HeldTask> held = {task("t1", AssignedBecause::CaseLead),
                                      task("t2", AssignedBecause::CaseLead)};
  EXPECT_EQ(tasks_to_hand_over(held, "pupil-1", lead_moves()), (std::vector<std::string>{"t1", "t2"}));
}

TEST(RegieHandover, TasksHeldForAnotherDutyStay) {
  // The leerplicht task or one of the ondersteuningscoördinator is theirs whoever is regisseur.
  EXPECT_TRUE(tasks_to_hand_over({task("t1", AssignedBecause::Other)}, "pupil-1", lead_moves()).empty());
}

TEST(RegieHandover, ATaskThatDoesNotSayWhyItWasAssignedStaysWithItsHolder) {
  EXPECT_TRUE(tasks_to_hand_over({task("t1", AssignedBecause::Unknown)}, "pupil-1", lead_moves()).empty());
}

TEST(RegieHandover, TasksOfOtherPupilsNeverMove) {
  const std::vector<HeldTask> held = {task("t1", AssignedBecause::CaseLead, "karin", "pupil-2")};
  EXPECT_TRUE(tasks_to_hand_over(held, "pupil-1", lead_moves()).empty());
}

TEST(RegieHandover, OnlyOpenTasksMove) {
  const std::vector<HeldTask> held = {task("t1", AssignedBecause::CaseLead, "karin", "pupil-1", "done"),
                                      task("t2", AssignedBecause::CaseLead, "karin", "pupil-1", "cancelled")};
  EXPECT_TRUE(tasks_to_hand_over(held, "pupil-1", lead_moves()).empty());
}

TEST(RegieHandover, OnlyTasksTheFormerRegisseurHoldsMove) {
  const std::vector<HeldTask> held = {task("t1", AssignedBecause::CaseLead, "someone-else")};
  EXPECT_TRUE(tasks_to_hand_over(held, "pupil-1", lead_moves()).empty());
}

TEST(RegieHandover, NothingMovesWhenTheRegisseurStays) {
  const std::vector<HeldTask> held = {task("t1", AssignedBecause::CaseLead)};
  EXPECT_TRUE(tasks_to_hand_over(held, "pupil-1", lead_moves("karin", "karin")).empty());
  EXPECT_TRUE(tasks_to_hand_over(held, "pupil-1", lead_moves("", "karin")).empty()) << "no former regisseur";
}

TEST(RegieHandover, ASignalForTheMentorWasAssignedToTheCaseLead) {
  // service/signal_recorder.cpp: "the mentor = the case lead, else the coordinator".
  EXPECT_EQ(why_assigned("escalation_signal", "mentor"), AssignedBecause::CaseLead);
  EXPECT_EQ(why_assigned("escalation_signal", "attendance_officer"), AssignedBecause::Other);
  EXPECT_EQ(why_assigned("escalation_signal", "care_coordinator"), AssignedBecause::Other);
  EXPECT_EQ(why_assigned("opp_evaluation", ""), AssignedBecause::Unknown);
}

} // namespace
} // namespace eenplan::domain
