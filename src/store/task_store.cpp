#include "store/task_store.hpp"

#include "store/multi_row_insert.hpp"
#include "store/sqlite_statement.hpp"
#include "store/statement_cache.hpp"

namespace eenplan::store {
namespace {

/// The WHERE clause that selects the tasks of `who`, with its bound values kept alive.
struct Assigned {
  std::string sql;
  std::vector<std::string> values;
  std::string bind(const std::string& value) {
    values.push_back(value);
    return ":a" + std::to_string(values.size() - 1);
  }
};

Assigned assigned_to(const TaskAssignee& who) {
  Assigned a;
  a.sql = "(t.assignee_user_id = " + a.bind(who.user_id);
  if (!who.member_of.empty()) {
    std::string in;
    for (const auto& id : who.member_of)
      in += (in.empty() ? "" : ", ") + a.bind(id);
    a.sql +=
        " OR (t.assignee_role = " + a.bind(who.role) + " AND t.assignee_organisation_id IN (" + in + "))";
  }
  a.sql += ")";
  return a;
}

constexpr const char* kTaskColumns =
    "SELECT t.id, t.region_id, COALESCE(t.pupil_id, ''), t.kind, t.title, COALESCE(t.assignee_user_id, ''), "
    "COALESCE(t.assignee_organisation_id, ''), COALESCE(t.assignee_role, ''), COALESCE(t.due_on, ''), "
    "COALESCE(t.source_id, ''), t.status, t.created_at, COALESCE(t.completed_at, ''), "
    "COALESCE(t.completed_by, ''), t.version, "
    "COALESCE(p.given_name || ' ' || p.family_name, ''), COALESCE(p.enrolment_school_id, ''), "
    "COALESCE(p.home_school_id, ''), COALESCE(p.municipality_id, ''), "
    "CASE WHEN c.user_id IS NULL THEN 0 ELSE 1 END, COALESCE(c.is_case_lead, 0) "
    "FROM tasks t LEFT JOIN pupils p ON p.id = t.pupil_id "
    "LEFT JOIN case_team_members c ON c.pupil_id = t.pupil_id AND c.user_id = ";

std::vector<TaskRecord> select_tasks(soci::session& sql, const TaskAssignee& who, const std::string& where,
                                     const std::vector<std::pair<std::string, std::string>>& extra) {
  Assigned a = assigned_to(who);
  const std::string me = a.bind(who.user_id);
  std::vector<TaskRecord> out;
  TaskRecord r;
  int on_team = 0, lead = 0;
  soci::statement st(sql);
  for (auto* f : {&r.id, &r.region_id, &r.pupil_id, &r.kind, &r.title, &r.assignee_user_id,
                  &r.assignee_organisation_id, &r.assignee_role, &r.due_on, &r.source_id, &r.status,
                  &r.created_at, &r.completed_at, &r.completed_by})
    st.exchange(soci::into(*f));
  st.exchange(soci::into(r.version));
  for (auto* f : {&r.pupil_display_name, &r.enrolment_school_id, &r.home_school_id, &r.municipality_id})
    st.exchange(soci::into(*f));
  st.exchange(soci::into(on_team));
  st.exchange(soci::into(lead));
  for (std::size_t i = 0; i < a.values.size(); ++i)
    st.exchange(soci::use(a.values[i], "a" + std::to_string(i)));
  auto extra_values = extra;
  for (auto& [name, value] : extra_values)
    st.exchange(soci::use(value, name));
  st.alloc();
  st.prepare(std::string(kTaskColumns) + me + " WHERE " + a.sql + " AND " + where +
             " ORDER BY CASE WHEN t.due_on IS NULL THEN 1 ELSE 0 END, t.due_on, t.created_at, t.id");
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
    r.on_case_team = on_team != 0;
    r.case_lead = lead != 0;
    out.push_back(r);
  }
  return out;
}

} // namespace

namespace {

/// Prepared once per connection: an import writes a task for every signal it gives.
struct InsertTaskStatement : StatementCache::Entry {
  TaskRecord t;
  soci::indicator pupil_ind = soci::i_ok, user_ind = soci::i_ok, org_ind = soci::i_ok, role_ind = soci::i_ok,
                  due_ind = soci::i_ok, source_ind = soci::i_ok;
  soci::statement st;
  explicit InsertTaskStatement(soci::session& sql) : st(sql) {
    st.exchange(soci::use(t.id, "id"));
    st.exchange(soci::use(t.region_id, "r"));
    st.exchange(soci::use(t.pupil_id, pupil_ind, "p"));
    st.exchange(soci::use(t.kind, "k"));
    st.exchange(soci::use(t.title, "t"));
    st.exchange(soci::use(t.assignee_user_id, user_ind, "u"));
    st.exchange(soci::use(t.assignee_organisation_id, org_ind, "o"));
    st.exchange(soci::use(t.assignee_role, role_ind, "ro"));
    st.exchange(soci::use(t.due_on, due_ind, "d"));
    st.exchange(soci::use(t.source_id, source_ind, "s"));
    st.exchange(soci::use(t.status, "st"));
    st.exchange(soci::use(t.created_at, "c"));
    st.exchange(soci::use(t.version, "v"));
    st.alloc();
    st.prepare("INSERT INTO tasks (id, region_id, pupil_id, kind, title, assignee_user_id, "
               "assignee_organisation_id, assignee_role, due_on, source_id, status, created_at, version) "
               "VALUES (:id, :r, :p, :k, :t, :u, :o, :ro, :d, :s, :st, :c, :v)");
    st.define_and_bind();
  }
};

} // namespace

void insert_task(soci::session& sql, const TaskRecord& t) {
  auto& q = statement_cache(sql).get<InsertTaskStatement>(sql);
  q.t = t;
  q.pupil_ind = null_if_empty(t.pupil_id);
  q.user_ind = null_if_empty(t.assignee_user_id);
  q.org_ind = null_if_empty(t.assignee_organisation_id);
  q.role_ind = null_if_empty(t.assignee_role);
  q.due_ind = null_if_empty(t.due_on);
  q.source_ind = null_if_empty(t.source_id);
  q.st.execute(true);
}

void insert_tasks(soci::session& sql, std::span<const TaskRecord> tasks) {
  if (!round_trips_cost(sql)) {
    // As insert_signals: one prepared statement, values bound by position from the records.
    SqliteStatement st(sql, "INSERT INTO tasks (id, region_id, pupil_id, kind, title, assignee_user_id, "
                            "assignee_organisation_id, assignee_role, due_on, source_id, status, created_at, "
                            "version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& t : tasks) {
      st.bind(1, t.id);
      st.bind(2, t.region_id);
      st.bind_or_null(3, t.pupil_id);
      st.bind(4, t.kind);
      st.bind(5, t.title);
      st.bind_or_null(6, t.assignee_user_id);
      st.bind_or_null(7, t.assignee_organisation_id);
      st.bind_or_null(8, t.assignee_role);
      st.bind_or_null(9, t.due_on);
      st.bind_or_null(10, t.source_id);
      st.bind(11, t.status);
      st.bind(12, t.created_at);
      st.bind(13, static_cast<long long>(t.version));
      st.run();
    }
    return;
  }
  for (std::size_t begin = 0; begin < tasks.size(); begin += kMultiRowInsertRows) {
    const auto part = tasks.subspan(begin, std::min(kMultiRowInsertRows, tasks.size() - begin));
    // Six nullable columns per row; reserved up front so the bound addresses stay put.
    std::vector<soci::indicator> null(part.size() * 6);
    soci::statement st(sql);
    std::size_t n = 0;
    for (const auto& t : part) {
      const auto nullable = [&](const std::string& value) {
        null[n] = null_if_empty(value);
        st.exchange(soci::use(value, null[n++]));
      };
      st.exchange(soci::use(t.id));
      st.exchange(soci::use(t.region_id));
      nullable(t.pupil_id);
      st.exchange(soci::use(t.kind));
      st.exchange(soci::use(t.title));
      nullable(t.assignee_user_id);
      nullable(t.assignee_organisation_id);
      nullable(t.assignee_role);
      nullable(t.due_on);
      nullable(t.source_id);
      st.exchange(soci::use(t.status));
      st.exchange(soci::use(t.created_at));
      st.exchange(soci::use(t.version));
    }
    st.alloc();
    st.prepare(
        "INSERT INTO tasks (id, region_id, pupil_id, kind, title, assignee_user_id, "
        "assignee_organisation_id, assignee_role, due_on, source_id, status, created_at, version) VALUES " +
        values_placeholders(part.size(), 13));
    st.define_and_bind();
    st.execute(true);
  }
}

std::vector<TaskRecord> list_tasks_for(soci::session& sql, const TaskAssignee& who,
                                       const std::string& status) {
  return select_tasks(sql, who, "t.status = :status", {{"status", status}});
}

std::optional<TaskRecord> find_task_for(soci::session& sql, const TaskAssignee& who, const std::string& id) {
  auto rows = select_tasks(sql, who, "t.id = :tid", {{"tid", id}});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool update_task_status(soci::session& sql, const std::string& id, int expected_version,
                        const std::string& status, const std::string& completed_at,
                        const std::string& completed_by) {
  const int next = expected_version + 1;
  soci::indicator at_ind = null_if_empty(completed_at), by_ind = null_if_empty(completed_by);
  soci::statement st = (sql.prepare << "UPDATE tasks SET status = :s, completed_at = :a, completed_by = :b, "
                                       "version = :n WHERE id = :id AND version = :v",
                        soci::use(status), soci::use(completed_at, at_ind), soci::use(completed_by, by_ind),
                        soci::use(next), soci::use(id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<HeldTaskRecord> list_open_tasks_held_by(soci::session& sql, const std::string& pupil_id,
                                                    const std::string& user_id) {
  std::vector<HeldTaskRecord> out;
  HeldTaskRecord r;
  soci::statement st =
      (sql.prepare
           << "SELECT t.id, t.pupil_id, t.assignee_user_id, t.status, t.kind, COALESCE(s.recipient, '') "
              "FROM tasks t LEFT JOIN escalation_signals s "
              "ON t.kind = 'escalation_signal' AND s.id = t.source_id "
              "WHERE t.pupil_id = :p AND t.assignee_user_id = :u AND t.status = 'open' ORDER BY t.id",
       soci::use(pupil_id), soci::use(user_id), soci::into(r.id), soci::into(r.pupil_id),
       soci::into(r.assignee_user_id), soci::into(r.status), soci::into(r.kind),
       soci::into(r.signal_recipient));
  st.execute();
  while (st.fetch())
    out.push_back(r);
  return out;
}

int hand_over_tasks(soci::session& sql, const std::vector<std::string>& ids, const std::string& to_user_id) {
  int moved = 0;
  std::string id;
  soci::statement st = (sql.prepare << "UPDATE tasks SET assignee_user_id = :to, version = version + 1 "
                                       "WHERE id = :id AND status = 'open'",
                        soci::use(to_user_id), soci::use(id));
  for (const auto& each : ids) {
    id = each;
    st.execute(true);
    moved += static_cast<int>(st.get_affected_rows());
  }
  return moved;
}

} // namespace eenplan::store
