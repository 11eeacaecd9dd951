#include "api/trajectory_api.hpp"

#include <charconv>

#include "api/json_input.hpp"
#include "http/problem.hpp"

namespace eenplan::api::trajectory {

namespace json = boost::json;
namespace tjson = store::tjson;
using http::bhttp::field;

namespace {

std::string reason_of(const std::string& code) {
  if (code == "required") return "Dit veld is verplicht.";
  if (code == "invalid-type") return "Dit veld heeft het verkeerde type.";
  if (code == "invalid-date") return "Geen geldige datum (JJJJ-MM-DD).";
  return "Deze waarde is niet toegestaan.";
}

json::value optional_text(const std::string& text) {
  return text.empty() ? json::value(nullptr) : json::value(json::string(text));
}

json::value date_or_null(const std::optional<domain::Date>& d) {
  return d ? json::value(json::string(domain::to_iso(*d))) : json::value(nullptr);
}

} // namespace

core::Result<void> decode_body(const Call& call, const std::set<std::string_view>& known,
                               const std::function<void(const json::value&)>& read) {
  auto body = parse_object(call.req.body());
  if (!body) return core::unexpected(body.error());
  std::vector<core::FieldError> errors;
  for (const auto& member : *body) {
    if (!known.contains(std::string_view(member.key())))
      errors.push_back({std::string(member.key()), "unknown-field", "Onbekend veld."});
  }
  if (!errors.empty()) return core::invalid(std::move(errors));
  try {
    read(json::value(std::move(*body)));
  } catch (const tjson::JsonFieldError& e) {
    return core::invalid({{e.field(), e.code(), reason_of(e.code())}});
  }
  return {};
}

RouteResult conflict_or(const core::Error& error, const Call& call,
                        const std::function<std::pair<json::value, int>()>& current) {
  if (error.code != core::ErrorCode::VersionConflict || !error.current.has_value())
    return core::unexpected(error);
  auto [body, version] = current();
  auto res = http::problem_response(error, call.ctx.request_id, call.req.version(),
                                    json::object{{"current", std::move(body)}});
  res.set(field::etag, "\"" + std::to_string(version) + "\"");
  return res;
}

RouteResult with_etag(http::bhttp::status status, const json::value& body, int version, const Call& call) {
  auto res = json_response(status, body, call.req.version());
  res.set(field::etag, "\"" + std::to_string(version) + "\"");
  return res;
}

json::object pupil_ref(const service::PupilName& p) {
  return json::object{{"id", p.id},
                      {"givenName", p.given_name},
                      {"familyName", p.family_name},
                      {"schoolPupilNumber", p.school_pupil_number}};
}

json::object arrangement_json(const service::ArrangementView& v) {
  const auto& a = v.arrangement;
  json::array extensions;
  for (const auto& e : a.extensions)
    extensions.push_back(tjson::encode(e));
  json::array open;
  for (auto s : v.open_steps)
    open.emplace_back(json::string(domain::to_string(s)));
  const auto current = v.history.current_phase();
  return json::object{
      {"id", a.id},
      {"version", a.version},
      {"route", domain::to_string(a.route)},
      {"templateCode", a.template_code},
      {"pupilId", a.pupil_id},
      {"provisionId", optional_text(a.provision_id)},
      {"providerOrganisationIds", tjson::encode(a.provider_organisation_ids)},
      {"enrollingSchoolId", a.enrolling_school_id},
      {"homeSchoolId", a.home_school_id},
      {"coordinatorId", optional_text(a.coordinator_id)},
      {"supportNeeds", tjson::encode(a.support_needs)},
      {"staffing", tjson::encode(a.staffing)},
      {"phaseModelId", optional_text(a.phase_model_id)},
      {"places", tjson::encode(a.places)},
      {"start", domain::to_iso(a.start)},
      {"end", domain::to_iso(a.end)},
      {"extensions", std::move(extensions)},
      {"financing", tjson::encode(a.financing)},
      {"cadence", tjson::encode(a.cadence)},
      {"returnPlan", a.return_plan ? tjson::encode(*a.return_plan) : json::value(nullptr)},
      {"workflow", tjson::encode(a.workflow)},
      {"openRouteOneSteps", std::move(open)},
      {"oppId", optional_text(a.opp_id)},
      {"status", domain::to_string(a.status)},
      {"ending", a.ending ? tjson::encode(*a.ending) : json::value(nullptr)},
      {"currentPhase", current.empty() ? json::value(nullptr) : json::value(json::string(current))},
      {"canManage", v.can_manage},
  };
}

json::object phase_model_json(const domain::PhaseModel& m, int version) {
  return json::object{{"id", m.id},
                      {"version", version},
                      {"name", m.name},
                      {"source", m.source},
                      {"phases", tjson::encode(m.phases)}};
}

json::object registration_json(const service::AdmissionView& v) {
  const auto& r = v.registration;
  return json::object{
      {"id", r.id},
      {"version", r.version},
      {"provisionId", r.provision_id},
      {"pupil", pupil_ref(v.pupil)},
      {"channel", domain::to_string(r.channel)},
      {"registeredBy", r.registered_by},
      {"registeredOn", domain::to_iso(r.registered_on)},
      {"observation", r.observation ? tjson::encode(*r.observation) : json::value(nullptr)},
      {"decision", r.decision ? tjson::encode(*r.decision) : json::value(nullptr)},
      {"tasks", tjson::encode(r.tasks)},
      {"status", domain::to_string(r.status)},
      {"placedOn", date_or_null(r.placed_on)},
      {"nextStep", optional_text(v.next_step)},
      {"waitingPosition", v.waiting_position > 0 ? json::value(v.waiting_position) : json::value(nullptr)},
      {"withdrawal", r.withdrawal ? tjson::encode(*r.withdrawal) : json::value(nullptr)},
  };
}

json::object provision_json(const service::ProvisionView& v, bool details) {
  const auto& p = v.provision;
  json::object o{
      {"id", p.id},
      {"version", p.version},
      {"name", p.name},
      {"templateCode", p.template_code},
      {"enrollingSchool", json::object{{"id", p.enrolling_school_id}, {"name", v.school_name}}},
      {"capacity", p.capacity},
      {"occupied", static_cast<int>(p.placed_pupil_ids.size())},
      {"freePlaces", std::max(0, p.free_places())},
      {"waiting", static_cast<int>(p.waiting_list.size())},
      {"phaseModelId", optional_text(p.phase_model_id)},
      {"start", domain::to_iso(p.start)},
      {"end", date_or_null(p.end)},
      {"canManage", v.can_manage},
  };
  if (!details) return o;
  o["providerOrganisationIds"] = tjson::encode(p.provider_organisation_ids);
  o["targetGroup"] = tjson::encode(p.target_group);
  o["staffing"] = tjson::encode(p.staffing);
  o["places"] = tjson::encode(p.places);
  o["financing"] = tjson::encode(p.financing);
  o["cadence"] = tjson::encode(p.cadence);
  o["decisionRoles"] = tjson::encode(p.decision_roles);
  json::array placed;
  for (const auto& x : v.placed) {
    placed.push_back(json::object{{"pupil", pupil_ref(x.pupil)},
                                  {"arrangementId", optional_text(x.arrangement_id)},
                                  {"arrangementStatus", optional_text(x.arrangement_status)},
                                  {"currentPhase", optional_text(x.current_phase)}});
  }
  o["placed"] = std::move(placed);
  json::array waiting;
  for (const auto& w : v.waiting) {
    waiting.push_back(json::object{{"position", w.position},
                                   {"pupil", pupil_ref(w.pupil)},
                                   {"since", domain::to_iso(w.since)},
                                   {"registrationId", optional_text(w.registration_id)}});
  }
  o["waitingList"] = std::move(waiting);
  json::array registrations;
  for (const auto& r : v.registrations)
    registrations.push_back(registration_json(r));
  o["registrations"] = std::move(registrations);
  return o;
}

} // namespace eenplan::api::trajectory
