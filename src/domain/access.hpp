// Access policy: the ONE place that decides who may see or change a pupil's dossier.
//
// Access is relational (design.md, "Rules of the house"): a role alone never opens a dossier; the
// actor must be on the pupil's case team, or hold a role that covers the pupil's school or
// municipality for that purpose. Least privilege: anything not granted below is denied.
//
//   swv_admin                                   → never (not even when on a case team)
//   any other role on the case team             → full
//   school_coordinator, member of enrolment or home school      → full
//   swv_consultant, linked to enrolment or home school          → full
//   attendance_officer, member of the pupil's municipality      → attendance (verzuim data only)
//   teacher, orthopedagogue, municipality_consultant, care_provider → only via the case team
//
// Changing the case team itself is narrower (Action::EditCaseTeam): the regisseur, or the
// coordinator / SWV consultant through their school relation; being on the team is not enough.
//
// Empty ids never match anything (an empty home school does not match an empty membership).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "domain/roles.hpp"

namespace eenplan::domain {

/// The user asking, with the organisations that give them relations to pupils.
struct Actor {
  std::string user_id;
  Role role = Role::Teacher; // a default that grants nothing without a case team
  /// Organisations the user is a member of (school, municipality, …).
  std::vector<std::string> member_of;
  /// swv_consultant only: the schools they are linked to.
  std::vector<std::string> linked_schools;
};

/// What the store knows about one pupil in relation to the actor.
struct PupilRelations {
  std::string enrolment_school_id;
  std::string home_school_id; // stamschool; may be empty
  std::string municipality_id;
  bool actor_on_case_team = false;
  bool actor_is_case_lead = false; // implies being on the case team
};

enum class Action {
  ViewDossier,
  EditDossier,
  ViewNotes,
  AddNote,
  ViewAudit,
  ListInSearch,
  // Support route (ondersteuningsroute):
  RecordSupportStep,  // basisondersteuning, zorgmelding, parent contact: the mentor's part
  DecideSupportRoute, // zorgteam outcome, JES referral and its outcome: the coordinator's part
  // Verzuim:
  ViewAbsences,         // registered absences (leerplicht needs these: attendance scope)
  RecordAbsences,       // register absence by hand
  ViewSignals,          // escalation signals and the tasks about them
  SetProtocolExemption, // take the pupil out of the standard protocol (expertisepunt) or end that
  // Education-care trajectory (arrangements, registrations, phase history):
  ViewTrajectory,   // the pupil's arrangements, phase history and registrations (case team too)
  ManageTrajectory, // create, change, start, extend and end them; register the pupil for a provision
  // The pupil's plan (OPP, evaluations, weekly schedule):
  ViewPlan,         // read the OPP, its revisions, evaluations, phase timeline and hours
  EditPlan,         // write, set and revise the OPP; set a weekly schedule
  RecordEvaluation, // record an evaluation of an arrangement (may change the phase)
  // The case team (betrokkenen):
  ViewCaseTeam, // read the case team with its version (to change it)
  EditCaseTeam, // add and remove members, change their roles, name the regisseur
};

inline constexpr Action kAllActions[] = {
    Action::ViewDossier,       Action::EditDossier,        Action::ViewNotes,
    Action::AddNote,           Action::ViewAudit,          Action::ListInSearch,
    Action::RecordSupportStep, Action::DecideSupportRoute, Action::ViewAbsences,
    Action::RecordAbsences,    Action::ViewSignals,        Action::SetProtocolExemption,
    Action::ViewTrajectory,    Action::ManageTrajectory,   Action::ViewPlan,
    Action::EditPlan,          Action::RecordEvaluation,   Action::ViewCaseTeam,
    Action::EditCaseTeam};

/// How much of a dossier the actor sees. Ordered: None < Attendance < Full.
/// Attendance = identity, school, guardians and verzuim data; no support needs, factors, load
/// capacity, care history, case team or notes (contract: `access.scope`).
enum class Scope { None, Attendance, Full };

/// Stable English codes for logs and audit; never shown to users.
namespace access_reason {
inline constexpr std::string_view kSwvAdminNeverSeesDossiers = "swv_admin_no_dossiers";
inline constexpr std::string_view kCaseLead = "case_lead";
inline constexpr std::string_view kCaseTeam = "case_team";
inline constexpr std::string_view kCoordinatorOfEnrolmentSchool = "coordinator_of_enrolment_school";
inline constexpr std::string_view kCoordinatorOfHomeSchool = "coordinator_of_home_school";
inline constexpr std::string_view kConsultantOfEnrolmentSchool = "consultant_of_enrolment_school";
inline constexpr std::string_view kConsultantOfHomeSchool = "consultant_of_home_school";
inline constexpr std::string_view kAttendanceOfficerOfMunicipality = "attendance_officer_of_municipality";
inline constexpr std::string_view kNoRelation = "no_relation";
/// Denials of an action although some scope exists:
inline constexpr std::string_view kNeedsFullScope = "needs_full_scope";
inline constexpr std::string_view kRoleMayNotEdit = "role_may_not_edit";
inline constexpr std::string_view kOnlyLeadOrSchoolEditsTeam = "only_lead_or_school_edits_case_team";
} // namespace access_reason

struct Decision {
  bool allowed = false;
  Scope scope = Scope::None; // the actor's scope on this pupil, also when denied
  std::string_view reason;   // one of access_reason::k*; points to static storage

  friend bool operator==(const Decision&, const Decision&) = default;
};

/// The actor's scope on the pupil.
Scope view_scope(const Actor& actor, const PupilRelations& pupil);

/// Whether the actor may perform `action` on the pupil, with the scope and the reason.
Decision decide(const Actor& actor, const PupilRelations& pupil, Action action);

/// Whether the role may call the pupil list at all (the list is then filtered per pupil with
/// Action::ListInSearch). False for swv_admin only (→ 403 forbidden).
bool may_list_pupils(Role role);

/// Whether the actor may plan the school's ondersteuningsteam (JES) meetings and read their agenda:
/// the school's coordinator (member of the school) or the SWV consultant linked to it. Which pupils
/// of an agenda the actor then sees is still decided per pupil by decide().
bool may_manage_support_meetings(const Actor& actor, std::string_view school_id);

/// "none" | "attendance" | "full" (the contract's `access.scope` uses the last two).
std::string_view to_string(Scope scope);
/// "view_dossier", "edit_dossier", "view_notes", "add_note", "view_audit", "list_in_search",
/// "view_absences", "record_absences", "view_signals", "set_protocol_exemption".
std::string_view to_string(Action action);

/// What a user does at the level of a school rather than one pupil.
enum class SchoolAction {
  ImportAbsences, // import the school's absence export: its coordinator passend onderwijs
  ViewProtocol,   // read the escalation protocol: the coordinator, or an SWV consultant linked to it
  EditProtocol,   // change the protocol: the coordinator
};
inline constexpr SchoolAction kAllSchoolActions[] = {SchoolAction::ImportAbsences, SchoolAction::ViewProtocol,
                                                     SchoolAction::EditProtocol};

/// Whether the actor may perform `action` for the school (`school_id`, never empty to match).
bool decide_school(const Actor& actor, std::string_view school_id, SchoolAction action);

/// "import_absences" | "view_protocol" | "edit_protocol"
std::string_view to_string(SchoolAction action);

// ---- description tables (decide() uses kActionRules; kGrantRules documents view_scope) ---------

/// What an action requires. `editor_only`: additionally the role must be school_coordinator,
/// swv_consultant or orthopedagogue, or the actor must be the case lead.
struct ActionRule {
  Action action;
  Scope min_scope;
  bool editor_only;
  std::string_view description;
  /// Additionally the role must be school_coordinator or swv_consultant (the core team's
  /// decision-makers), whatever the case team says.
  bool core_team_only = false;
  /// Additionally the actor must be the case lead, or have full scope without the case team (the
  /// coordinator of the enrolment or home school, the SWV consultant linked to one of them): a
  /// plain member of the team, whatever their role, does not decide who else is on it.
  bool lead_or_school_relation = false;
};

inline constexpr std::array<ActionRule, 19> kActionRules{{
    {Action::ViewDossier, Scope::Attendance, false,
     "View the dossier; attendance scope sees identity, school, guardians and absence data only"},
    {Action::EditDossier, Scope::Full, true,
     "Change the dossier: full scope and (coordinator, SWV consultant, orthopedagogue or case "
     "lead)"},
    {Action::ViewNotes, Scope::Full, false, "Read notes, conversations, meetings and decisions"},
    {Action::AddNote, Scope::Full, false, "Add a note"},
    {Action::ViewAudit, Scope::Full, false, "Read who accessed or changed the dossier"},
    {Action::ListInSearch, Scope::Attendance, false, "Appear in the actor's pupil list and search"},
    {Action::RecordSupportStep, Scope::Full, false,
     "Record basisondersteuning steps, a zorgmelding or a contact with the parents"},
    {Action::DecideSupportRoute, Scope::Full, true,
     "Record a zorgteam outcome or a JES referral: full scope and (coordinator, SWV consultant, "
     "orthopedagogue or case lead)"},
    {Action::ViewAbsences, Scope::Attendance, false, "Read the registered absences (leerplicht too)"},
    {Action::RecordAbsences, Scope::Full, false, "Register absence by hand"},
    {Action::ViewSignals, Scope::Attendance, false, "Read escalation signals and tasks about them"},
    {Action::SetProtocolExemption, Scope::Full, false,
     "Take the pupil out of the standard verzuim protocol or end that: coordinator or SWV consultant", true},
    {Action::ViewTrajectory, Scope::Full, false,
     "Read the pupil's arrangements, route-1 workflow, phase history and registrations (the case team "
     "with the provider's staff too; leerplicht does not)"},
    {Action::ManageTrajectory, Scope::Full, false,
     "Create, change, start, extend or end an arrangement, register the pupil for a provision: the "
     "coordinator of the enrolling or home school or the SWV consultant",
     true},
    {Action::ViewPlan, Scope::Full, false,
     "Read the OPP with its revisions, the evaluations, the phase timeline and the weekly hours"},
    {Action::EditPlan, Scope::Full, true,
     "Write, set or revise the OPP and set the weekly schedule: full scope and (coordinator, SWV "
     "consultant, orthopedagogue or case lead)"},
    {Action::RecordEvaluation, Scope::Full, true,
     "Record an evaluation, which may move the pupil to another phase: full scope and (coordinator, SWV "
     "consultant, orthopedagogue or case lead)"},
    {Action::ViewCaseTeam, Scope::Full, false, "Read the case team (betrokkenen) with its version"},
    {Action::EditCaseTeam, Scope::Full, false,
     "Change the case team and name its regisseur: the case lead, the coordinator of the enrolment or "
     "home school, or the SWV consultant linked to one of them (not another member of the team)",
     false, true},
}};

/// Who gets which scope through which relation (documentation of view_scope, first match wins).
struct GrantRule {
  std::string_view role;     // role code, or "any other role"
  std::string_view relation; // the relation that grants the scope
  Scope scope;
  std::string_view reason;
};

inline constexpr std::array<GrantRule, 9> kGrantRules{{
    {"swv_admin", "any, including membership of the case team", Scope::None,
     access_reason::kSwvAdminNeverSeesDossiers},
    {"any other role", "case lead of the pupil", Scope::Full, access_reason::kCaseLead},
    {"any other role", "member of the pupil's case team", Scope::Full, access_reason::kCaseTeam},
    {"school_coordinator", "member of the pupil's enrolment school", Scope::Full,
     access_reason::kCoordinatorOfEnrolmentSchool},
    {"school_coordinator", "member of the pupil's home school (stamschool)", Scope::Full,
     access_reason::kCoordinatorOfHomeSchool},
    {"swv_consultant", "linked to the pupil's enrolment school", Scope::Full,
     access_reason::kConsultantOfEnrolmentSchool},
    {"swv_consultant", "linked to the pupil's home school (stamschool)", Scope::Full,
     access_reason::kConsultantOfHomeSchool},
    {"attendance_officer", "member of the pupil's municipality (leerplicht)", Scope::Attendance,
     access_reason::kAttendanceOfficerOfMunicipality},
    {"any", "none of the above", Scope::None, access_reason::kNoRelation},
}};

// ---- thuiszitter register (M5) ----------------------------------------------------------------
//
// Narrower than the dossier: the register is kept by the SWV consultant (pupils of linked schools),
// the school's coordinator (enrolment or home school) and leerplicht (pupils of their municipality).
// A case team gives no access to the register, and the SWV admin never sees it. Whoever sees a
// case may also record in it (register, confirm, escalate, close): all three roles keep it.

namespace access_reason {
inline constexpr std::string_view kRoleKeepsNoRegister = "role_keeps_no_homebound_register";
} // namespace access_reason

/// Whether the actor may see and keep the pupil's thuiszitter case.
Decision decide_homebound(const Actor& actor, const PupilRelations& pupil);

/// Whether the role may open the register at all (then filtered per pupil).
bool may_open_homebound_register(Role role);

/// The anonymised overviews and the inspectie registration of the whole SWV: the SWV consultant.
bool may_view_homebound_statistics(Role role);

/// The region's thuiszitter settings (target, thresholds): who works with the register or its
/// overviews reads them; the SWV-beheerder, who configures the region, changes them. They hold no
/// pupil data, so the beheerder's "no dossiers" is not touched.
bool may_view_homebound_settings(Role role);
bool may_change_homebound_settings(Role role);

/// A school's absence trends (counts per quarter, level and year group): the school's coordinator
/// and the SWV consultant linked to it.
bool may_view_school_statistics(const Actor& actor, std::string_view school_id);

// ---- provisions and phase models (issue 3) -----------------------------------------------------
//
// A provision is a setting of the region, not one pupil's dossier. Its overview (capacity, waiting
// list, placed pupils) is for those who run or fill it: the SWV consultants (the SWV decides on
// placement and keeps the waiting lists of the region) and the coordinator of the school that
// provides it. The SWV consultants configure the phase models; anyone with a dossier role may read
// them (they are not pupil data).

enum class ProvisionAction {
  ViewProvision,       // the overview with the waiting list and placed pupils
  ManageProvision,     // create or change it; registrations, decisions, admission, placement
  ViewPhaseModels,     // read the phase models
  ConfigurePhaseModel, // change a phase model
  PickTaskOwners,      // list the region's accounts to own a registration's intake and home visit
};
inline constexpr ProvisionAction kAllProvisionActions[] = {
    ProvisionAction::ViewProvision, ProvisionAction::ManageProvision, ProvisionAction::ViewPhaseModels,
    ProvisionAction::ConfigurePhaseModel, ProvisionAction::PickTaskOwners};

/// `provision_school_id`: the provision's enrolling school ('' for a new provision or the models).
bool decide_provision(const Actor& actor, std::string_view provision_school_id, ProvisionAction action);

/// "view_provision" | "manage_provision" | "view_phase_models" | "configure_phase_model" |
/// "pick_task_owners"
std::string_view to_string(ProvisionAction action);

} // namespace eenplan::domain
