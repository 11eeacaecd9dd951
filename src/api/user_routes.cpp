#include <charconv>

#include "api/json_input.hpp"
#include "api/routes.hpp"
#include "domain/roles.hpp"
#include "http/problem.hpp"

namespace eenplan::api {

namespace json = boost::json;
using http::bhttp::field;
using http::bhttp::status;

namespace {

json::object account_json(const service::AccountView& a) {
  json::array organisations;
  json::array linked;
  for (const auto& m : a.memberships) {
    (m.relation == "linked" ? linked : organisations)
        .push_back(json::object{
            {"id", m.organisation_id}, {"name", m.organisation_name}, {"kind", m.organisation_kind}});
  }
  return json::object{{"id", a.user.id},
                      {"username", a.user.username},
                      {"displayName", a.user.display_name},
                      {"role", a.user.role},
                      {"disabled", a.user.disabled},
                      {"version", a.user.version},
                      {"organisations", std::move(organisations)},
                      {"linkedSchools", std::move(linked)}};
}

http::Response account_response(status code, const service::AccountView& a, unsigned version) {
  auto res = json_response(code, account_json(a), version);
  res.set(field::etag, "\"" + std::to_string(a.user.version) + "\"");
  return res;
}

/// A list of id strings; errors name the field (and index) that is wrong.
std::vector<std::string> id_list(FieldReader& f, std::string_view name, bool required) {
  std::vector<std::string> ids;
  const auto* items = f.array(name, required);
  if (!items) return ids;
  for (std::size_t i = 0; i < items->size(); ++i) {
    if (!(*items)[i].is_string()) {
      f.error(f.path(name) + "[" + std::to_string(i) + "]", "invalid-type", "Verwacht een id (tekst).");
      continue;
    }
    ids.emplace_back((*items)[i].as_string());
  }
  return ids;
}

} // namespace

RouteResult list_users(Services& s, Call& call) {
  auto query = query_params(call.req);
  if (!query) return core::unexpected(query.error());
  const std::string role = (*query)["role"];
  if (!role.empty() && !domain::parse_role(role)) {
    return core::fail(core::ErrorCode::BadRequest, "Onbekende rol: " + role);
  }
  const std::string search = (*query)["q"];
  if (domain::check_text(search, {0, 100, false})) {
    return core::fail(core::ErrorCode::BadRequest, "Zoektekst is ongeldig of te lang (max. 100 tekens).");
  }
  auto accounts = s.accounts.list(call.who(), search, role);
  if (!accounts) return core::unexpected(accounts.error());
  json::array items;
  for (const auto& a : *accounts)
    items.push_back(account_json(a));
  return json_response(status::ok, json::object{{"items", std::move(items)}}, call.req.version());
}

RouteResult create_user(Services& s, Call& call) {
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"username", "displayName", "role", "password", "organisationIds", "linkedSchoolIds"});
  auto username = f.text("username", {1, 64, false}, true);
  auto display_name = f.text("displayName", {1, 100, false}, true);
  auto role = f.text("role", {1, 64, false}, true);
  auto password = f.text("password", {1, 1024, false}, true);
  auto organisations = id_list(f, "organisationIds", true);
  auto linked = id_list(f, "linkedSchoolIds", false);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto created =
      s.accounts.create(&call.who(), {*username, *display_name, *role, *password, organisations, linked});
  if (!created) return core::unexpected(created.error());
  auto res = account_response(status::created, *created, call.req.version());
  res.set(field::location, "/api/v1/users/" + created->user.id);
  return res;
}

RouteResult update_user(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"displayName", "disabled"});
  service::AccountChange change;
  change.display_name = f.text("displayName", {1, 100, false}, false);
  if (const auto* disabled = object->if_contains("disabled")) {
    if (disabled->is_bool()) {
      change.disabled = disabled->as_bool();
    } else {
      f.error("disabled", "invalid-type", "Verwacht true of false.");
    }
  }
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto updated = s.accounts.update(call.who(), std::string(call.param("id")), *version, change);
  if (!updated) {
    if (updated.error().code == core::ErrorCode::VersionConflict) {
      const auto& current = std::any_cast<const service::AccountView&>(updated.error().current);
      return http::problem_response(updated.error(), call.ctx.request_id, call.req.version(),
                                    json::object{{"current", account_json(current)}});
    }
    return core::unexpected(updated.error());
  }
  if (updated->user.disabled) s.auth.forget_sessions_of(updated->user.id);
  return account_response(status::ok, *updated, call.req.version());
}

RouteResult set_user_password(Services& s, Call& call) {
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"password"});
  auto password = f.text("password", {1, 1024, false}, true);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto done = s.accounts.set_password(&call.who(), std::string(call.param("id")), *password);
  if (!done) return core::unexpected(done.error());
  s.auth.forget_sessions_of(std::string(call.param("id")));
  return http::Response{status::no_content, call.req.version()};
}

} // namespace eenplan::api
