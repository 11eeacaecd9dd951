// Use cases of the pupil's plan: the OPP (draft, set, bijstelling), evaluations of an arrangement
// (which may move the pupil to another phase and set a new weekly schedule in the same
// transaction) and the weekly schedule with its build-up. Every use case checks the access policy
// (ViewPlan, EditPlan, RecordEvaluation) and audits in the transaction of its data.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/arrangement.hpp"
#include "domain/evaluation.hpp"
#include "domain/opp.hpp"
#include "domain/phase_history.hpp"
#include "domain/weekly_schedule.hpp"
#include "service/audit_log.hpp"
#include "service/context.hpp"
#include "store/database.hpp"
#include "store/plan_store.hpp"

namespace eenplan::service {

struct OppView {
  std::string pupil_id;
  std::vector<store::OppRevisionRecord> revisions; // oldest first; empty when the pupil has no OPP
  std::string school_type;                         // of the enrolling school ('' when unknown)
  bool can_edit = false;

  const store::OppRevisionRecord* current() const { return revisions.empty() ? nullptr : &revisions.back(); }
};

/// What an OPP draft says; goals without an id are new (they get a stable id). `present` names
/// the top-level parts sent (exitPerspective, goals, …): a change replaces only those; empty = all.
struct OppContent {
  domain::Opp content;
  std::set<std::string> present;
};

struct NewEvaluation {
  domain::Evaluation evaluation; // id, arrangement_id and opp_id are filled in by the service
  std::optional<domain::WeeklySchedule> schedule; // the new week, from held_on unless given
};

struct EvaluationsView {
  domain::Arrangement arrangement;
  std::vector<store::EvaluationRecord> evaluations;
  domain::Date next_due;
  bool overdue = false;
  bool can_record = false;
};

struct RecordedEvaluation {
  store::EvaluationRecord record;
  std::optional<domain::PhaseStep> step;
  std::optional<store::ScheduleRecord> schedule;
};

struct ScheduleView {
  domain::Arrangement arrangement;
  std::vector<store::ScheduleRecord> schedules;
  std::vector<domain::BuildUpPoint> build_up;
  domain::PhaseHistory history;
  bool can_edit = false;
};

class PlanService {
public:
  PlanService(store::Database& db, AuditLog& audit) : db_(db), audit_(audit) {}

  core::Result<OppView> get_opp(const Principal& who, const std::string& pupil_id, const RequestContext& ctx);
  /// The pupil's first OPP, as a draft (opp-exists when it has one: "één kind, één plan").
  core::Result<store::OppRevisionRecord> create_opp(const Principal& who, const std::string& pupil_id,
                                                    OppContent content, const RequestContext& ctx);
  /// Changes the current draft. VersionConflict carries the current OppRevisionRecord.
  core::Result<store::OppRevisionRecord> update_draft(const Principal& who, const std::string& opp_id,
                                                      int expected_version, OppContent content,
                                                      const RequestContext& ctx);
  core::Result<store::OppRevisionRecord> set_opp(const Principal& who, const std::string& opp_id,
                                                 int expected_version, const RequestContext& ctx);
  /// A new draft revision of a set OPP (bijstelling).
  core::Result<store::OppRevisionRecord> revise(const Principal& who, const std::string& opp_id,
                                                int expected_version, const RequestContext& ctx);

  core::Result<EvaluationsView> evaluations(const Principal& who, const std::string& arrangement_id,
                                            const RequestContext& ctx);
  core::Result<RecordedEvaluation> record_evaluation(const Principal& who, const std::string& arrangement_id,
                                                     NewEvaluation in, const RequestContext& ctx);

  core::Result<ScheduleView> schedule(const Principal& who, const std::string& arrangement_id,
                                      const RequestContext& ctx);
  core::Result<ScheduleView> set_schedule(const Principal& who, const std::string& arrangement_id,
                                          const domain::WeeklySchedule& schedule, const RequestContext& ctx);

private:
  store::Database& db_;
  AuditLog& audit_;
};

} // namespace eenplan::service
