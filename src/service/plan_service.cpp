#include "service/plan_service.hpp"

#include <algorithm>

#include "core/ids.hpp"
#include "domain/access.hpp"
#include "service/trajectory_common.hpp"
#include "store/organisation_store.hpp"
#include "store/trajectory_store.hpp"

namespace eenplan::service {
namespace {

using domain::Action;
using trajectory::LocatedPupil;

const char* kOppNotFound = "Dit OPP bestaat niet of u heeft geen toegang.";
const char* kArrangementNotFound = "Dit arrangement bestaat niet of u heeft geen toegang.";

domain::Date today_of(const RequestContext& ctx) {
  return trajectory::today_of(ctx);
}

/// A refusal of the domain: a stale version answers with the current OPP (412), a rule 422.
core::Unexpected refused(const domain::RuleViolation& violation,
                         const store::OppRevisionRecord* current = nullptr) {
  if (violation.kind() == domain::ProblemKind::StaleVersion && current) return trajectory::conflict(*current);
  return trajectory::refused(violation);
}

core::Result<LocatedPupil> locate(soci::session& sql, const Principal& who, const std::string& pupil_id,
                                  Action action) {
  return trajectory::locate_pupil(sql, who, pupil_id, action);
}

/// The OPP's pupil, located for `action`; NotFound for an unknown OPP.
core::Result<LocatedPupil> locate_opp(soci::session& sql, const Principal& who, const std::string& opp_id,
                                      Action action) {
  if (!core::is_uuid(opp_id)) return core::fail(core::ErrorCode::NotFound, kOppNotFound);
  auto pupil_id = store::pupil_of_opp(sql, opp_id);
  if (!pupil_id) return core::fail(core::ErrorCode::NotFound, kOppNotFound);
  auto at = locate(sql, who, *pupil_id, action);
  if (!at && at.error().code == core::ErrorCode::NotFound)
    return core::fail(core::ErrorCode::NotFound, kOppNotFound);
  return at;
}

struct LocatedArrangement {
  domain::Arrangement arrangement;
  LocatedPupil at;
};

core::Result<LocatedArrangement> locate_arrangement(soci::session& sql, const Principal& who,
                                                    const std::string& arrangement_id, Action action) {
  if (!core::is_uuid(arrangement_id)) return core::fail(core::ErrorCode::NotFound, kArrangementNotFound);
  auto arrangement = store::find_arrangement(sql, arrangement_id);
  if (!arrangement) return core::fail(core::ErrorCode::NotFound, kArrangementNotFound);
  auto at = locate(sql, who, arrangement->pupil_id, action);
  if (!at) {
    if (at.error().code == core::ErrorCode::NotFound)
      return core::fail(core::ErrorCode::NotFound, kArrangementNotFound);
    return core::unexpected(at.error());
  }
  return LocatedArrangement{std::move(*arrangement), std::move(*at)};
}

/// Goals without an id are new; an id must name a goal of the current draft (stable ids).
core::Result<void> assign_goal_ids(std::vector<domain::Goal>& goals, const std::vector<domain::Goal>& known) {
  std::vector<core::FieldError> errors;
  std::vector<std::string> seen;
  for (std::size_t i = 0; i < goals.size(); ++i) {
    auto& goal = goals[i];
    if (goal.id.empty()) {
      goal.id = core::new_uuid();
      continue;
    }
    const bool exists = std::ranges::any_of(known, [&](const domain::Goal& g) { return g.id == goal.id; });
    const bool twice = std::ranges::find(seen, goal.id) != seen.end();
    if (!exists || twice) {
      errors.push_back({"goals[" + std::to_string(i) + "].id", "invalid-value",
                        twice ? "Dit doel staat twee keer in het OPP."
                              : "Dit doel hoort niet bij dit OPP. Laat het id weg voor een nieuw doel."});
    }
    seen.push_back(goal.id);
  }
  if (!errors.empty()) return core::invalid(std::move(errors));
  return {};
}

void copy_content(domain::Opp& into, const OppContent& in) {
  const auto sent = [&](const char* part) { return in.present.empty() || in.present.contains(part); };
  const domain::Opp& from = in.content;
  if (sent("exitPerspective")) into.exit_perspective = from.exit_perspective;
  if (sent("supportNeeds")) into.support_needs = from.support_needs;
  if (sent("factors")) into.factors = from.factors;
  if (sent("workAttitude")) into.work_attitude = from.work_attitude;
  if (sent("goals")) into.goals = from.goals;
  if (sent("actionPart")) into.action_part = from.action_part;
  if (sent("pupilHearing")) into.pupil_hearing = from.pupil_hearing;
}

core::Unexpected stale(const store::OppRevisionRecord& current) {
  return trajectory::conflict(current);
}

/// The set revision evaluations refer to: the latest that was set.
std::optional<store::OppRevisionRecord> latest_set(soci::session& sql, const std::string& opp_id) {
  auto revisions = store::load_opp_revisions(sql, opp_id);
  for (auto it = revisions.rbegin(); it != revisions.rend(); ++it) {
    if (it->opp.status == domain::OppStatus::Set) return std::move(*it);
  }
  return std::nullopt;
}

domain::PhaseModel model_of(soci::session& sql, const domain::Arrangement& arrangement) {
  auto model = store::find_phase_model(sql, arrangement.phase_model_id);
  return model ? std::move(*model) : domain::PhaseModel{};
}

} // namespace

core::Result<OppView> PlanService::get_opp(const Principal& who, const std::string& pupil_id,
                                           const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto at = locate(sql, who, pupil_id, Action::ViewPlan);
  if (!at) return core::unexpected(at.error());
  OppView view;
  view.pupil_id = pupil_id;
  if (auto id = store::find_opp_id_of_pupil(sql, pupil_id))
    view.revisions = store::load_opp_revisions(sql, *id);
  if (auto school = store::find_organisation(sql, at->pupil.enrolment_school.id))
    view.school_type = school->school_type;
  view.can_edit = trajectory::allowed(sql, who, at->pupil, Action::EditPlan);
  tx.commit();
  audit_.record_reads({audit_event(who, pupil_id, "read", "pupil.opp", ctx)});
  return view;
}

core::Result<store::OppRevisionRecord> PlanService::create_opp(const Principal& who,
                                                               const std::string& pupil_id,
                                                               OppContent content,
                                                               const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto at = locate(sql, who, pupil_id, Action::EditPlan);
  if (!at) return core::unexpected(at.error());
  if (store::find_opp_id_of_pupil(sql, pupil_id)) {
    return core::violated("opp-exists",
                          "Deze leerling heeft al een OPP: één kind, één plan. Werk dat OPP bij "
                          "of stel het bij met een nieuwe versie.");
  }
  if (auto ids = assign_goal_ids(content.content.goals, {}); !ids) return core::unexpected(ids.error());
  domain::Opp opp;
  copy_content(opp, content);
  opp.id = core::new_uuid();
  opp.pupil_id = pupil_id;
  const std::string now = core::format_instant(ctx.now);
  store::insert_opp(sql, opp, who.user_id, now);
  audit_.append_in(sql, {audit_event(who, pupil_id, "create", "pupil.opp", ctx)});
  auto created = store::find_current_opp(sql, opp.id);
  tx.commit();
  return *created;
}

core::Result<store::OppRevisionRecord> PlanService::update_draft(const Principal& who,
                                                                 const std::string& opp_id,
                                                                 int expected_version, OppContent content,
                                                                 const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto at = locate_opp(sql, who, opp_id, Action::EditPlan);
  if (!at) return core::unexpected(at.error());
  auto current = store::find_current_opp(sql, opp_id);
  if (!current) return core::fail(core::ErrorCode::NotFound, kOppNotFound);
  if (auto v = domain::check_version(current->opp.version, expected_version); !v) return stale(*current);
  if (current->opp.status != domain::OppStatus::Draft) {
    return refused(domain::violation(domain::TrajectoryRule::OppAlreadySet, {},
                                     "(Stel het OPP bij met een nieuwe versie.)"));
  }
  if (auto ids = assign_goal_ids(content.content.goals, current->opp.goals); !ids)
    return core::unexpected(ids.error());
  domain::Opp next = current->opp;
  copy_content(next, content);
  ++next.version;
  if (!store::update_opp_draft(sql, next, expected_version, who.user_id, core::format_instant(ctx.now)))
    return stale(*current);
  audit_.append_in(sql, {audit_event(who, at->pupil.id, "update", "pupil.opp", ctx)});
  auto fresh = store::find_current_opp(sql, opp_id);
  tx.commit();
  return *fresh;
}

core::Result<store::OppRevisionRecord> PlanService::set_opp(const Principal& who, const std::string& opp_id,
                                                            int expected_version, const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto at = locate_opp(sql, who, opp_id, Action::EditPlan);
  if (!at) return core::unexpected(at.error());
  auto current = store::find_current_opp(sql, opp_id);
  if (!current) return core::fail(core::ErrorCode::NotFound, kOppNotFound);
  auto school = store::find_organisation(sql, at->pupil.enrolment_school.id);
  const auto type = school ? domain::parse_school_type(school->school_type) : std::nullopt;
  // A pupil without a known school type is treated as one that needs the agreement (the strict side).
  domain::Opp next = current->opp;
  const auto checked = domain::set_opp(next, expected_version, type.value_or(domain::SchoolType::Bao),
                                       today_of(ctx), domain::parse_iso_date(at->pupil.date_of_birth));
  if (!checked) return refused(checked.error(), &*current);
  if (!store::update_opp_draft(sql, next, expected_version, who.user_id, core::format_instant(ctx.now)))
    return stale(*current);
  // The pupil's running arrangements now work on this OPP (their evaluations follow its goals).
  store::set_arrangement_opp(sql, at->pupil.id, opp_id);
  audit_.append_in(sql, {audit_event(who, at->pupil.id, "update", "pupil.opp.set", ctx)});
  auto fresh = store::find_current_opp(sql, opp_id);
  tx.commit();
  return *fresh;
}

core::Result<store::OppRevisionRecord> PlanService::revise(const Principal& who, const std::string& opp_id,
                                                           int expected_version, const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto at = locate_opp(sql, who, opp_id, Action::EditPlan);
  if (!at) return core::unexpected(at.error());
  auto current = store::find_current_opp(sql, opp_id);
  if (!current) return core::fail(core::ErrorCode::NotFound, kOppNotFound);
  auto next = domain::revise_opp(current->opp, expected_version);
  if (!next) return refused(next.error(), &*current);
  store::insert_opp_revision(sql, *next, who.user_id, core::format_instant(ctx.now));
  audit_.append_in(sql, {audit_event(who, at->pupil.id, "create", "pupil.opp.revision", ctx)});
  auto fresh = store::find_current_opp(sql, opp_id);
  tx.commit();
  return *fresh;
}

core::Result<EvaluationsView>
PlanService::evaluations(const Principal& who, const std::string& arrangement_id, const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto located = locate_arrangement(sql, who, arrangement_id, Action::ViewPlan);
  if (!located) return core::unexpected(located.error());
  EvaluationsView view;
  view.evaluations = store::list_evaluations(sql, arrangement_id);
  std::vector<domain::Evaluation> plain;
  plain.reserve(view.evaluations.size());
  for (const auto& e : view.evaluations)
    plain.push_back(e.evaluation);
  view.next_due = domain::next_evaluation_due(located->arrangement, plain);
  view.overdue =
      located->arrangement.status == domain::ArrangementStatus::Active && view.next_due < today_of(ctx);
  view.can_record = trajectory::allowed(sql, who, located->at.pupil, Action::RecordEvaluation);
  view.arrangement = std::move(located->arrangement);
  tx.commit();
  audit_.record_reads({audit_event(who, view.arrangement.pupil_id, "read", "pupil.evaluations", ctx)});
  return view;
}

core::Result<RecordedEvaluation> PlanService::record_evaluation(const Principal& who,
                                                                const std::string& arrangement_id,
                                                                NewEvaluation in, const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto located = locate_arrangement(sql, who, arrangement_id, Action::RecordEvaluation);
  if (!located) return core::unexpected(located.error());
  const auto& arrangement = located->arrangement;
  if (arrangement.opp_id.empty()) {
    return refused(domain::violation(domain::TrajectoryRule::OppNotSet, {},
                                     "(Stel eerst het OPP van de leerling vast; de evaluatie volgt de doelen "
                                     "daarvan.)"));
  }
  auto opp = latest_set(sql, arrangement.opp_id);
  if (!opp) return refused(domain::violation(domain::TrajectoryRule::OppNotSet));
  const auto model = model_of(sql, arrangement);
  auto history = store::load_phase_history(sql, arrangement_id);

  RecordedEvaluation out;
  auto& evaluation = out.record.evaluation;
  evaluation = std::move(in.evaluation);
  evaluation.id = core::new_uuid();
  evaluation.arrangement_id = arrangement_id;
  evaluation.opp_id = arrangement.opp_id;
  auto step = domain::apply_evaluation(evaluation, arrangement, opp->opp, model, history);
  if (!step) return refused(step.error());
  const std::string now = core::format_instant(ctx.now);
  out.record.pupil_id = arrangement.pupil_id;
  out.record.opp_revision = opp->opp.revision;
  out.record.recorded_by = who.user_id;
  out.record.recorded_by_name = who.display_name;
  out.record.recorded_at = now;
  store::insert_evaluation(sql, out.record);
  if (*step) {
    store::insert_phase_step(sql, arrangement_id, arrangement.pupil_id, **step, who.user_id, now);
    out.step = **step;
  }
  if (in.schedule) {
    auto& schedule = *in.schedule;
    if (schedule.valid_from == domain::Date{}) schedule.valid_from = evaluation.held_on;
    if (auto valid = domain::validate_schedule(schedule, model, history); !valid) {
      auto error = valid.error();
      if (!error.field.empty()) error.field = "schedule." + error.field;
      return refused(error);
    }
    store::ScheduleRecord record{core::new_uuid(), arrangement_id, arrangement.pupil_id, schedule,
                                 evaluation.id,    who.user_id,    who.display_name,     now};
    store::insert_schedule(sql, record);
    out.schedule = std::move(record);
  }
  audit_.append_in(sql, {audit_event(who, arrangement.pupil_id, "create", "pupil.evaluation", ctx)});
  tx.commit();
  return out;
}

core::Result<ScheduleView> PlanService::schedule(const Principal& who, const std::string& arrangement_id,
                                                 const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto located = locate_arrangement(sql, who, arrangement_id, Action::ViewPlan);
  if (!located) return core::unexpected(located.error());
  ScheduleView view;
  view.schedules = store::list_schedules(sql, arrangement_id);
  view.history = store::load_phase_history(sql, arrangement_id);
  std::vector<domain::WeeklySchedule> plain;
  for (const auto& s : view.schedules)
    plain.push_back(s.schedule);
  view.build_up = domain::build_up_series(std::move(plain), view.history);
  view.can_edit = trajectory::allowed(sql, who, located->at.pupil, Action::EditPlan);
  view.arrangement = std::move(located->arrangement);
  tx.commit();
  audit_.record_reads({audit_event(who, view.arrangement.pupil_id, "read", "pupil.weekly_schedule", ctx)});
  return view;
}

core::Result<ScheduleView> PlanService::set_schedule(const Principal& who, const std::string& arrangement_id,
                                                     const domain::WeeklySchedule& schedule,
                                                     const RequestContext& ctx) {
  {
    store::Lease lease(db_);
    auto& sql = lease.sql();
    store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
    auto located = locate_arrangement(sql, who, arrangement_id, Action::EditPlan);
    if (!located) return core::unexpected(located.error());
    if (located->arrangement.status != domain::ArrangementStatus::Active)
      return refused(domain::violation(domain::TrajectoryRule::ArrangementNotActive));
    const auto model = model_of(sql, located->arrangement);
    const auto history = store::load_phase_history(sql, arrangement_id);
    if (auto valid = domain::validate_schedule(schedule, model, history); !valid)
      return refused(valid.error());
    store::insert_schedule(sql, {core::new_uuid(), arrangement_id, located->arrangement.pupil_id, schedule,
                                 "", who.user_id, who.display_name, core::format_instant(ctx.now)});
    audit_.append_in(
        sql, {audit_event(who, located->arrangement.pupil_id, "create", "pupil.weekly_schedule", ctx)});
    tx.commit();
  }
  return this->schedule(who, arrangement_id, ctx);
}

} // namespace eenplan::service
