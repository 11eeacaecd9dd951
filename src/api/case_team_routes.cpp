// A pupil's case team (betrokkenen): read it, replace it with If-Match, find people to add.
// Parse and validate the shape → CaseTeamService (access, rules, audit) → JSON.
#include "api/json_input.hpp"
#include "api/pupil_json.hpp"
#include "api/routes.hpp"
#include "core/ids.hpp"
#include "domain/case_team.hpp"
#include "http/problem.hpp"
#include "service/case_team_service.hpp"

namespace eenplan::api {

namespace json = boost::json;
using http::bhttp::field;
using http::bhttp::status;

namespace {

/// Bounds the request; the rule (too-many-members) is stricter and explains itself.
constexpr std::size_t kMaxMembersInRequest = 100;
constexpr domain::TextLimit kCaseRoleLimit{1, 100, false};

json::object case_team_json(const service::CaseTeamView& view) {
  json::array members;
  for (const auto& m : view.team.members)
    members.push_back(case_team_member_json(m));
  json::array roles;
  for (std::string_view role : domain::kCaseRoles)
    roles.emplace_back(role);
  return json::object{{"pupilId", view.pupil_id},
                      {"version", view.team.version},
                      {"members", std::move(members)},
                      {"caseRoles", std::move(roles)},
                      {"access", json::object{{"canEdit", view.can_edit}}}};
}

http::Response case_team_response(const service::CaseTeamView& view, unsigned version) {
  auto res = json_response(status::ok, case_team_json(view), version);
  res.set(field::etag, "\"" + std::to_string(view.team.version) + "\"");
  return res;
}

core::Result<std::vector<domain::CaseTeamEntry>> parse_members(std::string_view body) {
  auto object = parse_object(body);
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"members"});
  std::vector<domain::CaseTeamEntry> members;
  if (const auto* items = f.array("members", true)) {
    if (items->size() > kMaxMembersInRequest) {
      f.error("members", "too-long", "Maximaal 100 betrokkenen per verzoek.");
      return core::invalid(std::move(f.errors()));
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
      const std::string at = "members[" + std::to_string(i) + "]";
      if (!(*items)[i].is_object()) {
        f.error(at, "invalid-type", "Elke betrokkene moet een object zijn.");
        continue;
      }
      FieldReader item((*items)[i].as_object(), at + ".");
      item.share_errors(f.errors());
      item.reject_unknown({"userId", "caseRole", "isCaseLead"});
      auto user = item.text("userId", {1, 64, false}, true);
      if (user && !core::is_uuid(*user)) {
        item.error(item.path("userId"), "invalid-value", "Geen geldige id van een account.");
        user.reset();
      }
      auto role = item.text("caseRole", kCaseRoleLimit, true);
      bool lead = false;
      if (const auto* v = (*items)[i].as_object().if_contains("isCaseLead")) {
        if (v->is_bool()) {
          lead = v->as_bool();
        } else {
          item.error(item.path("isCaseLead"), "invalid-type", "Dit veld moet true of false zijn.");
        }
      }
      if (user && role) members.push_back({*user, *role, lead});
    }
  }
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  return members;
}

} // namespace

RouteResult get_case_team(Services& s, Call& call) {
  auto view = s.case_teams->get(call.who(), std::string(call.param("id")), call.ctx);
  if (!view) return core::unexpected(view.error());
  return case_team_response(*view, call.req.version());
}

RouteResult put_case_team(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  auto members = parse_members(call.req.body());
  if (!members) return core::unexpected(members.error());
  auto view = s.case_teams->replace(call.who(), std::string(call.param("id")), *version, *members, call.ctx);
  if (!view) {
    if (view.error().code == core::ErrorCode::VersionConflict) {
      const auto& current = std::any_cast<const service::CaseTeamView&>(view.error().current);
      auto res = http::problem_response(view.error(), call.ctx.request_id, call.req.version(),
                                        json::object{{"current", case_team_json(current)}});
      res.set(field::etag, "\"" + std::to_string(current.team.version) + "\"");
      return res;
    }
    return core::unexpected(view.error());
  }
  return case_team_response(*view, call.req.version());
}

RouteResult list_case_team_candidates(Services& s, Call& call) {
  return answer_candidates(call, [&](const std::string& text, int limit) {
    return s.case_teams->candidates(call.who(), std::string(call.param("id")), text, limit, call.ctx);
  });
}

RouteResult answer_candidates(Call& call, const CandidateSearch& search) {
  auto query = query_params(call.req);
  if (!query) return core::unexpected(query.error());
  auto limit = int_param(*query, "limit", 20, 1, 50);
  if (!limit) return core::unexpected(limit.error());
  const std::string text = (*query)["q"];
  if (text.size() > 400 || domain::check_text(text, {0, 100, false})) {
    return core::fail(core::ErrorCode::BadRequest, "Zoektekst is ongeldig of te lang (max. 100 tekens).");
  }
  auto found = search(text, *limit);
  if (!found) return core::unexpected(found.error());
  json::array items;
  for (const auto& c : found->items) {
    items.push_back(json::object{
        {"userId", c.user_id},
        {"displayName", c.display_name},
        {"role", c.role},
        {"organisation", organisation_ref(c.organisation)},
    });
  }
  return json_response(
      status::ok, json::object{{"items", std::move(items)}, {"total", found->total}, {"limit", found->limit}},
      call.req.version());
}

} // namespace eenplan::api
