#include "service/task_service.hpp"

#include "core/ids.hpp"
#include "domain/access.hpp"
#include "service/plan_tasks.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace eenplan::service {
namespace {

const char* kTaskNotFound = "Deze taak bestaat niet of is niet voor u.";

store::TaskAssignee assignee_of(const Principal& who) {
  store::TaskAssignee a{who.user_id, std::string(domain::to_string(who.role)), {}};
  for (const auto& m : who.memberships) {
    if (m.relation == "member") a.member_of.push_back(m.organisation_id);
  }
  return a;
}

/// A task about a pupil is only the user's when the policy lets them see that pupil's signals.
bool visible(const Principal& who, const store::TaskRecord& t) {
  if (t.pupil_id.empty()) return true;
  const domain::PupilRelations relations{t.enrolment_school_id, t.home_school_id, t.municipality_id,
                                         t.on_case_team, t.case_lead};
  return domain::decide(who.actor(), relations, domain::Action::ViewSignals).allowed;
}

} // namespace

core::Result<TaskPageView> TaskService::list(const Principal& who, const std::string& status, int page,
                                             int page_size, const RequestContext& ctx) {
  TaskPageView view{{}, 0, page, page_size};
  std::vector<store::TaskRecord> stored;
  std::optional<TrajectoryTasks> due;
  {
    store::Lease lease(db_);
    auto& sql = lease.sql();
    store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
    for (auto& t : store::list_tasks_for(sql, assignee_of(who), status)) {
      if (visible(who, t)) stored.push_back(std::move(t));
    }
    // The trajectory's due items are always open: they go away when the work is recorded.
    if (status == "open") {
      const auto today = domain::parse_iso_date(core::local_date_iso(ctx.now)).value_or(domain::Date{});
      due = TrajectoryTasks::load(sql, who, today);
    }
    tx.commit();
  }
  // One list by due date (none last), then creation, as the stored tasks come: sorted as positions
  // (stored first, then the due items), so only the page's tasks are made whole.
  const std::size_t due_count = due ? due->size() : 0;
  std::vector<std::size_t> order(stored.size() + due_count);
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  if (due_count > 0) {
    const auto due_on = [&](std::size_t i) -> const std::string& {
      return i < stored.size() ? stored[i].due_on : due->due_on(i - stored.size());
    };
    const auto created_at = [&](std::size_t i) -> const std::string& {
      return i < stored.size() ? stored[i].created_at : due->created_at(i - stored.size());
    };
    std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
      const auto& da = due_on(a);
      const auto& db = due_on(b);
      if (da.empty() != db.empty()) return db.empty();
      if (da != db) return da < db;
      return created_at(a) < created_at(b);
    });
  }
  view.total = static_cast<long long>(order.size());
  const std::size_t begin = static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(page_size);
  std::vector<store::AuditEventInput> events;
  for (std::size_t i = begin; i < order.size() && i < begin + static_cast<std::size_t>(page_size); ++i) {
    auto task =
        order[i] < stored.size() ? std::move(stored[order[i]]) : due->record(order[i] - stored.size());
    // The list names the pupil: that is a read of pupil data.
    if (!task.pupil_id.empty()) events.push_back(audit_event(who, task.pupil_id, "read", "tasks", ctx));
    view.items.push_back(std::move(task));
  }
  if (!events.empty()) audit_.record_reads(std::move(events));
  return view;
}

core::Result<store::TaskRecord> TaskService::set_status(const Principal& who, const std::string& task_id,
                                                        int expected_version, const std::string& status,
                                                        const RequestContext& ctx) {
  if (!core::is_uuid(task_id)) return core::fail(core::ErrorCode::NotFound, kTaskNotFound);
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  const auto assignee = assignee_of(who);
  auto task = store::find_task_for(sql, assignee, task_id);
  if (!task || !visible(who, *task)) return core::fail(core::ErrorCode::NotFound, kTaskNotFound);
  if (task->version != expected_version) {
    core::Error error{
        core::ErrorCode::VersionConflict, "Iemand anders heeft deze taak gewijzigd.", {}, 0, *task};
    return core::unexpected(std::move(error));
  }
  const bool done = status == "done";
  const std::string now = core::format_instant(ctx.now);
  if (!store::update_task_status(sql, task_id, expected_version, status, done ? now : "",
                                 done ? who.user_id : "")) {
    return core::fail(core::ErrorCode::VersionConflict, "Iemand anders heeft deze taak gewijzigd.");
  }
  if (!task->pupil_id.empty())
    audit_.append_in(sql, {audit_event(who, task->pupil_id, "update", "tasks", ctx)});
  auto fresh = store::find_task_for(sql, assignee, task_id);
  tx.commit();
  if (!fresh) return core::fail(core::ErrorCode::NotFound, kTaskNotFound);
  return *fresh;
}

} // namespace eenplan::service
