// Tasks ("Mijn taken"): work for a person, or for whoever holds a role at an organisation.
#pragma once

#include <optional>
#include <soci/soci.h>
#include <span>
#include <string>
#include <vector>

namespace eenplan::store {

struct TaskRecord {
  std::string id, region_id, pupil_id, kind, title;
  std::string assignee_user_id, assignee_organisation_id, assignee_role; // '' when not set
  std::string due_on, source_id, status = "open", created_at, completed_at, completed_by;
  int version = 1;
  // Joined for the list and the access check ('' when the task names no pupil):
  std::string pupil_display_name, enrolment_school_id, home_school_id, municipality_id;
  bool on_case_team = false, case_lead = false; // of the asking user
};

void insert_task(soci::session& sql, const TaskRecord& task);
/// The same for many tasks, many per statement.
void insert_tasks(soci::session& sql, std::span<const TaskRecord> tasks);

/// Who asks: their id, role and the organisations they are a member of.
struct TaskAssignee {
  std::string user_id;
  std::string role;
  std::vector<std::string> member_of;
};

/// Tasks assigned to the user or to their role at one of their organisations, with `status`,
/// by due date (none last), then creation. The caller still checks the pupil with the policy.
std::vector<TaskRecord> list_tasks_for(soci::session& sql, const TaskAssignee& who,
                                       const std::string& status);
/// One task, if assigned to `who` (as for list_tasks_for).
std::optional<TaskRecord> find_task_for(soci::session& sql, const TaskAssignee& who, const std::string& id);
/// Sets the status when the version is still `expected_version`; false otherwise.
bool update_task_status(soci::session& sql, const std::string& id, int expected_version,
                        const std::string& status, const std::string& completed_at,
                        const std::string& completed_by);

/// An open task of a pupil held by one person, with what tells why they hold it: the task's kind
/// and, for a signal's task, the signal's recipient ('' otherwise).
struct HeldTaskRecord {
  std::string id, pupil_id, assignee_user_id, status, kind, signal_recipient;
};

/// The open tasks of `pupil_id` assigned to `user_id` in person (not through a role).
std::vector<HeldTaskRecord> list_open_tasks_held_by(soci::session& sql, const std::string& pupil_id,
                                                    const std::string& user_id);
/// Assigns the tasks `ids` that are still open to `to_user_id` and moves their versions on (an
/// open edit by the former holder is stale); the number moved. Call inside the write transaction.
int hand_over_tasks(soci::session& sql, const std::vector<std::string>& ids, const std::string& to_user_id);

} // namespace eenplan::store
