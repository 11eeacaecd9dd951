#include "domain/phase_history.hpp"

#include <utility>

#include "domain/enum_names.hpp"

namespace eenplan::domain {
namespace {

constexpr NameTable<StepDirection, 3> kDirectionCodes{{
    {StepDirection::Start, "start"},
    {StepDirection::Forward, "forward"},
    {StepDirection::Back, "back"},
}};

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace

std::string_view to_string(StepDirection direction) {
  return name_in(kDirectionCodes, direction);
}
std::optional<StepDirection> parse_step_direction(std::string_view text) {
  return parse_in(kDirectionCodes, text);
}

std::string_view PhaseHistory::current_phase() const {
  return steps.empty() ? std::string_view{} : std::string_view{steps.back().to_phase};
}

std::string_view PhaseHistory::phase_on(Date date) const {
  std::string_view phase;
  for (const PhaseStep& step : steps) {
    if (step.date > date) break;
    phase = step.to_phase;
  }
  return phase;
}

Checked<PhaseStep> start_phase(PhaseHistory& history, const PhaseModel& model, std::string_view phase_code,
                               Date date, std::string reason) {
  if ((!history.model_id.empty() && history.model_id != model.id) || !model.find(phase_code)) {
    return violation(TrajectoryRule::PhaseOfOtherModel, "phase");
  }
  if (!history.steps.empty()) {
    if (history.current_phase() == phase_code) return violation(TrajectoryRule::PhaseUnchanged, "phase");
    return violation(TrajectoryRule::PhaseChangeNeedsEvaluation, "evaluationId");
  }
  history.model_id = model.id;
  PhaseStep step{date, {}, std::string(phase_code), StepDirection::Start, std::move(reason), {}};
  history.steps.push_back(step);
  return step;
}

Checked<PhaseStep> change_phase(PhaseHistory& history, const PhaseModel& model, std::string_view phase_code,
                                Date date, std::string reason, std::string evaluation_id) {
  if (history.model_id != model.id || !model.find(phase_code)) {
    return violation(TrajectoryRule::PhaseOfOtherModel, "phase");
  }
  if (history.steps.empty()) return violation(TrajectoryRule::PhaseHistoryNotStarted, "phase");
  const PhaseStep& last = history.steps.back();
  if (last.to_phase == phase_code) return violation(TrajectoryRule::PhaseUnchanged, "phase");
  if (date < last.date) return violation(TrajectoryRule::PhaseChangeBeforePrevious, "date");
  if (is_blank(reason)) return violation(TrajectoryRule::PhaseChangeReasonRequired, "reason");
  if (is_blank(evaluation_id)) return violation(TrajectoryRule::PhaseChangeNeedsEvaluation, "evaluationId");

  const auto from_index = model.index_of(last.to_phase);
  const auto to_index = model.index_of(phase_code);
  // A history whose current phase vanished from a reconfigured model counts as moving forward.
  const bool back = from_index && to_index && *to_index < *from_index;
  PhaseStep step{date,
                 last.to_phase,
                 std::string(phase_code),
                 back ? StepDirection::Back : StepDirection::Forward,
                 std::move(reason),
                 std::move(evaluation_id)};
  history.steps.push_back(step);
  return step;
}

std::vector<PhaseSpan> phase_spans(const PhaseHistory& history, Date today) {
  std::vector<PhaseSpan> spans;
  for (std::size_t i = 0; i < history.steps.size(); ++i) {
    const PhaseStep& step = history.steps[i];
    const Date until = i + 1 < history.steps.size() ? history.steps[i + 1].date : today;
    const int days = days_between(step.date, until);
    spans.push_back({step.to_phase, step.date, until, days < 0 ? 0 : days});
  }
  return spans;
}

} // namespace eenplan::domain
