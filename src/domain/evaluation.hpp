// Evaluations of an arrangement (M10): progress per goal of the arrangement's own OPP, a decision
// (continue, adjust goals, change phase, end) and the date of the next evaluation within the
// arrangement's cadence. A change of phase is decided here, "met ouders, leerling, zorg en onderwijs"
// (seed 001 RENN4 "Overgang"), and only to a phase of the arrangement's own model.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/arrangement.hpp"
#include "domain/dates.hpp"
#include "domain/opp.hpp"
#include "domain/phase_history.hpp"
#include "domain/phase_model.hpp"
#include "domain/trajectory_error.hpp"

namespace eenplan::domain {

enum class GoalProgress { NotStarted, Insufficient, Progressing, Achieved };
/// "not_started" | "insufficient" | "progressing" | "achieved"
std::string_view to_string(GoalProgress progress);
std::optional<GoalProgress> parse_goal_progress(std::string_view text);

struct GoalEvaluation {
  std::string goal_id;
  GoalProgress progress = GoalProgress::Progressing;
  std::string note;
};

enum class EvaluationDecision { Continue, AdjustGoals, ChangePhase, End };
/// "continue" | "adjust_goals" | "change_phase" | "end"
std::string_view to_string(EvaluationDecision decision);
std::optional<EvaluationDecision> parse_evaluation_decision(std::string_view text);

enum class EvaluationRole { Parent, Pupil, Care, School, Municipality, Swv, AttendanceOfficer, Other };
/// "parent" | "pupil" | "care" | "school" | "municipality" | "swv" | "attendance_officer" | "other"
std::string_view to_string(EvaluationRole role);
std::optional<EvaluationRole> parse_evaluation_role(std::string_view text);

struct EvaluationParticipant {
  EvaluationRole role = EvaluationRole::School;
  std::string person; // id or name
};

struct Evaluation {
  std::string id;
  std::string arrangement_id;
  std::string opp_id;
  Date held_on;
  std::vector<EvaluationParticipant> participants;
  std::vector<GoalEvaluation> goals;
  EvaluationDecision decision = EvaluationDecision::Continue;
  std::string new_phase; // ChangePhase only
  std::string reason;
  std::optional<Date> next_date; // not for End
};

/// Refused: another arrangement or OPP (evaluation-of-other-arrangement); arrangement not active
/// (arrangement-not-active); before its start (evaluation-before-start); a goal not in the OPP
/// (goal-of-other-opp) or twice (goal-evaluated-twice); a new phase without the ChangePhase decision
/// or the reverse (phase-change-decision-required); a phase outside the arrangement's model
/// (phase-of-other-model); a phase change without parents (parents-not-in-evaluation) or reason
/// (phase-change-reason-required); no next date after held_on unless ending
/// (next-evaluation-date-required) or one beyond the cadence (next-evaluation-beyond-cadence).
Checked<void> validate_evaluation(const Evaluation& evaluation, const Arrangement& arrangement,
                                  const Opp& opp, const PhaseModel& model);

/// Validates and, for ChangePhase, records the step in the pupil's phase history (with the
/// evaluation's id and reason). Returns the recorded step, if any.
Checked<std::optional<PhaseStep>> apply_evaluation(const Evaluation& evaluation,
                                                   const Arrangement& arrangement, const Opp& opp,
                                                   const PhaseModel& model, PhaseHistory& history);

/// When the arrangement's next evaluation is due: the next date of its latest evaluation, or one
/// cadence after the start when it has none. Evaluations of other arrangements are ignored.
Date next_evaluation_due(const Arrangement& arrangement, const std::vector<Evaluation>& evaluations);

} // namespace eenplan::domain
