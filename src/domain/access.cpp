#include "domain/access.hpp"

#include <algorithm>

namespace eenplan::domain {
namespace {

struct Grant {
  Scope scope;
  std::string_view reason;
};

/// True when `id` is non-empty and listed in `ids`. Empty ids never match.
bool contains_id(const std::vector<std::string>& ids, std::string_view id) {
  if (id.empty()) return false;
  return std::ranges::find(ids, id) != ids.end();
}

Grant grant_for(const Actor& actor, const PupilRelations& pupil) {
  if (actor.role == Role::SwvAdmin) return {Scope::None, access_reason::kSwvAdminNeverSeesDossiers};
  if (pupil.actor_is_case_lead) return {Scope::Full, access_reason::kCaseLead};
  if (pupil.actor_on_case_team) return {Scope::Full, access_reason::kCaseTeam};

  switch (actor.role) {
  case Role::SchoolCoordinator:
    if (contains_id(actor.member_of, pupil.enrolment_school_id))
      return {Scope::Full, access_reason::kCoordinatorOfEnrolmentSchool};
    if (contains_id(actor.member_of, pupil.home_school_id))
      return {Scope::Full, access_reason::kCoordinatorOfHomeSchool};
    break;
  case Role::SwvConsultant:
    if (contains_id(actor.linked_schools, pupil.enrolment_school_id))
      return {Scope::Full, access_reason::kConsultantOfEnrolmentSchool};
    if (contains_id(actor.linked_schools, pupil.home_school_id))
      return {Scope::Full, access_reason::kConsultantOfHomeSchool};
    break;
  case Role::AttendanceOfficer:
    if (contains_id(actor.member_of, pupil.municipality_id))
      return {Scope::Attendance, access_reason::kAttendanceOfficerOfMunicipality};
    break;
  case Role::SwvAdmin: // handled above
  case Role::Teacher:
  case Role::Orthopedagogue:
  case Role::MunicipalityConsultant:
  case Role::CareProvider: break; // only through the case team
  }
  return {Scope::None, access_reason::kNoRelation};
}

/// The relation as if the actor were not on the case team: what their school or municipality gives.
Grant grant_without_case_team(const Actor& actor, const PupilRelations& pupil) {
  PupilRelations without_team = pupil;
  without_team.actor_on_case_team = false;
  without_team.actor_is_case_lead = false;
  return grant_for(actor, without_team);
}

bool covers(Scope have, Scope need) {
  return static_cast<int>(have) >= static_cast<int>(need);
}

bool is_editor_role(Role role) {
  switch (role) {
  case Role::SchoolCoordinator:
  case Role::SwvConsultant:
  case Role::Orthopedagogue: return true;
  case Role::SwvAdmin:
  case Role::Teacher:
  case Role::AttendanceOfficer:
  case Role::MunicipalityConsultant:
  case Role::CareProvider: return false;
  }
  return false;
}

const ActionRule& rule_for(Action action) {
  for (const ActionRule& rule : kActionRules) {
    if (rule.action == action) return rule;
  }
  // Unreachable for a valid Action: every enumerator has a row (checked by a unit test).
  // Fall back to the strictest row rather than crash.
  return kActionRules[1];
}

} // namespace

Scope view_scope(const Actor& actor, const PupilRelations& pupil) {
  return grant_for(actor, pupil).scope;
}

Decision decide(const Actor& actor, const PupilRelations& pupil, Action action) {
  const Grant grant = grant_for(actor, pupil);
  if (grant.scope == Scope::None) return {false, grant.scope, grant.reason};

  const ActionRule& rule = rule_for(action);
  if (!covers(grant.scope, rule.min_scope)) return {false, grant.scope, access_reason::kNeedsFullScope};
  if (rule.editor_only && !pupil.actor_is_case_lead && !is_editor_role(actor.role))
    return {false, grant.scope, access_reason::kRoleMayNotEdit};
  if (rule.core_team_only && actor.role != Role::SchoolCoordinator && actor.role != Role::SwvConsultant)
    return {false, grant.scope, access_reason::kRoleMayNotEdit};
  if (rule.lead_or_school_relation && !pupil.actor_is_case_lead &&
      grant_without_case_team(actor, pupil).scope != Scope::Full)
    return {false, grant.scope, access_reason::kOnlyLeadOrSchoolEditsTeam};
  return {true, grant.scope, grant.reason};
}

bool may_manage_support_meetings(const Actor& actor, std::string_view school_id) {
  switch (actor.role) {
  case Role::SchoolCoordinator: return contains_id(actor.member_of, school_id);
  case Role::SwvConsultant: return contains_id(actor.linked_schools, school_id);
  case Role::SwvAdmin:
  case Role::Teacher:
  case Role::Orthopedagogue:
  case Role::AttendanceOfficer:
  case Role::MunicipalityConsultant:
  case Role::CareProvider: return false;
  }
  return false;
}

bool may_list_pupils(Role role) {
  return role != Role::SwvAdmin;
}

std::string_view to_string(Scope scope) {
  switch (scope) {
  case Scope::None: return "none";
  case Scope::Attendance: return "attendance";
  case Scope::Full: return "full";
  }
  return "none";
}

std::string_view to_string(Action action) {
  switch (action) {
  case Action::ViewDossier: return "view_dossier";
  case Action::EditDossier: return "edit_dossier";
  case Action::ViewNotes: return "view_notes";
  case Action::AddNote: return "add_note";
  case Action::ViewAudit: return "view_audit";
  case Action::ListInSearch: return "list_in_search";
  case Action::RecordSupportStep: return "record_support_step";
  case Action::DecideSupportRoute: return "decide_support_route";
  case Action::ViewAbsences: return "view_absences";
  case Action::RecordAbsences: return "record_absences";
  case Action::ViewSignals: return "view_signals";
  case Action::SetProtocolExemption: return "set_protocol_exemption";
  case Action::ViewTrajectory: return "view_trajectory";
  case Action::ManageTrajectory: return "manage_trajectory";
  case Action::ViewPlan: return "view_plan";
  case Action::EditPlan: return "edit_plan";
  case Action::RecordEvaluation: return "record_evaluation";
  case Action::ViewCaseTeam: return "view_case_team";
  case Action::EditCaseTeam: return "edit_case_team";
  }
  return "unknown";
}

bool decide_school(const Actor& actor, std::string_view school_id, SchoolAction action) {
  const bool coordinator = actor.role == Role::SchoolCoordinator && contains_id(actor.member_of, school_id);
  const bool consultant = actor.role == Role::SwvConsultant && contains_id(actor.linked_schools, school_id);
  switch (action) {
  case SchoolAction::ImportAbsences:
  case SchoolAction::EditProtocol: return coordinator;
  case SchoolAction::ViewProtocol: return coordinator || consultant;
  }
  return false;
}

std::string_view to_string(SchoolAction action) {
  switch (action) {
  case SchoolAction::ImportAbsences: return "import_absences";
  case SchoolAction::ViewProtocol: return "view_protocol";
  case SchoolAction::EditProtocol: return "edit_protocol";
  }
  return "unknown";
}

Decision decide_homebound(const Actor& actor, const PupilRelations& pupil) {
  if (actor.role == Role::SwvAdmin) return {false, Scope::None, access_reason::kSwvAdminNeverSeesDossiers};
  // The relation is judged without the case team: being on a team opens the dossier, not the register.
  const Grant grant = grant_without_case_team(actor, pupil);
  if (grant.scope == Scope::None) return {false, Scope::None, grant.reason};
  if (!may_open_homebound_register(actor.role))
    return {false, grant.scope, access_reason::kRoleKeepsNoRegister};
  return {true, grant.scope, grant.reason};
}

bool may_open_homebound_register(Role role) {
  return role == Role::SwvConsultant || role == Role::SchoolCoordinator || role == Role::AttendanceOfficer;
}

bool may_view_homebound_statistics(Role role) {
  return role == Role::SwvConsultant;
}

bool may_view_homebound_settings(Role role) {
  return may_change_homebound_settings(role) || may_open_homebound_register(role) ||
         may_view_homebound_statistics(role);
}

bool may_change_homebound_settings(Role role) {
  return role == Role::SwvAdmin;
}

bool may_view_school_statistics(const Actor& actor, std::string_view school_id) {
  if (actor.role == Role::SchoolCoordinator) return contains_id(actor.member_of, school_id);
  if (actor.role == Role::SwvConsultant) return contains_id(actor.linked_schools, school_id);
  return false;
}

bool decide_provision(const Actor& actor, std::string_view provision_school_id, ProvisionAction action) {
  const bool consultant = actor.role == Role::SwvConsultant;
  const bool school_coordinator =
      actor.role == Role::SchoolCoordinator && contains_id(actor.member_of, provision_school_id);
  switch (action) {
  case ProvisionAction::ViewProvision:
  case ProvisionAction::ManageProvision:
  // Who plans the intake picks its owners; the list holds names and organisations, no pupil data.
  case ProvisionAction::PickTaskOwners: return consultant || school_coordinator;
  case ProvisionAction::ViewPhaseModels: return actor.role != Role::SwvAdmin;
  case ProvisionAction::ConfigurePhaseModel: return consultant;
  }
  return false;
}

std::string_view to_string(ProvisionAction action) {
  switch (action) {
  case ProvisionAction::ViewProvision: return "view_provision";
  case ProvisionAction::ManageProvision: return "manage_provision";
  case ProvisionAction::ViewPhaseModels: return "view_phase_models";
  case ProvisionAction::ConfigurePhaseModel: return "configure_phase_model";
  case ProvisionAction::PickTaskOwners: return "pick_task_owners";
  }
  return "unknown";
}

} // namespace eenplan::domain
