// The verzuim part of the access policy, exhaustively: every role × every relation × the four
// absence actions against a table written out by hand (not recomputed from the policy), and
// the school-level actions (import, protocol) for every role × relation to the school.
//
// Leerplicht (attendance scope) may view absences and signals but not record them; recording
// needs full scope; the protocol exemption (expertisepunt) is for the coordinator and the SWV
// consultant only, also when another role leads the case.
#include "domain/access.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <set>
#include <string>
#include <utility>

namespace eenplan::domain {
namespace {

constexpr const char* kEnrolmentSchool = "school-enrolment";
constexpr const char* kHomeSchool = "school-home";
constexpr const char* kOtherSchool = "school-other";
constexpr const char* kMunicipality = "municipality-pupil";
constexpr const char* kOtherMunicipality = "municipality-other";

enum class Relation {
  None,
  CaseTeamMember,
  CaseLead,
  MemberOfEnrolmentSchool,
  MemberOfHomeSchool,
  MemberOfOtherSchool,
  LinkedToEnrolmentSchool,
  LinkedToHomeSchool,
  LinkedToOtherSchool,
  MemberOfPupilMunicipality,
  MemberOfOtherMunicipality,
};
constexpr int kRelations = 11;

std::pair<Actor, PupilRelations> situation(Role role, Relation relation) {
  Actor actor{.user_id = "user-1", .role = role, .member_of = {}, .linked_schools = {}};
  PupilRelations pupil{.enrolment_school_id = kEnrolmentSchool,
                       .home_school_id = kHomeSchool,
                       .municipality_id = kMunicipality,
                       .actor_on_case_team = false,
                       .actor_is_case_lead = false};
  switch (relation) {
  case Relation::None: break;
  case Relation::CaseTeamMember: pupil.actor_on_case_team = true; break;
  case Relation::CaseLead:
    pupil.actor_on_case_team = true;
    pupil.actor_is_case_lead = true;
    break;
  case Relation::MemberOfEnrolmentSchool: actor.member_of = {kEnrolmentSchool}; break;
  case Relation::MemberOfHomeSchool: actor.member_of = {kHomeSchool}; break;
  case Relation::MemberOfOtherSchool: actor.member_of = {kOtherSchool}; break;
  case Relation::LinkedToEnrolmentSchool: actor.linked_schools = {kEnrolmentSchool}; break;
  case Relation::LinkedToHomeSchool: actor.linked_schools = {kHomeSchool}; break;
  case Relation::LinkedToOtherSchool: actor.linked_schools = {kOtherSchool}; break;
  case Relation::MemberOfPupilMunicipality: actor.member_of = {kMunicipality}; break;
  case Relation::MemberOfOtherMunicipality: actor.member_of = {kOtherMunicipality}; break;
  }
  return {actor, pupil};
}

struct Row {
  Role role;
  Relation relation;
  // One character per action: ViewAbsences, RecordAbsences, ViewSignals, SetProtocolExemption.
  const char* allowed;
};

void PrintTo(const Row& row, std::ostream* os) {
  *os << to_string(row.role) << " / " << static_cast<int>(row.relation) << " -> " << row.allowed;
}

using R = Role;
using Rel = Relation;

// clang-format off
constexpr Row kMatrix[] = {
  {R::SwvAdmin, Rel::None,                       "...."},
  {R::SwvAdmin, Rel::CaseTeamMember,             "...."},
  {R::SwvAdmin, Rel::CaseLead,                   "...."},
  {R::SwvAdmin, Rel::MemberOfEnrolmentSchool,    "...."},
  {R::SwvAdmin, Rel::MemberOfHomeSchool,         "...."},
  {R::SwvAdmin, Rel::MemberOfOtherSchool,        "...."},
  {R::SwvAdmin, Rel::LinkedToEnrolmentSchool,    "...."},
  {R::SwvAdmin, Rel::LinkedToHomeSchool,         "...."},
  {R::SwvAdmin, Rel::LinkedToOtherSchool,        "...."},
  {R::SwvAdmin, Rel::MemberOfPupilMunicipality,  "...."},
  {R::SwvAdmin, Rel::MemberOfOtherMunicipality,  "...."},

  {R::SwvConsultant, Rel::None,                       "...."},
  {R::SwvConsultant, Rel::CaseTeamMember,             "YYYY"},
  {R::SwvConsultant, Rel::CaseLead,                   "YYYY"},
  {R::SwvConsultant, Rel::MemberOfEnrolmentSchool,    "...."},
  {R::SwvConsultant, Rel::MemberOfHomeSchool,         "...."},
  {R::SwvConsultant, Rel::MemberOfOtherSchool,        "...."},
  {R::SwvConsultant, Rel::LinkedToEnrolmentSchool,    "YYYY"},
  {R::SwvConsultant, Rel::LinkedToHomeSchool,         "YYYY"},
  {R::SwvConsultant, Rel::LinkedToOtherSchool,        "...."},
  {R::SwvConsultant, Rel::MemberOfPupilMunicipality,  "...."},
  {R::SwvConsultant, Rel::MemberOfOtherMunicipality,  "...."},

  {R::SchoolCoordinator, Rel::None,                       "...."},
  {R::SchoolCoordinator, Rel::CaseTeamMember,             "YYYY"},
  {R::SchoolCoordinator, Rel::CaseLead,                   "YYYY"},
  {R::SchoolCoordinator, Rel::MemberOfEnrolmentSchool,    "YYYY"},
  {R::SchoolCoordinator, Rel::MemberOfHomeSchool,         "YYYY"},
  {R::SchoolCoordinator, Rel::MemberOfOtherSchool,        "...."},
  {R::SchoolCoordinator, Rel::LinkedToEnrolmentSchool,    "...."},
  {R::SchoolCoordinator, Rel::LinkedToHomeSchool,         "...."},
  {R::SchoolCoordinator, Rel::LinkedToOtherSchool,        "...."},
  {R::SchoolCoordinator, Rel::MemberOfPupilMunicipality,  "...."},
  {R::SchoolCoordinator, Rel::MemberOfOtherMunicipality,  "...."},

  {R::Teacher, Rel::None,                       "...."},
  {R::Teacher, Rel::CaseTeamMember,             "YYY."},
  {R::Teacher, Rel::CaseLead,                   "YYY."},
  {R::Teacher, Rel::MemberOfEnrolmentSchool,    "...."},
  {R::Teacher, Rel::MemberOfHomeSchool,         "...."},
  {R::Teacher, Rel::MemberOfOtherSchool,        "...."},
  {R::Teacher, Rel::LinkedToEnrolmentSchool,    "...."},
  {R::Teacher, Rel::LinkedToHomeSchool,         "...."},
  {R::Teacher, Rel::LinkedToOtherSchool,        "...."},
  {R::Teacher, Rel::MemberOfPupilMunicipality,  "...."},
  {R::Teacher, Rel::MemberOfOtherMunicipality,  "...."},

  {R::Orthopedagogue, Rel::None,                       "...."},
  {R::Orthopedagogue, Rel::CaseTeamMember,             "YYY."},
  {R::Orthopedagogue, Rel::CaseLead,                   "YYY."},
  {R::Orthopedagogue, Rel::MemberOfEnrolmentSchool,    "...."},
  {R::Orthopedagogue, Rel::MemberOfHomeSchool,         "...."},
  {R::Orthopedagogue, Rel::MemberOfOtherSchool,        "...."},
  {R::Orthopedagogue, Rel::LinkedToEnrolmentSchool,    "...."},
  {R::Orthopedagogue, Rel::LinkedToHomeSchool,         "...."},
  {R::Orthopedagogue, Rel::LinkedToOtherSchool,        "...."},
  {R::Orthopedagogue, Rel::MemberOfPupilMunicipality,  "...."},
  {R::Orthopedagogue, Rel::MemberOfOtherMunicipality,  "...."},

  {R::AttendanceOfficer, Rel::None,                       "...."},
  {R::AttendanceOfficer, Rel::CaseTeamMember,             "YYY."},
  {R::AttendanceOfficer, Rel::CaseLead,                   "YYY."},
  {R::AttendanceOfficer, Rel::MemberOfEnrolmentSchool,    "...."},
  {R::AttendanceOfficer, Rel::MemberOfHomeSchool,         "...."},
  {R::AttendanceOfficer, Rel::MemberOfOtherSchool,        "...."},
  {R::AttendanceOfficer, Rel::LinkedToEnrolmentSchool,    "...."},
  {R::AttendanceOfficer, Rel::LinkedToHomeSchool,         "...."},
  {R::AttendanceOfficer, Rel::LinkedToOtherSchool,        "...."},
  {R::AttendanceOfficer, Rel::MemberOfPupilMunicipality,  "Y.Y."},
  {R::AttendanceOfficer, Rel::MemberOfOtherMunicipality,  "...."},

  {R::MunicipalityConsultant, Rel::None,                       "...."},
  {R::MunicipalityConsultant, Rel::CaseTeamMember,             "YYY."},
  {R::MunicipalityConsultant, Rel::CaseLead,                   "YYY."},
  {R::MunicipalityConsultant, Rel::MemberOfEnrolmentSchool,    "...."},
  {R::MunicipalityConsultant, Rel::MemberOfHomeSchool,         "...."},
  {R::MunicipalityConsultant, Rel::MemberOfOtherSchool,        "...."},
  {R::MunicipalityConsultant, Rel::LinkedToEnrolmentSchool,    "...."},
  {R::MunicipalityConsultant, Rel::LinkedToHomeSchool,         "...."},
  {R::MunicipalityConsultant, Rel::LinkedToOtherSchool,        "...."},
  {R::MunicipalityConsultant, Rel::MemberOfPupilMunicipality,  "...."},
  {R::MunicipalityConsultant, Rel::MemberOfOtherMunicipality,  "...."},

  {R::CareProvider, Rel::None,                       "...."},
  {R::CareProvider, Rel::CaseTeamMember,             "YYY."},
  {R::CareProvider, Rel::CaseLead,                   "YYY."},
  {R::CareProvider, Rel::MemberOfEnrolmentSchool,    "...."},
  {R::CareProvider, Rel::MemberOfHomeSchool,         "...."},
  {R::CareProvider, Rel::MemberOfOtherSchool,        "...."},
  {R::CareProvider, Rel::LinkedToEnrolmentSchool,    "...."},
  {R::CareProvider, Rel::LinkedToHomeSchool,         "...."},
  {R::CareProvider, Rel::LinkedToOtherSchool,        "...."},
  {R::CareProvider, Rel::MemberOfPupilMunicipality,  "...."},
  {R::CareProvider, Rel::MemberOfOtherMunicipality,  "...."},
};
// clang-format on

constexpr Action kColumns[4] = {Action::ViewAbsences, Action::RecordAbsences, Action::ViewSignals,
                                Action::SetProtocolExemption};

class AbsenceAccessMatrix : public ::testing::TestWithParam<Row> {};

TEST_P(AbsenceAccessMatrix, DecisionMatchesTheHandWrittenTable) {
  const Row& row = GetParam();
  const auto [actor, relations] = situation(row.role, row.relation);
  ASSERT_EQ(std::string(row.allowed).size(), 4U) << "malformed table row";
  for (std::size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(std::string(to_string(kColumns[i])));
    const Decision decision = decide(actor, relations, kColumns[i]);
    EXPECT_EQ(decision.allowed, row.allowed[i] == 'Y');
    EXPECT_EQ(decision.scope, view_scope(actor, relations));
  }
}

INSTANTIATE_TEST_SUITE_P(EveryRoleTimesEveryRelation, AbsenceAccessMatrix, ::testing::ValuesIn(kMatrix),
                         [](const ::testing::TestParamInfo<Row>& info) {
                           return std::string(to_string(info.param.role)) + "_" +
                                  std::to_string(static_cast<int>(info.param.relation));
                         });

TEST(AbsenceAccessMatrixTable, CoversEveryRoleTimesEveryRelationExactlyOnce) {
  std::set<std::pair<Role, Relation>> seen;
  for (const Row& row : kMatrix)
    EXPECT_TRUE(seen.insert({row.role, row.relation}).second);
  EXPECT_EQ(seen.size(), std::size(kAllRoles) * kRelations);
}

TEST(AbsenceAccess, LeerplichtOfTheMunicipalityMayViewAbsencesAndSignalsButNotRecord) {
  const auto [actor, pupil] = situation(Role::AttendanceOfficer, Relation::MemberOfPupilMunicipality);
  EXPECT_TRUE(decide(actor, pupil, Action::ViewAbsences).allowed);
  EXPECT_TRUE(decide(actor, pupil, Action::ViewSignals).allowed);
  const auto record = decide(actor, pupil, Action::RecordAbsences);
  EXPECT_FALSE(record.allowed);
  EXPECT_EQ(record.reason, access_reason::kNeedsFullScope);
}

TEST(AbsenceAccess, TeacherLeadingTheCaseMayNotExemptFromTheProtocol) {
  const auto [actor, pupil] = situation(Role::Teacher, Relation::CaseLead);
  EXPECT_TRUE(decide(actor, pupil, Action::RecordAbsences).allowed);
  const auto exemption = decide(actor, pupil, Action::SetProtocolExemption);
  EXPECT_FALSE(exemption.allowed);
  EXPECT_EQ(exemption.reason, access_reason::kRoleMayNotEdit);
}

TEST(AbsenceAccess, ActionCodesAreStable) {
  EXPECT_EQ(to_string(Action::ViewAbsences), "view_absences");
  EXPECT_EQ(to_string(Action::RecordAbsences), "record_absences");
  EXPECT_EQ(to_string(Action::ViewSignals), "view_signals");
  EXPECT_EQ(to_string(Action::SetProtocolExemption), "set_protocol_exemption");
  EXPECT_EQ(to_string(SchoolAction::ImportAbsences), "import_absences");
  EXPECT_EQ(to_string(SchoolAction::ViewProtocol), "view_protocol");
  EXPECT_EQ(to_string(SchoolAction::EditProtocol), "edit_protocol");
}

// ---- school actions: role × relation to the school × action --------------------------------

enum class SchoolRelation { None, Member, MemberOfOther, Linked, LinkedToOther };
constexpr int kSchoolRelations = 5;

struct SchoolRow {
  Role role;
  SchoolRelation relation;
  const char* allowed; // ImportAbsences, ViewProtocol, EditProtocol
};

using S = SchoolRelation;

// clang-format off
constexpr SchoolRow kSchoolMatrix[] = {
  {R::SwvAdmin, S::None, "..."}, {R::SwvAdmin, S::Member, "..."}, {R::SwvAdmin, S::MemberOfOther, "..."},
  {R::SwvAdmin, S::Linked, "..."}, {R::SwvAdmin, S::LinkedToOther, "..."},
  {R::SwvConsultant, S::None, "..."}, {R::SwvConsultant, S::Member, "..."}, {R::SwvConsultant, S::MemberOfOther, "..."},
  {R::SwvConsultant, S::Linked, ".Y."}, {R::SwvConsultant, S::LinkedToOther, "..."},
  {R::SchoolCoordinator, S::None, "..."}, {R::SchoolCoordinator, S::Member, "YYY"}, {R::SchoolCoordinator, S::MemberOfOther, "..."},
  {R::SchoolCoordinator, S::Linked, "..."}, {R::SchoolCoordinator, S::LinkedToOther, "..."},
  {R::Teacher, S::None, "..."}, {R::Teacher, S::Member, "..."}, {R::Teacher, S::MemberOfOther, "..."},
  {R::Teacher, S::Linked, "..."}, {R::Teacher, S::LinkedToOther, "..."},
  {R::Orthopedagogue, S::None, "..."}, {R::Orthopedagogue, S::Member, "..."}, {R::Orthopedagogue, S::MemberOfOther, "..."},
  {R::Orthopedagogue, S::Linked, "..."}, {R::Orthopedagogue, S::LinkedToOther, "..."},
  {R::AttendanceOfficer, S::None, "..."}, {R::AttendanceOfficer, S::Member, "..."}, {R::AttendanceOfficer, S::MemberOfOther, "..."},
  {R::AttendanceOfficer, S::Linked, "..."}, {R::AttendanceOfficer, S::LinkedToOther, "..."},
  {R::MunicipalityConsultant, S::None, "..."}, {R::MunicipalityConsultant, S::Member, "..."}, {R::MunicipalityConsultant, S::MemberOfOther, "..."},
  {R::MunicipalityConsultant, S::Linked, "..."}, {R::MunicipalityConsultant, S::LinkedToOther, "..."},
  {R::CareProvider, S::None, "..."}, {R::CareProvider, S::Member, "..."}, {R::CareProvider, S::MemberOfOther, "..."},
  {R::CareProvider, S::Linked, "..."}, {R::CareProvider, S::LinkedToOther, "..."},
};
// clang-format on

TEST(SchoolAccessMatrix, DecisionMatchesTheHandWrittenTable) {
  std::set<std::pair<Role, SchoolRelation>> seen;
  for (const SchoolRow& row : kSchoolMatrix) {
    EXPECT_TRUE(seen.insert({row.role, row.relation}).second);
    Actor actor{.user_id = "user-1", .role = row.role, .member_of = {}, .linked_schools = {}};
    switch (row.relation) {
    case S::None: break;
    case S::Member: actor.member_of = {kEnrolmentSchool}; break;
    case S::MemberOfOther: actor.member_of = {kOtherSchool}; break;
    case S::Linked: actor.linked_schools = {kEnrolmentSchool}; break;
    case S::LinkedToOther: actor.linked_schools = {kOtherSchool}; break;
    }
    for (std::size_t i = 0; i < 3; ++i) {
      SCOPED_TRACE(std::string(to_string(row.role)) + " " + std::to_string(static_cast<int>(row.relation)) +
                   " " + std::string(to_string(kAllSchoolActions[i])));
      EXPECT_EQ(decide_school(actor, kEnrolmentSchool, kAllSchoolActions[i]), row.allowed[i] == 'Y');
    }
  }
  EXPECT_EQ(seen.size(), std::size(kAllRoles) * kSchoolRelations);
}

TEST(SchoolAccess, EmptySchoolIdNeverMatchesAnEmptyMembership) {
  Actor actor{.user_id = "user-1", .role = Role::SchoolCoordinator, .member_of = {""}, .linked_schools = {}};
  EXPECT_FALSE(decide_school(actor, "", SchoolAction::ImportAbsences));
}

} // namespace
} // namespace eenplan::domain
