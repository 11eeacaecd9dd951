// "Mijn taken": the open work of the current user, filtered by the access policy.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "service/audit_log.hpp"
#include "service/context.hpp"
#include "store/database.hpp"
#include "store/task_store.hpp"

namespace eenplan::service {

struct TaskPageView {
  std::vector<store::TaskRecord> items;
  long long total = 0;
  int page = 1;
  int page_size = 25;
};

class TaskService {
public:
  TaskService(store::Database& db, AuditLog& audit) : db_(db), audit_(audit) {}

  /// Tasks assigned to the user, or to their role at an organisation they are a member of, about
  /// pupils the policy lets them see (Action::ViewSignals) or about no pupil.
  core::Result<TaskPageView> list(const Principal& who, const std::string& status, int page, int page_size,
                                  const RequestContext& ctx);
  /// `status` "open" or "done". NotFound for a task that is not the user's; VersionConflict
  /// carries the current TaskRecord in Error::current.
  core::Result<store::TaskRecord> set_status(const Principal& who, const std::string& task_id,
                                             int expected_version, const std::string& status,
                                             const RequestContext& ctx);

private:
  store::Database& db_;
  AuditLog& audit_;
};

} // namespace eenplan::service
