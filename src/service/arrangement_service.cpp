// Arrangements of one pupil: create from a template, change, the route-1 workflow, start (with the
// first phase step), extend, end. See trajectory_service.hpp.
#include <fmt/format.h>

#include "core/ids.hpp"
#include "domain/arrangement_templates.hpp"
#include "service/trajectory_common.hpp"
#include "service/trajectory_service.hpp"
#include "store/account_store.hpp"
#include "store/plan_store.hpp"
#include "store/pupil_store.hpp"
#include "store/trajectory_store.hpp"

namespace eenplan::service {
namespace {

using domain::Action;
using namespace trajectory;

const char* kArrangementNotFound = "Dit arrangement bestaat niet of u heeft geen toegang.";

ArrangementView view_of(soci::session& sql, domain::Arrangement a, bool can_manage) {
  ArrangementView v;
  v.history = store::load_phase_history(sql, a.id);
  if (a.route == domain::Route::Tailored) v.open_steps = domain::open_steps(a.workflow, a.opp_id);
  v.arrangement = std::move(a);
  v.can_manage = can_manage;
  return v;
}

struct Loaded {
  domain::Arrangement arrangement;
  LocatedPupil at;
};

/// The arrangement and its pupil with the actor's decision for `action` (404 when the pupil is hidden).
core::Result<Loaded> load(soci::session& sql, const Principal& who, const std::string& id, Action action) {
  if (!core::is_uuid(id)) return core::fail(core::ErrorCode::NotFound, kArrangementNotFound);
  auto a = store::find_arrangement(sql, id);
  if (!a) return core::fail(core::ErrorCode::NotFound, kArrangementNotFound);
  auto at = locate_pupil(sql, who, a->pupil_id, action);
  if (!at) {
    if (at.error().code == core::ErrorCode::NotFound)
      return core::fail(core::ErrorCode::NotFound, kArrangementNotFound);
    return core::unexpected(at.error());
  }
  return Loaded{std::move(*a), std::move(*at)};
}

std::vector<core::FieldError> check_references(soci::session& sql, const domain::Arrangement& a) {
  std::vector<core::FieldError> errors;
  const char* unknown = "Deze organisatie bestaat niet.";
  if (!a.enrolling_school_id.empty() && !organisation_exists(sql, a.enrolling_school_id, true))
    errors.push_back({"enrollingSchoolId", "invalid-value", "Deze school bestaat niet."});
  if (!a.home_school_id.empty() && !organisation_exists(sql, a.home_school_id, true))
    errors.push_back({"homeSchoolId", "invalid-value", "Deze school bestaat niet."});
  for (std::size_t i = 0; i < a.provider_organisation_ids.size(); ++i) {
    if (!organisation_exists(sql, a.provider_organisation_ids[i], false))
      errors.push_back({"providerOrganisationIds[" + std::to_string(i) + "]", "invalid-value", unknown});
  }
  if (!a.coordinator_id.empty() &&
      (!core::is_uuid(a.coordinator_id) || !store::find_user(sql, a.coordinator_id)))
    errors.push_back({"coordinatorId", "invalid-value", "Deze gebruiker bestaat niet."});
  return errors;
}

/// Writes the changed arrangement (version already moved on) with its audit event, then the view.
core::Result<ArrangementView> save(soci::session& sql, store::Transaction& tx, AuditLog& audit,
                                   const Principal& who, domain::Arrangement& a, int expected_version,
                                   const std::string& resource, const RequestContext& ctx) {
  if (!store::update_arrangement(sql, a, expected_version, now_of(ctx)))
    return core::fail(core::ErrorCode::VersionConflict, "Iemand anders heeft dit arrangement net gewijzigd.");
  audit.append_in(sql, {audit_event(who, a.pupil_id, "update", resource, ctx)});
  auto view = view_of(sql, a, true);
  tx.commit();
  return view;
}

void copy_step(domain::RouteOneWorkflow& w, const domain::RouteOneWorkflow& in, domain::RouteOneStep step) {
  using S = domain::RouteOneStep;
  switch (step) {
  case S::Analysis: w.analysis = in.analysis; break;
  case S::ParentsInvolved:
    w.parents_involved_on = in.parents_involved_on;
    w.parents_involvement = in.parents_involvement;
    break;
  case S::Participants: w.participants = in.participants; break;
  case S::Design: w.design = in.design; break;
  case S::A4Plan: w.a4_plan = in.a4_plan; break;
  case S::Opp:
    w.care_money_used = in.care_money_used;
    w.care_plan_id = in.care_plan_id;
    break;
  case S::ExemptionConsidered:
    w.exemption_needed = in.exemption_needed;
    w.compulsory_education_met = in.compulsory_education_met;
    break;
  case S::SpecialEducationTlv:
    w.special_education_enrolment_needed = in.special_education_enrolment_needed;
    w.tlv = in.tlv;
    break;
  case S::FinanceAgreements: w.finance_agreements = in.finance_agreements; break;
  case S::ExtraFundsConsidered:
    w.extra_funds_needed = in.extra_funds_needed;
    w.extra_funds = in.extra_funds;
    break;
  }
}

std::string template_name(const std::string& code) {
  const auto* tpl = domain::find_arrangement_template(code);
  return tpl ? tpl->name : std::string("Arrangement");
}

} // namespace

core::Result<std::vector<ArrangementView>> ArrangementService::list_of_pupil(const Principal& who,
                                                                             const std::string& pupil_id,
                                                                             const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto at = locate_pupil(sql, who, pupil_id, Action::ViewTrajectory);
  if (!at) return core::unexpected(at.error());
  const bool can_manage = allowed(sql, who, at->pupil, Action::ManageTrajectory);
  std::vector<ArrangementView> out;
  for (auto& a : store::list_arrangements_of_pupil(sql, pupil_id))
    out.push_back(view_of(sql, std::move(a), can_manage));
  tx.commit();
  audit_.record_reads({audit_event(who, pupil_id, "read", "pupil.arrangements", ctx)});
  return out;
}

core::Result<ArrangementView> ArrangementService::create(const Principal& who, const std::string& pupil_id,
                                                         const NewArrangement& in,
                                                         const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto at = locate_pupil(sql, who, pupil_id, Action::ManageTrajectory);
  if (!at) return core::unexpected(at.error());
  const auto* tpl = domain::find_arrangement_template(in.template_code);
  if (tpl == nullptr || tpl->route != domain::Route::Tailored) {
    return core::invalid(
        {{"templateCode", "invalid-value",
          "Kies een sjabloon voor een maatwerkarrangement (route 1); een voorziening vult u via "
          "een aanmelding."}});
  }
  auto a = domain::arrangement_from_template(*tpl, in.start);
  a.id = core::new_uuid();
  a.pupil_id = pupil_id;
  if (in.end) a.end = *in.end;
  a.enrolling_school_id = in.enrolling_school_id;
  a.home_school_id = !in.home_school_id.empty()          ? in.home_school_id
                     : !at->pupil.home_school.id.empty() ? at->pupil.home_school.id
                                                         : at->pupil.enrolment_school.id;
  a.provider_organisation_ids = in.provider_organisation_ids;
  a.coordinator_id = in.coordinator_id.empty() ? who.user_id : in.coordinator_id;
  a.support_needs = in.support_needs;
  if (auto errors = check_references(sql, a); !errors.empty()) return core::invalid(std::move(errors));
  if (auto ok = domain::validate_arrangement(a); !ok) return refused(ok.error());
  if (a.opp_id.empty()) a.opp_id = store::set_opp_id_of_pupil(sql, a.pupil_id); // the pupil's set OPP
  store::insert_arrangement(sql, a, who.user_id, now_of(ctx));
  audit_.append_in(sql, {audit_event(who, pupil_id, "create", "pupil.arrangement", ctx)});
  auto view = view_of(sql, std::move(a), true);
  tx.commit();
  return view;
}

core::Result<ArrangementView> ArrangementService::get(const Principal& who, const std::string& id,
                                                      const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto loaded = load(sql, who, id, Action::ViewTrajectory);
  if (!loaded) return core::unexpected(loaded.error());
  const bool can_manage = allowed(sql, who, loaded->at.pupil, Action::ManageTrajectory);
  const std::string pupil_id = loaded->arrangement.pupil_id;
  auto view = view_of(sql, std::move(loaded->arrangement), can_manage);
  tx.commit();
  audit_.record_reads({audit_event(who, pupil_id, "read", "pupil.arrangement", ctx)});
  return view;
}

core::Result<ArrangementView> ArrangementService::patch(const Principal& who, const std::string& id,
                                                        int expected_version, const ArrangementPatch& in,
                                                        const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto loaded = load(sql, who, id, Action::ManageTrajectory);
  if (!loaded) return core::unexpected(loaded.error());
  auto& a = loaded->arrangement;
  if (a.version != expected_version) return conflict(view_of(sql, a, true));
  if (a.status == domain::ArrangementStatus::Ended)
    return refused(domain::violation(domain::TrajectoryRule::ArrangementNotActive));
  if (in.start) {
    if (a.status != domain::ArrangementStatus::Draft)
      return refused(domain::violation(domain::TrajectoryRule::ArrangementNotDraft, "start"));
    a.start = *in.start;
  }
  if (in.end) a.end = *in.end;
  if (in.enrolling_school_id) a.enrolling_school_id = *in.enrolling_school_id;
  if (in.home_school_id) a.home_school_id = *in.home_school_id;
  if (in.coordinator_id) a.coordinator_id = *in.coordinator_id;
  if (in.provider_organisation_ids) a.provider_organisation_ids = *in.provider_organisation_ids;
  if (in.support_needs) a.support_needs = *in.support_needs;
  if (in.staffing) a.staffing = *in.staffing;
  if (in.places) a.places = *in.places;
  if (in.financing) a.financing = *in.financing;
  if (in.cadence) a.cadence = *in.cadence;
  if (in.return_plan) a.return_plan = *in.return_plan;
  if (auto errors = check_references(sql, a); !errors.empty()) return core::invalid(std::move(errors));
  if (auto ok = domain::validate_arrangement(a); !ok) return refused(ok.error());
  ++a.version;
  return save(sql, tx, audit_, who, a, expected_version, "pupil.arrangement", ctx);
}

core::Result<ArrangementView>
ArrangementService::set_route_one_step(const Principal& who, const std::string& id, int expected_version,
                                       domain::RouteOneStep step, const domain::RouteOneWorkflow& values,
                                       const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto loaded = load(sql, who, id, Action::ManageTrajectory);
  if (!loaded) return core::unexpected(loaded.error());
  auto& a = loaded->arrangement;
  if (a.version != expected_version) return conflict(view_of(sql, a, true));
  if (a.route != domain::Route::Tailored) {
    return core::fail(core::ErrorCode::NotFound,
                      "Een arrangement in een voorziening heeft geen stappen van route 1.");
  }
  if (a.status == domain::ArrangementStatus::Ended)
    return refused(domain::violation(domain::TrajectoryRule::ArrangementNotActive));
  copy_step(a.workflow, values, step);
  ++a.version;
  return save(sql, tx, audit_, who, a, expected_version,
              "pupil.arrangement.route_one." + std::string(domain::to_string(step)), ctx);
}

core::Result<ArrangementView> ArrangementService::start(const Principal& who, const std::string& id,
                                                        int expected_version, const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto loaded = load(sql, who, id, Action::ManageTrajectory);
  if (!loaded) return core::unexpected(loaded.error());
  auto& a = loaded->arrangement;
  if (a.version != expected_version) return conflict(view_of(sql, a, true));
  if (auto ok = domain::start_arrangement(a, expected_version); !ok) return refused(ok.error());
  if (!a.phase_model_id.empty()) {
    auto model = store::find_phase_model(sql, a.phase_model_id);
    if (model && !model->phases.empty()) {
      const auto* tpl = domain::find_arrangement_template(a.template_code);
      std::string phase =
          tpl && model->find(tpl->start_phase) ? tpl->start_phase : model->phases.front().code;
      auto history = store::load_phase_history(sql, a.id);
      auto step = domain::start_phase(history, *model, phase, a.start, "Start van het arrangement");
      if (!step) return refused(step.error());
      store::insert_phase_step(sql, a.id, a.pupil_id, *step, who.user_id, now_of(ctx));
    }
  }
  return save(sql, tx, audit_, who, a, expected_version, "pupil.arrangement.start", ctx);
}

core::Result<ArrangementView> ArrangementService::extend(const Principal& who, const std::string& id,
                                                         int expected_version, domain::Date new_end,
                                                         std::string reason, std::string decided_by,
                                                         domain::Date decided_on, const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto loaded = load(sql, who, id, Action::ManageTrajectory);
  if (!loaded) return core::unexpected(loaded.error());
  auto& a = loaded->arrangement;
  if (a.version != expected_version) return conflict(view_of(sql, a, true));
  auto extension = domain::extend_arrangement(a, expected_version, new_end, std::move(reason),
                                              std::move(decided_by), decided_on);
  if (!extension) return refused(extension.error());
  store::insert_extension(sql, a.id, *extension, who.user_id, now_of(ctx));
  return save(sql, tx, audit_, who, a, expected_version, "pupil.arrangement.extension", ctx);
}

core::Result<ArrangementView> ArrangementService::end(const Principal& who, const std::string& id,
                                                      int expected_version,
                                                      const domain::Transition& transition,
                                                      const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto loaded = load(sql, who, id, Action::ManageTrajectory);
  if (!loaded) return core::unexpected(loaded.error());
  auto& a = loaded->arrangement;
  if (a.version != expected_version) return conflict(view_of(sql, a, true));
  if (auto ok = domain::end_arrangement(a, expected_version, transition); !ok) return refused(ok.error());
  if (!a.provision_id.empty()) {
    auto provision = store::find_provision(sql, a.provision_id);
    if (provision && provision->is_placed(a.pupil_id)) {
      const int version = provision->version;
      if (auto ok = domain::release_place(*provision, version, a.pupil_id); !ok) return refused(ok.error());
      if (!store::update_provision(sql, *provision, version, now_of(ctx)))
        return core::fail(core::ErrorCode::VersionConflict,
                          "De voorziening is net gewijzigd; probeer het opnieuw.");
    }
  }
  // The stamschool keeps zorgplicht: the ending is on the dossier's timeline, where its coordinator
  // reads it, with where the pupil goes.
  store::insert_note(
      sql, {core::new_uuid(), a.pupil_id, who.user_id, who.display_name, "decision",
            fmt::format("{} beëindigd op {}. Bestemming: {}.{}", template_name(a.template_code),
                        domain::format_dutch(transition.date), domain::dutch_label(transition.destination),
                        transition.reason.empty() ? "" : "\nReden: " + transition.reason),
            now_of(ctx)});
  return save(sql, tx, audit_, who, a, expected_version, "pupil.arrangement.ending", ctx);
}

} // namespace eenplan::service
