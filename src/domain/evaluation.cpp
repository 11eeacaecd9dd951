#include "domain/evaluation.hpp"

#include <algorithm>
#include <set>

#include "domain/enum_names.hpp"

namespace eenplan::domain {
namespace {

constexpr NameTable<GoalProgress, 4> kProgressCodes{{
    {GoalProgress::NotStarted, "not_started"},
    {GoalProgress::Insufficient, "insufficient"},
    {GoalProgress::Progressing, "progressing"},
    {GoalProgress::Achieved, "achieved"},
}};

constexpr NameTable<EvaluationDecision, 4> kDecisionCodes{{
    {EvaluationDecision::Continue, "continue"},
    {EvaluationDecision::AdjustGoals, "adjust_goals"},
    {EvaluationDecision::ChangePhase, "change_phase"},
    {EvaluationDecision::End, "end"},
}};

constexpr NameTable<EvaluationRole, 8> kRoleCodes{{
    {EvaluationRole::Parent, "parent"},
    {EvaluationRole::Pupil, "pupil"},
    {EvaluationRole::Care, "care"},
    {EvaluationRole::School, "school"},
    {EvaluationRole::Municipality, "municipality"},
    {EvaluationRole::Swv, "swv"},
    {EvaluationRole::AttendanceOfficer, "attendance_officer"},
    {EvaluationRole::Other, "other"},
}};

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace

std::string_view to_string(GoalProgress progress) {
  return name_in(kProgressCodes, progress);
}
std::optional<GoalProgress> parse_goal_progress(std::string_view text) {
  return parse_in(kProgressCodes, text);
}
std::string_view to_string(EvaluationDecision decision) {
  return name_in(kDecisionCodes, decision);
}
std::optional<EvaluationDecision> parse_evaluation_decision(std::string_view text) {
  return parse_in(kDecisionCodes, text);
}
std::string_view to_string(EvaluationRole role) {
  return name_in(kRoleCodes, role);
}
std::optional<EvaluationRole> parse_evaluation_role(std::string_view text) {
  return parse_in(kRoleCodes, text);
}

Checked<void> validate_evaluation(const Evaluation& evaluation, const Arrangement& arrangement,
                                  const Opp& opp, const PhaseModel& model) {
  if (evaluation.arrangement_id != arrangement.id || evaluation.opp_id != arrangement.opp_id ||
      opp.id != arrangement.opp_id) {
    return violation(TrajectoryRule::EvaluationOfOtherArrangement, "oppId");
  }
  if (arrangement.status != ArrangementStatus::Active) return violation(TrajectoryRule::ArrangementNotActive);
  if (evaluation.held_on < arrangement.start)
    return violation(TrajectoryRule::EvaluationBeforeStart, "heldOn");

  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < evaluation.goals.size(); ++i) {
    const std::string field = "goals[" + std::to_string(i) + "].goalId";
    const std::string& goal_id = evaluation.goals[i].goal_id;
    if (!opp.find_goal(goal_id)) return violation(TrajectoryRule::GoalOfOtherOpp, field);
    if (!seen.insert(goal_id).second) return violation(TrajectoryRule::GoalEvaluatedTwice, field);
  }

  const bool change = evaluation.decision == EvaluationDecision::ChangePhase;
  const bool has_new_phase = !evaluation.new_phase.empty();
  if (change != has_new_phase) {
    return violation(TrajectoryRule::PhaseChangeDecisionRequired, change ? "newPhase" : "decision");
  }
  if (change) {
    if (model.id != arrangement.phase_model_id || !model.find(evaluation.new_phase)) {
      return violation(TrajectoryRule::PhaseOfOtherModel, "newPhase");
    }
    const bool parents = std::ranges::any_of(evaluation.participants, [](const EvaluationParticipant& p) {
      return p.role == EvaluationRole::Parent;
    });
    if (!parents) return violation(TrajectoryRule::ParentsNotInEvaluation, "participants");
    if (is_blank(evaluation.reason)) return violation(TrajectoryRule::PhaseChangeReasonRequired, "reason");
  }

  if (evaluation.decision != EvaluationDecision::End) {
    if (!evaluation.next_date || *evaluation.next_date <= evaluation.held_on) {
      return violation(TrajectoryRule::NextEvaluationDateRequired, "nextDate");
    }
    const Date latest = next_evaluation_date(arrangement.cadence, evaluation.held_on);
    if (*evaluation.next_date > latest) {
      return violation(TrajectoryRule::NextEvaluationBeyondCadence, "nextDate",
                       "(Uiterlijk " + format_dutch(latest) + ".)");
    }
  }
  return {};
}

Checked<std::optional<PhaseStep>> apply_evaluation(const Evaluation& evaluation,
                                                   const Arrangement& arrangement, const Opp& opp,
                                                   const PhaseModel& model, PhaseHistory& history) {
  if (auto valid = validate_evaluation(evaluation, arrangement, opp, model); !valid) return valid.error();
  if (evaluation.decision != EvaluationDecision::ChangePhase) return std::optional<PhaseStep>{};
  auto step = change_phase(history, model, evaluation.new_phase, evaluation.held_on, evaluation.reason,
                           evaluation.id);
  if (!step) return step.error();
  return std::optional<PhaseStep>{*step};
}

Date next_evaluation_due(const Arrangement& arrangement, const std::vector<Evaluation>& evaluations) {
  const Evaluation* latest = nullptr;
  for (const Evaluation& evaluation : evaluations) {
    if (evaluation.arrangement_id != arrangement.id) continue;
    if (!latest || evaluation.held_on >= latest->held_on) latest = &evaluation;
  }
  if (latest && latest->next_date) return *latest->next_date;
  return next_evaluation_date(arrangement.cadence, latest ? latest->held_on : arrangement.start);
}

} // namespace eenplan::domain
