// The access policy, exhaustively: every role × every relation × every action against a table
// written out by hand (not recomputed from the policy), plus edge cases.
#include "domain/access.hpp"

#include <gtest/gtest.h>

#include <array>
#include <ostream>
#include <set>
#include <string>
#include <utility>

namespace eenplan::domain {
namespace {

// The pupil every matrix row is about.
constexpr const char* kEnrolmentSchool = "school-enrolment";
constexpr const char* kHomeSchool = "school-home";
constexpr const char* kOtherSchool = "school-other";
constexpr const char* kMunicipality = "municipality-pupil";
constexpr const char* kOtherMunicipality = "municipality-other";

PupilRelations pupil() {
  return PupilRelations{.enrolment_school_id = kEnrolmentSchool,
                        .home_school_id = kHomeSchool,
                        .municipality_id = kMunicipality,
                        .actor_on_case_team = false,
                        .actor_is_case_lead = false};
}

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

std::string name_of(Relation relation) {
  switch (relation) {
  case Relation::None: return "None";
  case Relation::CaseTeamMember: return "CaseTeamMember";
  case Relation::CaseLead: return "CaseLead";
  case Relation::MemberOfEnrolmentSchool: return "MemberOfEnrolmentSchool";
  case Relation::MemberOfHomeSchool: return "MemberOfHomeSchool";
  case Relation::MemberOfOtherSchool: return "MemberOfOtherSchool";
  case Relation::LinkedToEnrolmentSchool: return "LinkedToEnrolmentSchool";
  case Relation::LinkedToHomeSchool: return "LinkedToHomeSchool";
  case Relation::LinkedToOtherSchool: return "LinkedToOtherSchool";
  case Relation::MemberOfPupilMunicipality: return "MemberOfPupilMunicipality";
  case Relation::MemberOfOtherMunicipality: return "MemberOfOtherMunicipality";
  }
  return "?";
}

/// Builds the actor and the pupil's relations for one row of the matrix.
std::pair<Actor, PupilRelations> situation(Role role, Relation relation) {
  Actor actor{.user_id = "user-1", .role = role, .member_of = {}, .linked_schools = {}};
  PupilRelations relations = pupil();
  switch (relation) {
  case Relation::None: break;
  case Relation::CaseTeamMember: relations.actor_on_case_team = true; break;
  case Relation::CaseLead:
    relations.actor_on_case_team = true;
    relations.actor_is_case_lead = true;
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
  return {actor, relations};
}

struct Row {
  Role role;
  Relation relation;
  Scope scope;
  // One character per action, in this order:
  //   ViewDossier, EditDossier, ViewNotes, AddNote, ViewAudit, ListInSearch
  // 'Y' = allowed, '.' = denied.
  const char* allowed;
  const char* reason; // reason code of the ViewDossier decision
};

// Readable failure messages instead of a byte dump of the row.
void PrintTo(const Row& row, std::ostream* os) {
  *os << to_string(row.role) << " / " << name_of(row.relation) << " -> " << to_string(row.scope) << " "
      << row.allowed;
}

using R = Role;
using Rel = Relation;
constexpr Scope N = Scope::None;
constexpr Scope A = Scope::Attendance;
constexpr Scope F = Scope::Full;

// clang-format off
// The expected outcome, written out by hand from the rules in the brief / contract.
constexpr Row kMatrix[] = {
  // swv_admin: never any pupil access, whatever the relation.
  {R::SwvAdmin, Rel::None,                      N, "......", "swv_admin_no_dossiers"},
  {R::SwvAdmin, Rel::CaseTeamMember,            N, "......", "swv_admin_no_dossiers"},
  {R::SwvAdmin, Rel::CaseLead,                  N, "......", "swv_admin_no_dossiers"},
  {R::SwvAdmin, Rel::MemberOfEnrolmentSchool,   N, "......", "swv_admin_no_dossiers"},
  {R::SwvAdmin, Rel::MemberOfHomeSchool,        N, "......", "swv_admin_no_dossiers"},
  {R::SwvAdmin, Rel::MemberOfOtherSchool,       N, "......", "swv_admin_no_dossiers"},
  {R::SwvAdmin, Rel::LinkedToEnrolmentSchool,   N, "......", "swv_admin_no_dossiers"},
  {R::SwvAdmin, Rel::LinkedToHomeSchool,        N, "......", "swv_admin_no_dossiers"},
  {R::SwvAdmin, Rel::LinkedToOtherSchool,       N, "......", "swv_admin_no_dossiers"},
  {R::SwvAdmin, Rel::MemberOfPupilMunicipality, N, "......", "swv_admin_no_dossiers"},
  {R::SwvAdmin, Rel::MemberOfOtherMunicipality, N, "......", "swv_admin_no_dossiers"},

  // swv_consultant: case team, or LINKED to enrolment/home school (membership does not count).
  {R::SwvConsultant, Rel::None,                      N, "......", "no_relation"},
  {R::SwvConsultant, Rel::CaseTeamMember,            F, "YYYYYY", "case_team"},
  {R::SwvConsultant, Rel::CaseLead,                  F, "YYYYYY", "case_lead"},
  {R::SwvConsultant, Rel::MemberOfEnrolmentSchool,   N, "......", "no_relation"},
  {R::SwvConsultant, Rel::MemberOfHomeSchool,        N, "......", "no_relation"},
  {R::SwvConsultant, Rel::MemberOfOtherSchool,       N, "......", "no_relation"},
  {R::SwvConsultant, Rel::LinkedToEnrolmentSchool,   F, "YYYYYY", "consultant_of_enrolment_school"},
  {R::SwvConsultant, Rel::LinkedToHomeSchool,        F, "YYYYYY", "consultant_of_home_school"},
  {R::SwvConsultant, Rel::LinkedToOtherSchool,       N, "......", "no_relation"},
  {R::SwvConsultant, Rel::MemberOfPupilMunicipality, N, "......", "no_relation"},
  {R::SwvConsultant, Rel::MemberOfOtherMunicipality, N, "......", "no_relation"},

  // school_coordinator: case team, or MEMBER of enrolment/home school (a link does not count).
  {R::SchoolCoordinator, Rel::None,                      N, "......", "no_relation"},
  {R::SchoolCoordinator, Rel::CaseTeamMember,            F, "YYYYYY", "case_team"},
  {R::SchoolCoordinator, Rel::CaseLead,                  F, "YYYYYY", "case_lead"},
  {R::SchoolCoordinator, Rel::MemberOfEnrolmentSchool,   F, "YYYYYY", "coordinator_of_enrolment_school"},
  {R::SchoolCoordinator, Rel::MemberOfHomeSchool,        F, "YYYYYY", "coordinator_of_home_school"},
  {R::SchoolCoordinator, Rel::MemberOfOtherSchool,       N, "......", "no_relation"},
  {R::SchoolCoordinator, Rel::LinkedToEnrolmentSchool,   N, "......", "no_relation"},
  {R::SchoolCoordinator, Rel::LinkedToHomeSchool,        N, "......", "no_relation"},
  {R::SchoolCoordinator, Rel::LinkedToOtherSchool,       N, "......", "no_relation"},
  {R::SchoolCoordinator, Rel::MemberOfPupilMunicipality, N, "......", "no_relation"},
  {R::SchoolCoordinator, Rel::MemberOfOtherMunicipality, N, "......", "no_relation"},

  // teacher: only via the case team; edits only as case lead.
  {R::Teacher, Rel::None,                      N, "......", "no_relation"},
  {R::Teacher, Rel::CaseTeamMember,            F, "Y.YYYY", "case_team"},
  {R::Teacher, Rel::CaseLead,                  F, "YYYYYY", "case_lead"},
  {R::Teacher, Rel::MemberOfEnrolmentSchool,   N, "......", "no_relation"},
  {R::Teacher, Rel::MemberOfHomeSchool,        N, "......", "no_relation"},
  {R::Teacher, Rel::MemberOfOtherSchool,       N, "......", "no_relation"},
  {R::Teacher, Rel::LinkedToEnrolmentSchool,   N, "......", "no_relation"},
  {R::Teacher, Rel::LinkedToHomeSchool,        N, "......", "no_relation"},
  {R::Teacher, Rel::LinkedToOtherSchool,       N, "......", "no_relation"},
  {R::Teacher, Rel::MemberOfPupilMunicipality, N, "......", "no_relation"},
  {R::Teacher, Rel::MemberOfOtherMunicipality, N, "......", "no_relation"},

  // orthopedagogue: only via the case team; an editor role there.
  {R::Orthopedagogue, Rel::None,                      N, "......", "no_relation"},
  {R::Orthopedagogue, Rel::CaseTeamMember,            F, "YYYYYY", "case_team"},
  {R::Orthopedagogue, Rel::CaseLead,                  F, "YYYYYY", "case_lead"},
  {R::Orthopedagogue, Rel::MemberOfEnrolmentSchool,   N, "......", "no_relation"},
  {R::Orthopedagogue, Rel::MemberOfHomeSchool,        N, "......", "no_relation"},
  {R::Orthopedagogue, Rel::MemberOfOtherSchool,       N, "......", "no_relation"},
  {R::Orthopedagogue, Rel::LinkedToEnrolmentSchool,   N, "......", "no_relation"},
  {R::Orthopedagogue, Rel::LinkedToHomeSchool,        N, "......", "no_relation"},
  {R::Orthopedagogue, Rel::LinkedToOtherSchool,       N, "......", "no_relation"},
  {R::Orthopedagogue, Rel::MemberOfPupilMunicipality, N, "......", "no_relation"},
  {R::Orthopedagogue, Rel::MemberOfOtherMunicipality, N, "......", "no_relation"},

  // attendance_officer: own municipality → attendance scope (view + list only); case team → full.
  {R::AttendanceOfficer, Rel::None,                      N, "......", "no_relation"},
  {R::AttendanceOfficer, Rel::CaseTeamMember,            F, "Y.YYYY", "case_team"},
  {R::AttendanceOfficer, Rel::CaseLead,                  F, "YYYYYY", "case_lead"},
  {R::AttendanceOfficer, Rel::MemberOfEnrolmentSchool,   N, "......", "no_relation"},
  {R::AttendanceOfficer, Rel::MemberOfHomeSchool,        N, "......", "no_relation"},
  {R::AttendanceOfficer, Rel::MemberOfOtherSchool,       N, "......", "no_relation"},
  {R::AttendanceOfficer, Rel::LinkedToEnrolmentSchool,   N, "......", "no_relation"},
  {R::AttendanceOfficer, Rel::LinkedToHomeSchool,        N, "......", "no_relation"},
  {R::AttendanceOfficer, Rel::LinkedToOtherSchool,       N, "......", "no_relation"},
  {R::AttendanceOfficer, Rel::MemberOfPupilMunicipality, A, "Y....Y", "attendance_officer_of_municipality"},
  {R::AttendanceOfficer, Rel::MemberOfOtherMunicipality, N, "......", "no_relation"},

  // municipality_consultant: only via the case team (municipality membership gives nothing).
  {R::MunicipalityConsultant, Rel::None,                      N, "......", "no_relation"},
  {R::MunicipalityConsultant, Rel::CaseTeamMember,            F, "Y.YYYY", "case_team"},
  {R::MunicipalityConsultant, Rel::CaseLead,                  F, "YYYYYY", "case_lead"},
  {R::MunicipalityConsultant, Rel::MemberOfEnrolmentSchool,   N, "......", "no_relation"},
  {R::MunicipalityConsultant, Rel::MemberOfHomeSchool,        N, "......", "no_relation"},
  {R::MunicipalityConsultant, Rel::MemberOfOtherSchool,       N, "......", "no_relation"},
  {R::MunicipalityConsultant, Rel::LinkedToEnrolmentSchool,   N, "......", "no_relation"},
  {R::MunicipalityConsultant, Rel::LinkedToHomeSchool,        N, "......", "no_relation"},
  {R::MunicipalityConsultant, Rel::LinkedToOtherSchool,       N, "......", "no_relation"},
  {R::MunicipalityConsultant, Rel::MemberOfPupilMunicipality, N, "......", "no_relation"},
  {R::MunicipalityConsultant, Rel::MemberOfOtherMunicipality, N, "......", "no_relation"},

  // care_provider: only via the case team.
  {R::CareProvider, Rel::None,                      N, "......", "no_relation"},
  {R::CareProvider, Rel::CaseTeamMember,            F, "Y.YYYY", "case_team"},
  {R::CareProvider, Rel::CaseLead,                  F, "YYYYYY", "case_lead"},
  {R::CareProvider, Rel::MemberOfEnrolmentSchool,   N, "......", "no_relation"},
  {R::CareProvider, Rel::MemberOfHomeSchool,        N, "......", "no_relation"},
  {R::CareProvider, Rel::MemberOfOtherSchool,       N, "......", "no_relation"},
  {R::CareProvider, Rel::LinkedToEnrolmentSchool,   N, "......", "no_relation"},
  {R::CareProvider, Rel::LinkedToHomeSchool,        N, "......", "no_relation"},
  {R::CareProvider, Rel::LinkedToOtherSchool,       N, "......", "no_relation"},
  {R::CareProvider, Rel::MemberOfPupilMunicipality, N, "......", "no_relation"},
  {R::CareProvider, Rel::MemberOfOtherMunicipality, N, "......", "no_relation"},
};
// clang-format on

constexpr Action kActionColumns[6] = {Action::ViewDossier, Action::EditDossier, Action::ViewNotes,
                                      Action::AddNote,     Action::ViewAudit,   Action::ListInSearch};

class AccessMatrix : public ::testing::TestWithParam<Row> {};

TEST_P(AccessMatrix, DecisionMatchesTheHandWrittenTable) {
  const Row& row = GetParam();
  const auto [actor, relations] = situation(row.role, row.relation);

  EXPECT_EQ(view_scope(actor, relations), row.scope);
  ASSERT_EQ(std::string(row.allowed).size(), 6U) << "malformed table row";
  for (std::size_t i = 0; i < 6; ++i) {
    const Action action = kActionColumns[i];
    SCOPED_TRACE(std::string(to_string(action)));
    const Decision decision = decide(actor, relations, action);
    EXPECT_EQ(decision.allowed, row.allowed[i] == 'Y');
    EXPECT_EQ(decision.scope, row.scope) << "every decision carries the scope";
    EXPECT_FALSE(decision.reason.empty());
  }
  EXPECT_EQ(decide(actor, relations, Action::ViewDossier).reason, row.reason);
}

INSTANTIATE_TEST_SUITE_P(EveryRoleTimesEveryRelation, AccessMatrix, ::testing::ValuesIn(kMatrix),
                         [](const ::testing::TestParamInfo<Row>& info) {
                           return std::string(to_string(info.param.role)) + "_" +
                                  name_of(info.param.relation);
                         });

TEST(AccessMatrixTable, CoversEveryRoleTimesEveryRelationExactlyOnce) {
  std::set<std::pair<Role, Relation>> seen;
  for (const Row& row : kMatrix) {
    EXPECT_TRUE(seen.insert({row.role, row.relation}).second)
        << "duplicate row " << to_string(row.role) << " " << name_of(row.relation);
  }
  constexpr std::size_t kRelations = 11;
  EXPECT_EQ(seen.size(), std::size(kAllRoles) * kRelations);
  for (Role role : kAllRoles) {
    for (int r = 0; r < static_cast<int>(kRelations); ++r) {
      EXPECT_TRUE(seen.contains({role, static_cast<Relation>(r)}))
          << "missing row " << to_string(role) << " " << name_of(static_cast<Relation>(r));
    }
  }
}

// ---- the case team: who may see it and who may change it ---------------------------------------
//
// A second hand-written table over every role × relation: ViewCaseTeam follows full scope;
// EditCaseTeam only the regisseur and the school side (coordinator of the enrolment or home school,
// SWV consultant linked to one of them). Another member of the team, leerplicht and the SWV admin
// may not change it.

struct CaseTeamRow {
  Role role;
  Relation relation;
  const char* allowed; // ViewCaseTeam, EditCaseTeam
  const char* edit_reason;
};

void PrintTo(const CaseTeamRow& row, std::ostream* os) {
  *os << to_string(row.role) << " / " << name_of(row.relation) << " -> " << row.allowed;
}

constexpr const char* kNoRel = "no_relation";
constexpr const char* kAdmin = "swv_admin_no_dossiers";
constexpr const char* kNotTeam = "only_lead_or_school_edits_case_team";

// clang-format off
constexpr CaseTeamRow kCaseTeamMatrix[] = {
  {R::SwvAdmin, Rel::None,                      "..", kAdmin},
  {R::SwvAdmin, Rel::CaseTeamMember,            "..", kAdmin},
  {R::SwvAdmin, Rel::CaseLead,                  "..", kAdmin},
  {R::SwvAdmin, Rel::MemberOfEnrolmentSchool,   "..", kAdmin},
  {R::SwvAdmin, Rel::MemberOfHomeSchool,        "..", kAdmin},
  {R::SwvAdmin, Rel::MemberOfOtherSchool,       "..", kAdmin},
  {R::SwvAdmin, Rel::LinkedToEnrolmentSchool,   "..", kAdmin},
  {R::SwvAdmin, Rel::LinkedToHomeSchool,        "..", kAdmin},
  {R::SwvAdmin, Rel::LinkedToOtherSchool,       "..", kAdmin},
  {R::SwvAdmin, Rel::MemberOfPupilMunicipality, "..", kAdmin},
  {R::SwvAdmin, Rel::MemberOfOtherMunicipality, "..", kAdmin},

  {R::SwvConsultant, Rel::None,                      "..", kNoRel},
  {R::SwvConsultant, Rel::CaseTeamMember,            "Y.", kNotTeam},
  {R::SwvConsultant, Rel::CaseLead,                  "YY", "case_lead"},
  {R::SwvConsultant, Rel::MemberOfEnrolmentSchool,   "..", kNoRel},
  {R::SwvConsultant, Rel::MemberOfHomeSchool,        "..", kNoRel},
  {R::SwvConsultant, Rel::MemberOfOtherSchool,       "..", kNoRel},
  {R::SwvConsultant, Rel::LinkedToEnrolmentSchool,   "YY", "consultant_of_enrolment_school"},
  {R::SwvConsultant, Rel::LinkedToHomeSchool,        "YY", "consultant_of_home_school"},
  {R::SwvConsultant, Rel::LinkedToOtherSchool,       "..", kNoRel},
  {R::SwvConsultant, Rel::MemberOfPupilMunicipality, "..", kNoRel},
  {R::SwvConsultant, Rel::MemberOfOtherMunicipality, "..", kNoRel},

  {R::SchoolCoordinator, Rel::None,                      "..", kNoRel},
  {R::SchoolCoordinator, Rel::CaseTeamMember,            "Y.", kNotTeam},
  {R::SchoolCoordinator, Rel::CaseLead,                  "YY", "case_lead"},
  {R::SchoolCoordinator, Rel::MemberOfEnrolmentSchool,   "YY", "coordinator_of_enrolment_school"},
  {R::SchoolCoordinator, Rel::MemberOfHomeSchool,        "YY", "coordinator_of_home_school"},
  {R::SchoolCoordinator, Rel::MemberOfOtherSchool,       "..", kNoRel},
  {R::SchoolCoordinator, Rel::LinkedToEnrolmentSchool,   "..", kNoRel},
  {R::SchoolCoordinator, Rel::LinkedToHomeSchool,        "..", kNoRel},
  {R::SchoolCoordinator, Rel::LinkedToOtherSchool,       "..", kNoRel},
  {R::SchoolCoordinator, Rel::MemberOfPupilMunicipality, "..", kNoRel},
  {R::SchoolCoordinator, Rel::MemberOfOtherMunicipality, "..", kNoRel},

  {R::Teacher, Rel::None,                      "..", kNoRel},
  {R::Teacher, Rel::CaseTeamMember,            "Y.", kNotTeam},
  {R::Teacher, Rel::CaseLead,                  "YY", "case_lead"},
  {R::Teacher, Rel::MemberOfEnrolmentSchool,   "..", kNoRel},
  {R::Teacher, Rel::MemberOfHomeSchool,        "..", kNoRel},
  {R::Teacher, Rel::MemberOfOtherSchool,       "..", kNoRel},
  {R::Teacher, Rel::LinkedToEnrolmentSchool,   "..", kNoRel},
  {R::Teacher, Rel::LinkedToHomeSchool,        "..", kNoRel},
  {R::Teacher, Rel::LinkedToOtherSchool,       "..", kNoRel},
  {R::Teacher, Rel::MemberOfPupilMunicipality, "..", kNoRel},
  {R::Teacher, Rel::MemberOfOtherMunicipality, "..", kNoRel},

  // An editor role for the dossier, but on the team only as a member: not for the team itself.
  {R::Orthopedagogue, Rel::None,                      "..", kNoRel},
  {R::Orthopedagogue, Rel::CaseTeamMember,            "Y.", kNotTeam},
  {R::Orthopedagogue, Rel::CaseLead,                  "YY", "case_lead"},
  {R::Orthopedagogue, Rel::MemberOfEnrolmentSchool,   "..", kNoRel},
  {R::Orthopedagogue, Rel::MemberOfHomeSchool,        "..", kNoRel},
  {R::Orthopedagogue, Rel::MemberOfOtherSchool,       "..", kNoRel},
  {R::Orthopedagogue, Rel::LinkedToEnrolmentSchool,   "..", kNoRel},
  {R::Orthopedagogue, Rel::LinkedToHomeSchool,        "..", kNoRel},
  {R::Orthopedagogue, Rel::LinkedToOtherSchool,       "..", kNoRel},
  {R::Orthopedagogue, Rel::MemberOfPupilMunicipality, "..", kNoRel},
  {R::Orthopedagogue, Rel::MemberOfOtherMunicipality, "..", kNoRel},

  // Leerplicht through the municipality has attendance scope only: no case team at all.
  {R::AttendanceOfficer, Rel::None,                      "..", kNoRel},
  {R::AttendanceOfficer, Rel::CaseTeamMember,            "Y.", kNotTeam},
  {R::AttendanceOfficer, Rel::CaseLead,                  "YY", "case_lead"},
  {R::AttendanceOfficer, Rel::MemberOfEnrolmentSchool,   "..", kNoRel},
  {R::AttendanceOfficer, Rel::MemberOfHomeSchool,        "..", kNoRel},
  {R::AttendanceOfficer, Rel::MemberOfOtherSchool,       "..", kNoRel},
  {R::AttendanceOfficer, Rel::LinkedToEnrolmentSchool,   "..", kNoRel},
  {R::AttendanceOfficer, Rel::LinkedToHomeSchool,        "..", kNoRel},
  {R::AttendanceOfficer, Rel::LinkedToOtherSchool,       "..", kNoRel},
  {R::AttendanceOfficer, Rel::MemberOfPupilMunicipality, "..", "needs_full_scope"},
  {R::AttendanceOfficer, Rel::MemberOfOtherMunicipality, "..", kNoRel},

  {R::MunicipalityConsultant, Rel::None,                      "..", kNoRel},
  {R::MunicipalityConsultant, Rel::CaseTeamMember,            "Y.", kNotTeam},
  {R::MunicipalityConsultant, Rel::CaseLead,                  "YY", "case_lead"},
  {R::MunicipalityConsultant, Rel::MemberOfEnrolmentSchool,   "..", kNoRel},
  {R::MunicipalityConsultant, Rel::MemberOfHomeSchool,        "..", kNoRel},
  {R::MunicipalityConsultant, Rel::MemberOfOtherSchool,       "..", kNoRel},
  {R::MunicipalityConsultant, Rel::LinkedToEnrolmentSchool,   "..", kNoRel},
  {R::MunicipalityConsultant, Rel::LinkedToHomeSchool,        "..", kNoRel},
  {R::MunicipalityConsultant, Rel::LinkedToOtherSchool,       "..", kNoRel},
  {R::MunicipalityConsultant, Rel::MemberOfPupilMunicipality, "..", kNoRel},
  {R::MunicipalityConsultant, Rel::MemberOfOtherMunicipality, "..", kNoRel},

  {R::CareProvider, Rel::None,                      "..", kNoRel},
  {R::CareProvider, Rel::CaseTeamMember,            "Y.", kNotTeam},
  {R::CareProvider, Rel::CaseLead,                  "YY", "case_lead"},
  {R::CareProvider, Rel::MemberOfEnrolmentSchool,   "..", kNoRel},
  {R::CareProvider, Rel::MemberOfHomeSchool,        "..", kNoRel},
  {R::CareProvider, Rel::MemberOfOtherSchool,       "..", kNoRel},
  {R::CareProvider, Rel::LinkedToEnrolmentSchool,   "..", kNoRel},
  {R::CareProvider, Rel::LinkedToHomeSchool,        "..", kNoRel},
  {R::CareProvider, Rel::LinkedToOtherSchool,       "..", kNoRel},
  {R::CareProvider, Rel::MemberOfPupilMunicipality, "..", kNoRel},
  {R::CareProvider, Rel::MemberOfOtherMunicipality, "..", kNoRel},
};
// clang-format on

class CaseTeamAccessMatrix : public ::testing::TestWithParam<CaseTeamRow> {};

TEST_P(CaseTeamAccessMatrix, DecisionMatchesTheHandWrittenTable) {
  const CaseTeamRow& row = GetParam();
  const auto [actor, relations] = situation(row.role, row.relation);
  ASSERT_EQ(std::string(row.allowed).size(), 2U) << "malformed table row";
  EXPECT_EQ(decide(actor, relations, Action::ViewCaseTeam).allowed, row.allowed[0] == 'Y');
  const Decision edit = decide(actor, relations, Action::EditCaseTeam);
  EXPECT_EQ(edit.allowed, row.allowed[1] == 'Y');
  EXPECT_EQ(edit.reason, row.edit_reason);
}

INSTANTIATE_TEST_SUITE_P(EveryRoleTimesEveryRelation, CaseTeamAccessMatrix,
                         ::testing::ValuesIn(kCaseTeamMatrix),
                         [](const ::testing::TestParamInfo<CaseTeamRow>& info) {
                           return std::string(to_string(info.param.role)) + "_" +
                                  name_of(info.param.relation);
                         });

TEST(CaseTeamAccessMatrixTable, CoversEveryRoleTimesEveryRelationExactlyOnce) {
  std::set<std::pair<Role, Relation>> seen;
  for (const CaseTeamRow& row : kCaseTeamMatrix)
    EXPECT_TRUE(seen.insert({row.role, row.relation}).second) << "duplicate row " << to_string(row.role);
  EXPECT_EQ(seen.size(), std::size(kAllRoles) * 11);
}

TEST(CaseTeamAccess, CoordinatorOnTheTeamOfAnotherSchoolMayNotChangeIt) {
  auto [actor, relations] = situation(Role::SchoolCoordinator, Relation::MemberOfOtherSchool);
  relations.actor_on_case_team = true;
  EXPECT_TRUE(decide(actor, relations, Action::ViewCaseTeam).allowed);
  EXPECT_FALSE(decide(actor, relations, Action::EditCaseTeam).allowed);
}

TEST(CaseTeamAccess, CoordinatorOfTheSchoolWhoIsAlsoAMemberMayChangeIt) {
  auto [actor, relations] = situation(Role::SchoolCoordinator, Relation::MemberOfHomeSchool);
  relations.actor_on_case_team = true;
  EXPECT_TRUE(decide(actor, relations, Action::EditCaseTeam).allowed);
}

TEST(CaseTeamAccess, LinkedConsultantOnTheTeamAsMemberMayChangeIt) {
  auto [actor, relations] = situation(Role::SwvConsultant, Relation::LinkedToEnrolmentSchool);
  relations.actor_on_case_team = true;
  EXPECT_TRUE(decide(actor, relations, Action::EditCaseTeam).allowed);
}

TEST(CaseTeamAccess, LeerplichtOfTheMunicipalityOnTheTeamAsMemberMayNotChangeIt) {
  auto [actor, relations] = situation(Role::AttendanceOfficer, Relation::MemberOfPupilMunicipality);
  relations.actor_on_case_team = true;
  const Decision d = decide(actor, relations, Action::EditCaseTeam);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.scope, Scope::Full);
}

TEST(CaseTeamAccess, ActionCodesAreStable) {
  EXPECT_EQ(to_string(Action::ViewCaseTeam), "view_case_team");
  EXPECT_EQ(to_string(Action::EditCaseTeam), "edit_case_team");
}

// ---- named rules -------------------------------------------------------------------------------

Actor actor_with(Role role, std::vector<std::string> member_of = {},
                 std::vector<std::string> linked_schools = {}) {
  return Actor{.user_id = "user-1",
               .role = role,
               .member_of = std::move(member_of),
               .linked_schools = std::move(linked_schools)};
}

TEST(Access, CoordinatorOfEnrolmentSchoolSeesFullDossier) {
  const Decision d =
      decide(actor_with(Role::SchoolCoordinator, {kEnrolmentSchool}), pupil(), Action::ViewDossier);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.scope, Scope::Full);
  EXPECT_EQ(d.reason, "coordinator_of_enrolment_school");
}

TEST(Access, SwvAdminNeverSeesDossierEvenOnCaseTeam) {
  PupilRelations relations = pupil();
  relations.actor_on_case_team = true;
  relations.actor_is_case_lead = true;
  const Actor admin = actor_with(Role::SwvAdmin, {kEnrolmentSchool, kMunicipality}, {kHomeSchool});
  EXPECT_EQ(view_scope(admin, relations), Scope::None);
  for (Action action : kAllActions)
    EXPECT_FALSE(decide(admin, relations, action).allowed);
}

TEST(Access, OnlySwvAdminMayNotListPupils) {
  // Literal per role, not derived from the policy.
  EXPECT_FALSE(may_list_pupils(Role::SwvAdmin));
  EXPECT_TRUE(may_list_pupils(Role::SwvConsultant));
  EXPECT_TRUE(may_list_pupils(Role::SchoolCoordinator));
  EXPECT_TRUE(may_list_pupils(Role::Teacher));
  EXPECT_TRUE(may_list_pupils(Role::Orthopedagogue));
  EXPECT_TRUE(may_list_pupils(Role::AttendanceOfficer));
  EXPECT_TRUE(may_list_pupils(Role::MunicipalityConsultant));
  EXPECT_TRUE(may_list_pupils(Role::CareProvider));
}

TEST(Access, EmptyHomeSchoolDoesNotMatchEmptyMembership) {
  PupilRelations relations = pupil();
  relations.home_school_id = "";
  EXPECT_EQ(view_scope(actor_with(Role::SchoolCoordinator, {""}), relations), Scope::None);
}

TEST(Access, EmptyHomeSchoolDoesNotMatchEmptyConsultantLink) {
  PupilRelations relations = pupil();
  relations.home_school_id = "";
  EXPECT_EQ(view_scope(actor_with(Role::SwvConsultant, {}, {""}), relations), Scope::None);
}

TEST(Access, EmptyEnrolmentSchoolDoesNotMatchEmptyMembership) {
  PupilRelations relations = pupil();
  relations.enrolment_school_id = "";
  relations.home_school_id = "";
  EXPECT_EQ(view_scope(actor_with(Role::SchoolCoordinator, {""}), relations), Scope::None);
  EXPECT_EQ(view_scope(actor_with(Role::SwvConsultant, {}, {""}), relations), Scope::None);
}

TEST(Access, EmptyMunicipalityDoesNotMatchEmptyMembership) {
  PupilRelations relations = pupil();
  relations.municipality_id = "";
  EXPECT_EQ(view_scope(actor_with(Role::AttendanceOfficer, {""}), relations), Scope::None);
}

TEST(Access, EmptyHomeSchoolStillAllowsCoordinatorOfEnrolmentSchool) {
  PupilRelations relations = pupil();
  relations.home_school_id = "";
  EXPECT_EQ(view_scope(actor_with(Role::SchoolCoordinator, {kEnrolmentSchool}), relations), Scope::Full);
}

TEST(Access, IdsMatchExactlyNotByPrefixOrCase) {
  EXPECT_EQ(view_scope(actor_with(Role::SchoolCoordinator, {"school-enrol"}), pupil()), Scope::None);
  EXPECT_EQ(view_scope(actor_with(Role::SchoolCoordinator, {"school-enrolment-2"}), pupil()), Scope::None);
  EXPECT_EQ(view_scope(actor_with(Role::SchoolCoordinator, {"SCHOOL-ENROLMENT"}), pupil()), Scope::None);
}

TEST(Access, CoordinatorWithSeveralMembershipsMatchesAnyOfThem) {
  const Actor actor = actor_with(Role::SchoolCoordinator, {kOtherSchool, kMunicipality, kHomeSchool});
  const Decision d = decide(actor, pupil(), Action::EditDossier);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.reason, "coordinator_of_home_school");
}

TEST(Access, CoordinatorOfBothSchoolsReportsEnrolmentSchool) {
  const Actor actor = actor_with(Role::SchoolCoordinator, {kHomeSchool, kEnrolmentSchool});
  EXPECT_EQ(decide(actor, pupil(), Action::ViewDossier).reason, "coordinator_of_enrolment_school");
}

TEST(Access, CaseLeadFlagAloneGrantsFullScope) {
  // Being the case lead implies being on the case team.
  PupilRelations relations = pupil();
  relations.actor_is_case_lead = true;
  const Decision d = decide(actor_with(Role::CareProvider), relations, Action::EditDossier);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.scope, Scope::Full);
  EXPECT_EQ(d.reason, "case_lead");
}

TEST(Access, AttendanceOfficerOnCaseTeamInOwnMunicipalitySeesFullDossier) {
  PupilRelations relations = pupil();
  relations.actor_on_case_team = true;
  const Actor officer = actor_with(Role::AttendanceOfficer, {kMunicipality});
  EXPECT_EQ(view_scope(officer, relations), Scope::Full);
  EXPECT_TRUE(decide(officer, relations, Action::ViewNotes).allowed);
  EXPECT_FALSE(decide(officer, relations, Action::EditDossier).allowed);
}

TEST(Access, AttendanceOfficerOfMunicipalityMayNotReadNotes) {
  const Decision d = decide(actor_with(Role::AttendanceOfficer, {kMunicipality}), pupil(), Action::ViewNotes);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.scope, Scope::Attendance);
  EXPECT_EQ(d.reason, "needs_full_scope");
}

TEST(Access, TeacherOnCaseTeamMayNotEditUnlessCaseLead) {
  PupilRelations relations = pupil();
  relations.actor_on_case_team = true;
  const Decision d = decide(actor_with(Role::Teacher), relations, Action::EditDossier);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.scope, Scope::Full);
  EXPECT_EQ(d.reason, "role_may_not_edit");
}

TEST(Access, TeacherOfEnrolmentSchoolOffCaseTeamSeesNothing) {
  const Decision d = decide(actor_with(Role::Teacher, {kEnrolmentSchool}), pupil(), Action::ListInSearch);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "no_relation");
}

TEST(Access, ConsultantMemberOfSchoolWithoutLinkSeesNothing) {
  EXPECT_EQ(view_scope(actor_with(Role::SwvConsultant, {kEnrolmentSchool, kHomeSchool}), pupil()),
            Scope::None);
}

TEST(Access, DeniedDecisionForNoRelationCarriesScopeNone) {
  const Decision d = decide(actor_with(Role::Orthopedagogue), pupil(), Action::ViewDossier);
  EXPECT_EQ(d, (Decision{false, Scope::None, "no_relation"}));
}

TEST(Access, ScopeCodesMatchTheContract) {
  EXPECT_EQ(to_string(Scope::None), "none");
  EXPECT_EQ(to_string(Scope::Attendance), "attendance");
  EXPECT_EQ(to_string(Scope::Full), "full");
}

TEST(Access, ActionCodesAreStable) {
  EXPECT_EQ(to_string(Action::ViewDossier), "view_dossier");
  EXPECT_EQ(to_string(Action::EditDossier), "edit_dossier");
  EXPECT_EQ(to_string(Action::ViewNotes), "view_notes");
  EXPECT_EQ(to_string(Action::AddNote), "add_note");
  EXPECT_EQ(to_string(Action::ViewAudit), "view_audit");
  EXPECT_EQ(to_string(Action::ListInSearch), "list_in_search");
}

TEST(Access, PlanActionCodesAreStable) {
  EXPECT_EQ(to_string(Action::ViewPlan), "view_plan");
  EXPECT_EQ(to_string(Action::EditPlan), "edit_plan");
  EXPECT_EQ(to_string(Action::RecordEvaluation), "record_evaluation");
}

TEST(Access, CoordinatorOfEnrolmentSchoolEditsAndEvaluatesThePlan) {
  const Actor coordinator = actor_with(Role::SchoolCoordinator, {kEnrolmentSchool});
  for (Action action : {Action::ViewPlan, Action::EditPlan, Action::RecordEvaluation})
    EXPECT_TRUE(decide(coordinator, pupil(), action).allowed) << to_string(action);
}

TEST(Access, TeacherOnCaseTeamReadsThePlanButDoesNotSetIt) {
  PupilRelations relations = pupil();
  relations.actor_on_case_team = true;
  const Actor teacher = actor_with(Role::Teacher, {});
  EXPECT_TRUE(decide(teacher, relations, Action::ViewPlan).allowed);
  EXPECT_FALSE(decide(teacher, relations, Action::EditPlan).allowed);
  EXPECT_FALSE(decide(teacher, relations, Action::RecordEvaluation).allowed);
  relations.actor_is_case_lead = true;
  EXPECT_TRUE(decide(teacher, relations, Action::EditPlan).allowed);
  EXPECT_TRUE(decide(teacher, relations, Action::RecordEvaluation).allowed);
}

TEST(Access, AttendanceOfficerDoesNotSeeThePlan) {
  const Actor officer = actor_with(Role::AttendanceOfficer, {kMunicipality});
  const Decision d = decide(officer, pupil(), Action::ViewPlan);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "needs_full_scope");
}

TEST(Access, ActionRuleTableHasExactlyOneRowPerAction) {
  for (Action action : kAllActions) {
    int rows = 0;
    for (const ActionRule& rule : kActionRules)
      rows += rule.action == action ? 1 : 0;
    EXPECT_EQ(rows, 1) << to_string(action);
  }
  EXPECT_EQ(kActionRules.size(), std::size(kAllActions));
}

TEST(Access, GrantRuleTableNamesEveryGrantingReason) {
  std::set<std::string_view> reasons;
  for (const GrantRule& rule : kGrantRules)
    reasons.insert(rule.reason);
  for (std::string_view expected :
       {"swv_admin_no_dossiers", "case_lead", "case_team", "coordinator_of_enrolment_school",
        "coordinator_of_home_school", "consultant_of_enrolment_school", "consultant_of_home_school",
        "attendance_officer_of_municipality", "no_relation"}) {
    EXPECT_TRUE(reasons.contains(expected)) << expected;
  }
}

} // namespace
} // namespace eenplan::domain
