// Demo plans for the trajectory demo's arrangements: a set OPP with the parents' agreement and two
// goals, the evaluations that decided each phase step (same ids as the steps name), regular
// evaluations since, with about one arrangement in four overdue, and weekly schedules that build
// up with the phases. Deterministic (arrangement, history, model, today, seed), no I/O.
#pragma once

#include <cstdint>
#include <vector>

#include "domain/arrangement.hpp"
#include "domain/evaluation.hpp"
#include "domain/opp.hpp"
#include "domain/phase_history.hpp"
#include "domain/phase_model.hpp"
#include "domain/weekly_schedule.hpp"

namespace eenplan::demo {

struct DemoPlan {
  domain::Opp opp;                             // set; id, pupil_id and goal ids filled in by the import
  std::vector<domain::Evaluation> evaluations; // id empty unless it decided a phase step
  std::vector<domain::WeeklySchedule> schedules;
};

/// `overdue`: stop the evaluations one period early, so the next one is past due.
DemoPlan plan_for(const domain::Arrangement& arrangement, const domain::PhaseHistory& history,
                  const domain::PhaseModel& model, domain::Date today, bool overdue);

} // namespace eenplan::demo
