// The education-care trajectory use cases (issue 3): provisions and their registrations
// (aanmelding → waiting list or placement), arrangements (from a template, the route-1 workflow,
// start, extension, ending) and phase models. Every change checks access (domain/access.*), applies
// a domain rule, writes and audits in one transaction; a refused rule leaves nothing behind.
//
// Errors: a rule violation is RuleViolated (422) with the rule's code; a stale version is
// VersionConflict (412) with the current view in Error::current.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/arrangement.hpp"
#include "domain/intake.hpp"
#include "domain/phase_history.hpp"
#include "domain/phase_model.hpp"
#include "domain/provision.hpp"
#include "domain/route_one.hpp"
#include "service/audit_log.hpp"
#include "service/case_team_service.hpp"
#include "service/context.hpp"
#include "store/database.hpp"

namespace eenplan::service {

struct PupilName {
  std::string id, given_name, family_name, school_pupil_number;
};

// ---- arrangements --------------------------------------------------------------------------------

struct ArrangementView {
  domain::Arrangement arrangement;
  domain::PhaseHistory history;
  std::vector<domain::RouteOneStep> open_steps; // route 1 only
  bool can_manage = false;
};

struct NewArrangement {
  std::string template_code;
  domain::Date start;
  std::optional<domain::Date> end; // default: the template's duration
  std::string enrolling_school_id;
  std::string home_school_id; // default: the pupil's home school, else the enrolment school
  std::vector<std::string> provider_organisation_ids;
  std::string coordinator_id; // default: the user creating it
  std::vector<std::string> support_needs;
};

/// A change of a draft or active arrangement; absent members stay as they are.
struct ArrangementPatch {
  std::optional<domain::Date> start, end;
  std::optional<std::string> enrolling_school_id, home_school_id, coordinator_id;
  std::optional<std::vector<std::string>> provider_organisation_ids, support_needs;
  std::optional<std::vector<domain::StaffRole>> staffing;
  std::optional<std::vector<domain::PlaceKind>> places;
  std::optional<std::vector<domain::FinancingLine>> financing;
  std::optional<domain::EvaluationCadence> cadence;
  std::optional<domain::ReturnPlan> return_plan;
};

class ArrangementService {
public:
  ArrangementService(store::Database& db, AuditLog& audit) : db_(db), audit_(audit) {}

  core::Result<std::vector<ArrangementView>> list_of_pupil(const Principal& who, const std::string& pupil_id,
                                                           const RequestContext& ctx);
  core::Result<ArrangementView> create(const Principal& who, const std::string& pupil_id,
                                       const NewArrangement& in, const RequestContext& ctx);
  core::Result<ArrangementView> get(const Principal& who, const std::string& id, const RequestContext& ctx);
  core::Result<ArrangementView> patch(const Principal& who, const std::string& id, int expected_version,
                                      const ArrangementPatch& in, const RequestContext& ctx);
  /// Records one route-1 step: copies that step's members of `values` into the workflow.
  core::Result<ArrangementView> set_route_one_step(const Principal& who, const std::string& id,
                                                   int expected_version, domain::RouteOneStep step,
                                                   const domain::RouteOneWorkflow& values,
                                                   const RequestContext& ctx);
  /// Draft → active, recording the first phase step (the template's start phase).
  core::Result<ArrangementView> start(const Principal& who, const std::string& id, int expected_version,
                                      const RequestContext& ctx);
  core::Result<ArrangementView> extend(const Principal& who, const std::string& id, int expected_version,
                                       domain::Date new_end, std::string reason, std::string decided_by,
                                       domain::Date decided_on, const RequestContext& ctx);
  /// Active → ended with the destination; frees the place in a provision; a note in the dossier
  /// tells the stamschool.
  core::Result<ArrangementView> end(const Principal& who, const std::string& id, int expected_version,
                                    const domain::Transition& transition, const RequestContext& ctx);

private:
  store::Database& db_;
  AuditLog& audit_;
};

// ---- provisions and registrations ----------------------------------------------------------------

struct PlacedPupil {
  PupilName pupil;
  std::string arrangement_id; // '' when no arrangement yet
  std::string arrangement_status;
  std::string current_phase; // '' before the start
};

struct WaitingPupil {
  PupilName pupil;
  int position = 0;
  domain::Date since;
  std::string registration_id;
};

struct AdmissionView {
  domain::Registration registration;
  PupilName pupil;
  std::string next_step; // observation | decision | intake_tasks | admission | placement | ''
  int waiting_position = 0;
};

struct ProvisionView {
  domain::Provision provision;
  std::string school_name;
  std::vector<PlacedPupil> placed;
  std::vector<WaitingPupil> waiting;
  std::vector<AdmissionView> registrations;
  bool can_manage = false;
};

struct NewProvision {
  std::string template_code, name, enrolling_school_id;
  std::optional<int> capacity;
  std::vector<std::string> provider_organisation_ids;
  std::optional<std::vector<std::string>> target_group;
  domain::Date start;
  std::optional<domain::Date> end;
};

struct ProvisionPatch {
  std::optional<std::string> name;
  std::optional<int> capacity;
  std::optional<std::vector<std::string>> provider_organisation_ids, target_group, decision_roles;
  std::optional<std::vector<domain::StaffRole>> staffing;
  std::optional<std::vector<domain::PlaceKind>> places;
  std::optional<std::vector<domain::FinancingLine>> financing;
  std::optional<domain::EvaluationCadence> cadence;
  std::optional<std::optional<domain::Date>> end;
};

struct NewRegistration {
  std::string pupil_id;
  domain::RegistrationChannel channel = domain::RegistrationChannel::Internal;
  std::string registered_by;
  domain::Date registered_on;
};

/// One step of a registration; which members count depends on the kind.
struct RegistrationStep {
  enum class Kind {
    Observation,
    Decision,
    IntakeTasks,
    Admission,
    Placement,
    Withdrawal
  } kind = Kind::Observation;
  domain::ObservationPeriod observation;
  domain::JointDecision decision;
  domain::IntakeTask intake, home_visit;
  domain::Withdrawal withdrawal;
};

class ProvisionService {
public:
  ProvisionService(store::Database& db, AuditLog& audit) : db_(db), audit_(audit) {}

  core::Result<std::vector<ProvisionView>> list(const Principal& who, const RequestContext& ctx);
  core::Result<ProvisionView> create(const Principal& who, const NewProvision& in, const RequestContext& ctx);
  core::Result<ProvisionView> get(const Principal& who, const std::string& id, const RequestContext& ctx);
  core::Result<ProvisionView> patch(const Principal& who, const std::string& id, int expected_version,
                                    const ProvisionPatch& in, const RequestContext& ctx);
  core::Result<AdmissionView> register_pupil(const Principal& who, const std::string& provision_id,
                                             const NewRegistration& in, const RequestContext& ctx);
  core::Result<AdmissionView> registration_step(const Principal& who, const std::string& registration_id,
                                                int expected_version, const RegistrationStep& step,
                                                const RequestContext& ctx);
  /// Accounts of the provision's region who may own the registration's intake and home visit (the
  /// task shows up in their "Mijn taken"), for who manages the provision (PickTaskOwners); see
  /// match_candidates. Holds no pupil data and is not audited.
  core::Result<CandidatesView> task_owner_candidates(const Principal& who, const std::string& registration_id,
                                                     const std::string& query, int limit);

  core::Result<std::vector<std::pair<domain::PhaseModel, int>>> phase_models(const Principal& who);
  core::Result<std::pair<domain::PhaseModel, int>> phase_model(const Principal& who, const std::string& id);
  core::Result<std::pair<domain::PhaseModel, int>> put_phase_model(const Principal& who,
                                                                   domain::PhaseModel model,
                                                                   int expected_version,
                                                                   const RequestContext& ctx);

private:
  store::Database& db_;
  AuditLog& audit_;
};

} // namespace eenplan::service
