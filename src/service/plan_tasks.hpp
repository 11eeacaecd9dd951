// The trajectory's due items (domain::due_items) as tasks of "Mijn taken": evaluations overdue and
// upcoming, an OPP to set within six weeks, an arrangement's end, intake and home visit. They are
// computed, not stored: each has a stable id derived from what it is about, version 1 and status
// open, and only the person who owns it (the arrangement's coordinator, the task's owners) sees it,
// for pupils the policy lets them see the plan of.
#pragma once

#include <soci/soci.h>
#include <string>
#include <vector>

#include "domain/dates.hpp"
#include "service/context.hpp"
#include "store/task_store.hpp"

namespace eenplan::service {

/// The kinds, as the API sends them: "evaluation_due", "opp_to_set", "arrangement_end", "intake",
/// "home_visit".
/// Their ids are left empty: a coordinator can have a thousand of them and a page shows 25, so the
/// caller names only the page's items with trajectory_task_id.
std::vector<store::TaskRecord> trajectory_tasks(soci::session& sql, const Principal& who, domain::Date today);

/// The stable id of a trajectory task: the same item always has the same id.
std::string trajectory_task_id(const store::TaskRecord& task);

} // namespace eenplan::service
