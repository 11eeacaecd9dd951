// The trajectory's due items (domain::due_items) as tasks of "Mijn taken": evaluations overdue and
// upcoming, an OPP to set within six weeks, an arrangement's end, intake and home visit. They are
// computed, not stored: each has a stable id derived from what it is about, version 1 and status
// open, and only the person who owns it (the arrangement's coordinator, the task's owners) sees it,
// for pupils the policy lets them see the plan of.
#pragma once

#include <cstddef>
#include <map>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "domain/access.hpp"
#include "domain/dates.hpp"
#include "domain/due_items.hpp"
#include "service/context.hpp"
#include "store/task_store.hpp"

namespace eenplan::service {

/// One person's trajectory tasks. A coordinator can have a thousand of them and a page shows 25,
/// so they are kept as small items (what, when, which pupil) with the two dates the list sorts by,
/// and only the page's items become whole task records.
class TrajectoryTasks {
public:
  // The items point into pupils_: a move keeps the map's nodes, a copy would not.
  TrajectoryTasks(const TrajectoryTasks&) = delete;
  TrajectoryTasks& operator=(const TrajectoryTasks&) = delete;
  TrajectoryTasks(TrajectoryTasks&&) noexcept = default;
  TrajectoryTasks& operator=(TrajectoryTasks&&) noexcept = default;
  ~TrajectoryTasks() = default;

  static TrajectoryTasks load(soci::session& sql, const Principal& who, domain::Date today);

  [[nodiscard]] std::size_t size() const { return items_.size(); }
  /// The sort keys of the list: the due date and the creation time, as the stored tasks have them.
  [[nodiscard]] const std::string& due_on(std::size_t i) const { return items_[i].due_on; }
  [[nodiscard]] const std::string& created_at(std::size_t i) const { return items_[i].created_at; }
  /// The whole task, with its stable id. The kinds, as the API sends them: "evaluation_due",
  /// "opp_to_set", "arrangement_end", "intake", "home_visit".
  [[nodiscard]] store::TaskRecord record(std::size_t i) const;

private:
  TrajectoryTasks() = default;
  struct PupilFacts {
    std::string display_name;
    domain::PupilRelations relations;
  };
  struct Item {
    domain::DueItem due;
    std::string due_on, created_at;
    const PupilFacts* pupil = nullptr;
  };
  std::string owner_id_;
  std::map<std::string, PupilFacts, std::less<>> pupils_; // node-based: items point into it
  std::vector<Item> items_;
};

/// The stable id of a trajectory task: the same item always has the same id.
std::string trajectory_task_id(const store::TaskRecord& task);

} // namespace eenplan::service
