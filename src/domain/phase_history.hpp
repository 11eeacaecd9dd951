// A pupil's path through the phases of one phase model: where they started, every step forward
// and back, and why. The duration of a phase is not fixed (seed 001 RENN4: "De duur per fase ligt
// niet vast"); a transition is decided in an evaluation with parents, pupil, care and school
// (seed 001 RENN4 "Overgang"), so every step after the start names the evaluation that decided it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/phase_model.hpp"
#include "domain/trajectory_error.hpp"

namespace eenplan::domain {

enum class StepDirection { Start, Forward, Back };
/// "start" | "forward" | "back"
std::string_view to_string(StepDirection direction);
std::optional<StepDirection> parse_step_direction(std::string_view text);

struct PhaseStep {
  Date date;
  std::string from_phase; // empty for the start
  std::string to_phase;
  StepDirection direction = StepDirection::Start;
  std::string reason;
  std::string evaluation_id; // empty only for the start (placement)
};

struct PhaseHistory {
  std::string model_id;
  std::vector<PhaseStep> steps; // chronological

  /// The phase the pupil is in now; empty before the start.
  std::string_view current_phase() const;
  /// The phase on `date` (the last step on or before it); empty before the first step.
  std::string_view phase_on(Date date) const;
};

/// The first step: placement in `phase_code` of `model` on `date`. Refused when the phase is not in
/// the model (phase-of-other-model) or the history already started (phase-unchanged when it is the
/// same phase, else use change_phase: phase-change-needs-evaluation).
Checked<PhaseStep> start_phase(PhaseHistory& history, const PhaseModel& model, std::string_view phase_code,
                               Date date, std::string reason);

/// A step forward or back, decided in evaluation `evaluation_id`. Refused: another model or a phase
/// not in it (phase-of-other-model); no start yet (phase-history-not-started); same phase
/// (phase-unchanged); before the previous step (phase-change-before-previous); no reason
/// (phase-change-reason-required); no evaluation (phase-change-needs-evaluation). Skipping phases
/// forward is allowed: some pupils "stromen juist heel snel door" (seed 001).
Checked<PhaseStep> change_phase(PhaseHistory& history, const PhaseModel& model, std::string_view phase_code,
                                Date date, std::string reason, std::string evaluation_id);

/// Days spent in each step's phase up to `today` (the last step runs until today), in step order.
struct PhaseSpan {
  std::string phase;
  Date from;
  Date until; // exclusive: the date of the next step, or today for the current phase
  int days = 0;
};
std::vector<PhaseSpan> phase_spans(const PhaseHistory& history, Date today);

} // namespace eenplan::domain
