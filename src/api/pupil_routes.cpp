#include <charconv>

#include "api/pupil_json.hpp"
#include "api/routes.hpp"
#include "core/ids.hpp"
#include "domain/dates.hpp"
#include "domain/pupil.hpp"
#include "http/problem.hpp"

namespace eenplan::api {

namespace json = boost::json;
using http::bhttp::field;
using http::bhttp::status;

namespace {

http::Response pupil_response(status code, const service::PupilView& view, unsigned version) {
  auto res = json_text_response(code, pupil_json_text(view), version);
  res.set(field::etag, "\"" + std::to_string(view.pupil.version) + "\"");
  return res;
}

} // namespace

RouteResult list_pupils(Services& s, Call& call) {
  auto query = query_params(call.req);
  if (!query) return core::unexpected(query.error());
  auto page = int_param(*query, "page", 1, 1, 1000000);
  if (!page) return core::unexpected(page.error());
  auto page_size = int_param(*query, "pageSize", 25, 1, 100);
  if (!page_size) return core::unexpected(page_size.error());
  service::PupilListFilter filter;
  filter.search = (*query)["q"];
  filter.school_id = (*query)["schoolId"];
  filter.status = (*query)["status"];
  filter.page = *page;
  filter.page_size = *page_size;
  if (filter.search.size() > 400 || domain::check_text(filter.search, {0, 100, false})) {
    return core::fail(core::ErrorCode::BadRequest, "Zoektekst is ongeldig of te lang (max. 100 tekens).");
  }
  if (!filter.school_id.empty() && !core::is_uuid(filter.school_id)) {
    return core::fail(core::ErrorCode::BadRequest, "Parameter 'schoolId' is geen geldige id.");
  }
  if (!filter.status.empty() && !domain::parse_pupil_status(filter.status)) {
    return core::fail(core::ErrorCode::BadRequest, "Onbekende status: " + filter.status);
  }
  auto result = s.pupils.list(call.who(), filter, call.ctx);
  if (!result) return core::unexpected(result.error());
  json::array items;
  for (const auto& p : result->items)
    items.push_back(pupil_summary_json(p));
  return json_response(status::ok,
                       json::object{{"items", std::move(items)},
                                    {"page", result->page},
                                    {"pageSize", result->page_size},
                                    {"total", result->total}},
                       call.req.version());
}

RouteResult get_pupil(Services& s, Call& call) {
  auto view = s.pupils.get(call.who(), std::string(call.param("id")), call.ctx);
  if (!view) return core::unexpected(view.error());
  return pupil_response(status::ok, *view, call.req.version());
}

RouteResult patch_pupil(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  auto today = domain::parse_iso_date(core::local_date_iso(call.ctx.now));
  auto change = parse_pupil_patch(call.req.body(), *today);
  if (!change) return core::unexpected(change.error());
  auto view = s.pupils.patch(call.who(), std::string(call.param("id")), *version, *change, call.ctx);
  if (!view) {
    if (view.error().code == core::ErrorCode::VersionConflict) {
      const auto& current = std::any_cast<const service::PupilView&>(view.error().current);
      auto res = http::problem_response(view.error(), call.ctx.request_id, call.req.version(),
                                        json::object{{"current", pupil_json(current)}});
      res.set(field::etag, "\"" + std::to_string(current.pupil.version) + "\"");
      return res;
    }
    return core::unexpected(view.error());
  }
  return pupil_response(status::ok, *view, call.req.version());
}

RouteResult list_notes(Services& s, Call& call) {
  auto notes = s.pupils.notes(call.who(), std::string(call.param("id")), call.ctx);
  if (!notes) return core::unexpected(notes.error());
  json::array items;
  for (const auto& n : *notes)
    items.push_back(note_json(n));
  return json_response(status::ok, json::object{{"items", std::move(items)}}, call.req.version());
}

RouteResult add_note(Services& s, Call& call) {
  auto input = parse_new_note(call.req.body());
  if (!input) return core::unexpected(input.error());
  const std::string pupil_id(call.param("id"));
  auto note = s.pupils.add_note(call.who(), pupil_id, input->kind, input->body, call.ctx);
  if (!note) return core::unexpected(note.error());
  auto res = json_response(status::created, note_json(*note), call.req.version());
  res.set(field::location, "/api/v1/pupils/" + pupil_id + "/notes/" + note->id);
  return res;
}

RouteResult pupil_audit(Services& s, Call& call) {
  auto query = query_params(call.req);
  if (!query) return core::unexpected(query.error());
  auto page = int_param(*query, "page", 1, 1, 1000000);
  if (!page) return core::unexpected(page.error());
  auto page_size = int_param(*query, "pageSize", 50, 1, 100);
  if (!page_size) return core::unexpected(page_size.error());
  auto trail = s.pupils.audit_trail(call.who(), std::string(call.param("id")), *page, *page_size, call.ctx);
  if (!trail) return core::unexpected(trail.error());
  json::array items;
  for (const auto& e : trail->items)
    items.push_back(audit_event_json(e));
  return json_response(status::ok,
                       json::object{{"items", std::move(items)},
                                    {"page", trail->page},
                                    {"pageSize", trail->page_size},
                                    {"total", trail->total}},
                       call.req.version());
}

} // namespace eenplan::api
