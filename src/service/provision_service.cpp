// Provisions (voorzieningen), their registrations (aanmelding → waiting list or placement) and the
// phase models. See trajectory_service.hpp.
#include <algorithm>
#include <map>

#include "core/ids.hpp"
#include "domain/arrangement_templates.hpp"
#include "service/trajectory_common.hpp"
#include "service/trajectory_service.hpp"
#include "store/case_team_store.hpp"
#include "store/organisation_store.hpp"
#include "store/plan_store.hpp"
#include "store/pupil_store.hpp"
#include "store/trajectory_store.hpp"

namespace eenplan::service {
namespace {

using domain::ProvisionAction;
using domain::RegistrationStatus;
using namespace trajectory;

const char* kProvisionNotFound = "Deze voorziening bestaat niet.";
const char* kRegistrationNotFound = "Deze aanmelding bestaat niet.";
const char* kMayNotManage =
    "Alleen de SWV-consulent en de coördinator passend onderwijs van de school van de voorziening beheren "
    "voorzieningen en aanmeldingen.";

std::string next_step_of(const domain::Registration& r) {
  switch (r.status) {
  case RegistrationStatus::Registered:
  case RegistrationStatus::InObservation: return "decision";
  case RegistrationStatus::Decided: return r.tasks.empty() ? "intake_tasks" : "admission";
  case RegistrationStatus::OnWaitingList: return "placement";
  case RegistrationStatus::Placed:
  case RegistrationStatus::Refused:
  case RegistrationStatus::Withdrawn: return "";
  }
  return "";
}

AdmissionView registration_view(soci::session& sql, const domain::Registration& r,
                                const domain::Provision& provision) {
  return {r, pupil_name(sql, r.pupil_id), next_step_of(r),
          provision.waiting_position(r.pupil_id).value_or(0)};
}

/// The provision's pupils by id, read in one query (the overview of a full provision must not cost
/// a query per pupil).
std::map<std::string, store::ProvisionPupilRow> provision_pupils(soci::session& sql, const std::string& id) {
  std::map<std::string, store::ProvisionPupilRow> out;
  for (auto& row : store::list_provision_pupils(sql, id))
    out.emplace(row.pupil_id, std::move(row));
  return out;
}

PupilName name_in(const std::map<std::string, store::ProvisionPupilRow>& pupils,
                  const std::string& pupil_id) {
  const auto it = pupils.find(pupil_id);
  if (it == pupils.end()) return {pupil_id, "", "", ""};
  const auto& r = it->second;
  return {r.pupil_id, r.given_name, r.family_name, r.school_pupil_number};
}

ProvisionView overview(soci::session& sql, domain::Provision p, bool can_manage, bool details) {
  ProvisionView v;
  if (auto school = store::find_organisation(sql, p.enrolling_school_id)) v.school_name = school->name;
  v.can_manage = can_manage;
  if (details) {
    const auto pupils = provision_pupils(sql, p.id);
    for (const auto& pupil_id : p.placed_pupil_ids) {
      PlacedPupil placed{name_in(pupils, pupil_id), "", "", ""};
      if (const auto it = pupils.find(pupil_id); it != pupils.end()) {
        placed.arrangement_id = it->second.arrangement_id;
        placed.arrangement_status = it->second.arrangement_status;
        placed.current_phase = it->second.current_phase;
      }
      v.placed.push_back(std::move(placed));
    }
    int position = 1;
    for (const auto& w : p.waiting_list)
      v.waiting.push_back({name_in(pupils, w.pupil_id), position++, w.since, w.registration_id});
    for (const auto& r : store::list_registrations_of_provision(sql, p.id))
      v.registrations.push_back(
          {r, name_in(pupils, r.pupil_id), next_step_of(r), p.waiting_position(r.pupil_id).value_or(0)});
  }
  v.provision = std::move(p);
  return v;
}

bool may(const Principal& who, const std::string& school_id, ProvisionAction action) {
  return domain::decide_provision(who.actor(), school_id, action);
}

/// A placed pupil gets a draft route-2 arrangement, with the placing user as its coordinator.
void create_placement_arrangement(soci::session& sql, const Principal& who, const domain::Provision& p,
                                  const domain::Registration& r, domain::Date today,
                                  const RequestContext& ctx) {
  auto pupil = store::find_pupil(sql, r.pupil_id);
  const std::string home = pupil && !pupil->home_school.id.empty() ? pupil->home_school.id
                           : pupil                                 ? pupil->enrolment_school.id
                                                                   : std::string{};
  auto a = domain::arrangement_in_provision(p, r.pupil_id, home, today);
  a.id = core::new_uuid();
  a.coordinator_id = who.user_id;
  if (a.opp_id.empty()) a.opp_id = store::set_opp_id_of_pupil(sql, a.pupil_id); // the pupil's set OPP
  store::insert_arrangement(sql, a, who.user_id, now_of(ctx));
}

std::vector<store::AuditEventInput> read_events(const Principal& who, const ProvisionView& v,
                                                const RequestContext& ctx) {
  std::vector<store::AuditEventInput> events;
  for (const auto& p : v.placed)
    events.push_back(audit_event(who, p.pupil.id, "read", "provision.overview", ctx));
  for (const auto& w : v.waiting)
    events.push_back(audit_event(who, w.pupil.id, "read", "provision.waiting_list", ctx));
  return events;
}

} // namespace

core::Result<std::vector<ProvisionView>> ProvisionService::list(const Principal& who, const RequestContext&) {
  if (who.role != domain::Role::SwvConsultant && who.role != domain::Role::SchoolCoordinator)
    return core::fail(core::ErrorCode::Forbidden, kMayNotManage);
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  std::vector<ProvisionView> out;
  for (auto& p : store::list_provisions(sql)) {
    if (!may(who, p.enrolling_school_id, ProvisionAction::ViewProvision)) continue;
    const bool manage = may(who, p.enrolling_school_id, ProvisionAction::ManageProvision);
    out.push_back(overview(sql, std::move(p), manage, false));
  }
  tx.commit();
  return out;
}

core::Result<ProvisionView> ProvisionService::create(const Principal& who, const NewProvision& in,
                                                     const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  if (!may(who, in.enrolling_school_id, ProvisionAction::ManageProvision))
    return core::fail(core::ErrorCode::Forbidden, kMayNotManage);
  std::vector<core::FieldError> errors;
  const auto* tpl = domain::find_arrangement_template(in.template_code);
  if (tpl == nullptr || tpl->route != domain::Route::Provision)
    errors.push_back({"templateCode", "invalid-value", "Kies een sjabloon van een voorziening (route 2)."});
  if (!organisation_exists(sql, in.enrolling_school_id, true))
    errors.push_back({"enrollingSchoolId", "invalid-value", "Deze school bestaat niet."});
  for (std::size_t i = 0; i < in.provider_organisation_ids.size(); ++i) {
    if (!organisation_exists(sql, in.provider_organisation_ids[i], false))
      errors.push_back({"providerOrganisationIds[" + std::to_string(i) + "]", "invalid-value",
                        "Deze organisatie bestaat niet."});
  }
  if (!errors.empty()) return core::invalid(std::move(errors));
  auto p = domain::provision_from_template(*tpl, in.start);
  p.id = core::new_uuid();
  p.name = in.name;
  p.enrolling_school_id = in.enrolling_school_id;
  p.provider_organisation_ids = in.provider_organisation_ids;
  if (in.capacity) p.capacity = *in.capacity;
  if (in.target_group) p.target_group = *in.target_group;
  p.end = in.end;
  if (auto ok = domain::validate_provision(p); !ok) return refused(ok.error());
  store::insert_provision(sql, p, who.user_id, now_of(ctx));
  audit_.append_in(sql, {audit_event(who, "", "create", "provision", ctx)});
  auto view = overview(sql, std::move(p), true, true);
  tx.commit();
  return view;
}

core::Result<ProvisionView> ProvisionService::get(const Principal& who, const std::string& id,
                                                  const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto p = core::is_uuid(id) ? store::find_provision(sql, id) : std::nullopt;
  if (!p) return core::fail(core::ErrorCode::NotFound, kProvisionNotFound);
  if (!may(who, p->enrolling_school_id, ProvisionAction::ViewProvision))
    return core::fail(core::ErrorCode::Forbidden, kMayNotManage);
  const bool manage = may(who, p->enrolling_school_id, ProvisionAction::ManageProvision);
  auto view = overview(sql, std::move(*p), manage, true);
  tx.commit();
  if (auto events = read_events(who, view, ctx); !events.empty()) audit_.record_reads(std::move(events));
  return view;
}

core::Result<ProvisionView> ProvisionService::patch(const Principal& who, const std::string& id,
                                                    int expected_version, const ProvisionPatch& in,
                                                    const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto p = core::is_uuid(id) ? store::find_provision(sql, id) : std::nullopt;
  if (!p) return core::fail(core::ErrorCode::NotFound, kProvisionNotFound);
  if (!may(who, p->enrolling_school_id, ProvisionAction::ManageProvision))
    return core::fail(core::ErrorCode::Forbidden, kMayNotManage);
  if (p->version != expected_version) return conflict(overview(sql, std::move(*p), true, true));
  if (in.name) p->name = *in.name;
  if (in.capacity) {
    // Capacity is never silently exceeded: it cannot drop below the pupils placed.
    if (*in.capacity < static_cast<int>(p->placed_pupil_ids.size()))
      return refused(domain::violation(domain::TrajectoryRule::ProvisionFull, "capacity",
                                       "Er zijn meer leerlingen geplaatst dan deze capaciteit."));
    p->capacity = *in.capacity;
  }
  if (in.provider_organisation_ids) p->provider_organisation_ids = *in.provider_organisation_ids;
  if (in.target_group) p->target_group = *in.target_group;
  if (in.decision_roles) p->decision_roles = *in.decision_roles;
  if (in.staffing) p->staffing = *in.staffing;
  if (in.places) p->places = *in.places;
  if (in.financing) p->financing = *in.financing;
  if (in.cadence) p->cadence = *in.cadence;
  if (in.end) p->end = *in.end;
  if (auto ok = domain::validate_provision(*p); !ok) return refused(ok.error());
  ++p->version;
  if (!store::update_provision(sql, *p, expected_version, now_of(ctx)))
    return core::fail(core::ErrorCode::VersionConflict,
                      "Iemand anders heeft deze voorziening net gewijzigd.");
  audit_.append_in(sql, {audit_event(who, "", "update", "provision", ctx)});
  auto view = overview(sql, std::move(*p), true, true);
  tx.commit();
  return view;
}

core::Result<AdmissionView> ProvisionService::register_pupil(const Principal& who,
                                                             const std::string& provision_id,
                                                             const NewRegistration& in,
                                                             const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto p = core::is_uuid(provision_id) ? store::find_provision(sql, provision_id) : std::nullopt;
  if (!p) return core::fail(core::ErrorCode::NotFound, kProvisionNotFound);
  // Registering is for who runs the provision, or for the pupil's own school (an external
  // registration by the school of origin).
  if (!may(who, p->enrolling_school_id, ProvisionAction::ManageProvision)) {
    auto at = locate_pupil(sql, who, in.pupil_id, domain::Action::ManageTrajectory);
    if (!at) return core::unexpected(at.error());
  }
  if (!core::is_uuid(in.pupil_id) || !store::find_pupil(sql, in.pupil_id))
    return core::invalid({{"pupilId", "invalid-value", "Deze leerling bestaat niet."}});
  for (const auto& other : store::list_registrations_of_provision(sql, provision_id)) {
    if (other.pupil_id == in.pupil_id && !next_step_of(other).empty())
      return refused(domain::violation(domain::TrajectoryRule::AlreadyOnWaitingList, "pupilId",
                                       "Deze leerling is al aangemeld voor deze voorziening."));
  }
  domain::Registration r;
  r.id = core::new_uuid();
  r.pupil_id = in.pupil_id;
  r.provision_id = provision_id;
  r.channel = in.channel;
  r.registered_by = in.registered_by;
  r.registered_on = in.registered_on;
  store::insert_registration(sql, r, who.user_id, now_of(ctx));
  audit_.append_in(sql, {audit_event(who, r.pupil_id, "create", "pupil.registration", ctx)});
  auto view = registration_view(sql, r, *p);
  tx.commit();
  return view;
}

core::Result<AdmissionView> ProvisionService::registration_step(const Principal& who,
                                                                const std::string& registration_id,
                                                                int expected_version,
                                                                const RegistrationStep& step,
                                                                const RequestContext& ctx) {
  using Kind = RegistrationStep::Kind;
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto r = core::is_uuid(registration_id) ? store::find_registration(sql, registration_id) : std::nullopt;
  if (!r) return core::fail(core::ErrorCode::NotFound, kRegistrationNotFound);
  auto p = store::find_provision(sql, r->provision_id);
  if (!p) return core::fail(core::ErrorCode::NotFound, kRegistrationNotFound);
  if (!may(who, p->enrolling_school_id, ProvisionAction::ManageProvision))
    return core::fail(core::ErrorCode::Forbidden, kMayNotManage);
  if (r->version != expected_version) return conflict(registration_view(sql, *r, *p));
  const auto today = today_of(ctx);
  const int provision_version = p->version;
  bool provision_changed = false;
  std::string resource = "pupil.registration";
  switch (step.kind) {
  case Kind::Observation:
    if (auto ok = domain::start_observation(*r, expected_version, step.observation); !ok)
      return refused(ok.error());
    resource += ".observation";
    break;
  case Kind::Decision:
    if (auto ok = domain::record_joint_decision(*r, expected_version, step.decision, p->decision_roles); !ok)
      return refused(ok.error());
    resource += ".decision";
    break;
  case Kind::IntakeTasks:
    if (auto ok = domain::plan_intake_tasks(*r, expected_version, step.intake, step.home_visit); !ok)
      return refused(ok.error());
    resource += ".intake_tasks";
    break;
  case Kind::Admission: {
    auto placement = domain::admit(*r, expected_version, *p, provision_version, today);
    if (!placement) return refused(placement.error());
    provision_changed = true;
    if (placement->outcome == domain::PlacementOutcome::Placed)
      create_placement_arrangement(sql, who, *p, *r, today, ctx);
    resource += ".admission";
    break;
  }
  case Kind::Placement:
    if (auto ok = domain::place_waiting_pupil(*r, expected_version, *p, provision_version, today); !ok)
      return refused(ok.error());
    provision_changed = true;
    create_placement_arrangement(sql, who, *p, *r, today, ctx);
    resource += ".placement";
    break;
  case Kind::Withdrawal: {
    const bool waiting = r->status == RegistrationStatus::OnWaitingList;
    if (auto ok = domain::withdraw_registration(*r, expected_version, *p, provision_version, step.withdrawal);
        !ok)
      return refused(ok.error());
    provision_changed = waiting; // the waiting list closes up
    resource += ".withdrawal";
    break;
  }
  }
  if (!store::update_registration(sql, *r, expected_version, now_of(ctx)) ||
      (provision_changed && !store::update_provision(sql, *p, provision_version, now_of(ctx)))) {
    return core::fail(core::ErrorCode::VersionConflict, "De aanmelding of de voorziening is net gewijzigd.");
  }
  audit_.append_in(sql, {audit_event(who, r->pupil_id, "update", resource, ctx)});
  auto view = registration_view(sql, *r, *p);
  tx.commit();
  return view;
}

core::Result<CandidatesView> ProvisionService::task_owner_candidates(const Principal& who,
                                                                     const std::string& registration_id,
                                                                     const std::string& query, int limit) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto r = core::is_uuid(registration_id) ? store::find_registration(sql, registration_id) : std::nullopt;
  auto p = r ? store::find_provision(sql, r->provision_id) : std::nullopt;
  if (!p) return core::fail(core::ErrorCode::NotFound, kRegistrationNotFound);
  if (!may(who, p->enrolling_school_id, ProvisionAction::PickTaskOwners))
    return core::fail(core::ErrorCode::Forbidden, kMayNotManage);
  auto school = store::find_organisation(sql, p->enrolling_school_id);
  auto all = school ? store::list_case_team_candidates(sql, school->region_id)
                    : std::vector<store::CaseTeamCandidateRecord>{};
  tx.commit();
  return match_candidates(std::move(all), query, limit);
}

core::Result<std::vector<std::pair<domain::PhaseModel, int>>>
ProvisionService::phase_models(const Principal& who) {
  if (!may(who, "", ProvisionAction::ViewPhaseModels))
    return core::fail(core::ErrorCode::Forbidden, "U mag de fasenmodellen niet inzien.");
  store::Lease lease(db_);
  auto& sql = lease.sql();
  std::vector<std::pair<domain::PhaseModel, int>> out;
  for (auto& m : store::list_phase_models(sql)) {
    const int version = store::phase_model_version(sql, m.id).value_or(1);
    out.emplace_back(std::move(m), version);
  }
  return out;
}

core::Result<std::pair<domain::PhaseModel, int>> ProvisionService::phase_model(const Principal& who,
                                                                               const std::string& id) {
  if (!may(who, "", ProvisionAction::ViewPhaseModels))
    return core::fail(core::ErrorCode::Forbidden, "U mag de fasenmodellen niet inzien.");
  store::Lease lease(db_);
  auto& sql = lease.sql();
  auto m = store::find_phase_model(sql, id);
  if (!m) return core::fail(core::ErrorCode::NotFound, "Dit fasenmodel bestaat niet.");
  return std::pair{std::move(*m), store::phase_model_version(sql, id).value_or(1)};
}

core::Result<std::pair<domain::PhaseModel, int>>
ProvisionService::put_phase_model(const Principal& who, domain::PhaseModel model, int expected_version,
                                  const RequestContext& ctx) {
  if (!may(who, "", ProvisionAction::ConfigurePhaseModel))
    return core::fail(core::ErrorCode::Forbidden, "Alleen de SWV-consulent stelt fasenmodellen in.");
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto current = store::find_phase_model(sql, model.id);
  if (!current) return core::fail(core::ErrorCode::NotFound, "Dit fasenmodel bestaat niet.");
  const int version = store::phase_model_version(sql, model.id).value_or(1);
  if (version != expected_version) return conflict(std::pair{std::move(*current), version});
  if (auto ok = domain::validate_phase_model(model); !ok) return refused(ok.error());
  if (auto ok = domain::check_phases_in_use(*current, model, store::phase_codes_in_use(sql, model.id)); !ok)
    return refused(ok.error());
  if (!store::update_phase_model(sql, model, expected_version, who.user_id, now_of(ctx)))
    return core::fail(core::ErrorCode::VersionConflict, "Iemand anders heeft dit fasenmodel net gewijzigd.");
  audit_.append_in(sql, {audit_event(who, "", "update", "phase_model", ctx)});
  tx.commit();
  return std::pair{std::move(model), expected_version + 1};
}

} // namespace eenplan::service
