#include "api/json_input.hpp"
#include "api/routes.hpp"

namespace eenplan::api {

namespace json = boost::json;
using http::bhttp::field;
using http::bhttp::status;

json::object session_json(const service::Principal& p, const std::string& csrf_token) {
  json::array organisations;
  for (const auto& m : p.memberships) {
    if (m.relation != "member") continue;
    organisations.push_back(json::object{
        {"id", m.organisation_id}, {"name", m.organisation_name}, {"kind", m.organisation_kind}});
  }
  return json::object{
      {"user", json::object{{"id", p.user_id},
                            {"username", p.username},
                            {"displayName", p.display_name},
                            {"role", domain::to_string(p.role)},
                            {"organisations", std::move(organisations)}}},
      {"csrfToken", csrf_token},
      {"idleTimeoutSeconds", std::chrono::seconds(service::AuthService::kIdleTimeout).count()}};
}

namespace {

std::string session_cookie(const std::string& token, bool secure, bool clear) {
  std::string cookie =
      std::string("eenplan_session=") + (clear ? "" : token) + "; Path=/; HttpOnly; SameSite=Strict";
  if (clear) cookie += "; Max-Age=0";
  if (secure) cookie += "; Secure";
  return cookie;
}

} // namespace

RouteResult login(Services& s, Call& call) {
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"username", "password"});
  auto username = f.text("username", {1, 64, false}, true);
  auto password = f.text("password", {1, 1024, false}, true);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto result = s.auth.login(*username, *password, call.client.address);
  if (!result) return core::unexpected(result.error());
  auto res =
      json_response(status::created, session_json(result->principal, result->csrf_token), call.req.version());
  res.set(field::set_cookie, session_cookie(result->token, s.secure_cookies, false));
  return res;
}

RouteResult current_session(Services&, Call& call) {
  return json_response(status::ok,
                       session_json(call.who(), service::AuthService::csrf_token_for(call.session_token)),
                       call.req.version());
}

RouteResult logout(Services& s, Call& call) {
  s.auth.logout(call.session_token);
  http::Response res{status::no_content, call.req.version()};
  res.set(field::set_cookie, session_cookie("", s.secure_cookies, true));
  return res;
}

} // namespace eenplan::api
