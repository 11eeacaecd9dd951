// "Mijn taken": the current user's tasks, and marking one done.
#include <charconv>

#include "api/json_input.hpp"
#include "api/routes.hpp"
#include "http/problem.hpp"

namespace eenplan::api {

namespace json = boost::json;
using http::bhttp::field;
using http::bhttp::status;

namespace {

json::object task_json(const store::TaskRecord& t, const std::string& today) {
  json::value pupil = nullptr;
  if (!t.pupil_id.empty()) pupil = json::object{{"id", t.pupil_id}, {"displayName", t.pupil_display_name}};
  json::value signal = nullptr;
  if (t.kind == "escalation_signal" && !t.source_id.empty()) signal = json::value(t.source_id);
  return json::object{{"id", t.id},
                      {"kind", t.kind},
                      {"title", t.title},
                      {"pupil", std::move(pupil)},
                      {"dueOn", t.due_on.empty() ? json::value(nullptr) : json::value(t.due_on)},
                      {"createdAt", t.created_at},
                      {"status", t.status},
                      {"version", t.version},
                      {"signalId", std::move(signal)},
                      {"overdue", t.status == "open" && !t.due_on.empty() && t.due_on < today}};
}

http::Response task_response(const store::TaskRecord& t, const std::string& today, unsigned version) {
  auto res = json_response(status::ok, task_json(t, today), version);
  res.set(field::etag, "\"" + std::to_string(t.version) + "\"");
  return res;
}

} // namespace

RouteResult list_tasks(Services& s, Call& call) {
  auto query = query_params(call.req);
  if (!query) return core::unexpected(query.error());
  auto page = int_param(*query, "page", 1, 1, 1000000);
  if (!page) return core::unexpected(page.error());
  auto page_size = int_param(*query, "pageSize", 25, 1, 100);
  if (!page_size) return core::unexpected(page_size.error());
  std::string status_filter = "open";
  if (auto it = query->find("status"); it != query->end()) {
    if (it->second != "open" && it->second != "done" && it->second != "cancelled") {
      return core::fail(core::ErrorCode::BadRequest, "Parameter 'status' moet open, done of cancelled zijn.");
    }
    status_filter = it->second;
  }
  auto view = s.tasks->list(call.who(), status_filter, *page, *page_size, call.ctx);
  if (!view) return core::unexpected(view.error());
  json::array items;
  for (const auto& t : view->items)
    items.push_back(task_json(t, core::local_date_iso(call.ctx.now)));
  return json_response(status::ok,
                       json::object{{"items", std::move(items)},
                                    {"page", view->page},
                                    {"pageSize", view->page_size},
                                    {"total", view->total}},
                       call.req.version());
}

RouteResult patch_task(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"status"});
  auto new_status = f.choice(
      "status", [](const std::string& v) { return v == "open" || v == "done"; }, true);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto task = s.tasks->set_status(call.who(), std::string(call.param("id")), *version, *new_status, call.ctx);
  if (!task) {
    const auto& error = task.error();
    if (error.code == core::ErrorCode::VersionConflict && error.current.has_value()) {
      const auto& current = std::any_cast<const store::TaskRecord&>(error.current);
      auto res = http::problem_response(
          error, call.ctx.request_id, call.req.version(),
          json::object{{"current", task_json(current, core::local_date_iso(call.ctx.now))}});
      res.set(field::etag, "\"" + std::to_string(current.version) + "\"");
      return res;
    }
    return core::unexpected(error);
  }
  return task_response(*task, core::local_date_iso(call.ctx.now), call.req.version());
}

} // namespace eenplan::api
