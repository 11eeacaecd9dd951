// Arrangements of a pupil (route 1 maatwerk and route 2 placements), the arrangement templates and
// the phase models. Parse (store codec) → ArrangementService / ProvisionService → JSON.
#include "api/routes.hpp"
#include "api/trajectory_api.hpp"
#include "core/ids.hpp"
#include "domain/arrangement_templates.hpp"

namespace eenplan::api {

namespace json = boost::json;
namespace tjson = store::tjson;
using http::bhttp::field;
using http::bhttp::status;
using namespace trajectory;

namespace {

json::value optional_int(const std::optional<int>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object template_json(const domain::ArrangementTemplate& t) {
  return json::object{
      {"code", t.code},
      {"name", t.name},
      {"route", domain::to_string(t.route)},
      {"source", t.source},
      {"phaseModelId", t.phase_model_id.empty() ? json::value(nullptr) : json::value(t.phase_model_id)},
      {"startPhase", t.start_phase.empty() ? json::value(nullptr) : json::value(t.start_phase)},
      {"capacity", optional_int(t.capacity)},
      {"staffing", tjson::encode(t.staffing)},
      {"places", tjson::encode(t.places)},
      {"cadence", tjson::encode(t.cadence)},
      {"durationMonths", t.duration_months},
      {"maxHoursPerWeek", optional_int(t.max_hours_per_week)},
      {"visitsPerWeek", optional_int(t.visits_per_week)},
      {"decisionRoles", tjson::encode(t.decision_roles)},
      {"targetGroup", tjson::encode(t.target_group)}};
}

RouteResult arrangement_answer(const core::Result<service::ArrangementView>& v, const Call& call,
                               status ok = status::ok) {
  if (!v) {
    return conflict_or(v.error(), call, [&] {
      const auto& current = std::any_cast<const service::ArrangementView&>(v.error().current);
      return std::pair{json::value(arrangement_json(current)), current.arrangement.version};
    });
  }
  auto res = with_etag(ok, arrangement_json(*v), v->arrangement.version, call);
  if (ok == status::created) res->set(field::location, "/api/v1/arrangements/" + v->arrangement.id);
  return res;
}

std::optional<domain::RouteOneStep> step_of_path(std::string_view segment) {
  std::string code(segment);
  for (auto& c : code) {
    if (c == '-') c = '_';
  }
  return domain::parse_route_one_step(code);
}

/// The members of a route-1 step in the workflow JSON (as the PUT body carries them).
std::set<std::string_view> members_of(domain::RouteOneStep step) {
  using S = domain::RouteOneStep;
  switch (step) {
  case S::Analysis: return {"analysis"};
  case S::ParentsInvolved: return {"parentsInvolvedOn", "parentsInvolvement"};
  case S::Participants: return {"participants"};
  case S::Design: return {"design"};
  case S::A4Plan: return {"a4Plan"};
  case S::Opp: return {"careMoneyUsed", "carePlanId"};
  case S::ExemptionConsidered: return {"exemptionNeeded", "compulsoryEducationMet"};
  case S::SpecialEducationTlv: return {"specialEducationEnrolmentNeeded", "tlv"};
  case S::FinanceAgreements: return {"financeAgreements"};
  case S::ExtraFundsConsidered: return {"extraFundsNeeded", "extraFunds"};
  }
  return {};
}

} // namespace

RouteResult list_arrangement_templates(Services&, Call& call) {
  json::array items;
  for (const auto& t : domain::arrangement_templates())
    items.push_back(template_json(t));
  return json_response(status::ok, json::object{{"items", std::move(items)}}, call.req.version());
}

RouteResult list_phase_models(Services& s, Call& call) {
  auto models = s.provisions->phase_models(call.who());
  if (!models) return core::unexpected(models.error());
  json::array items;
  for (const auto& [m, version] : *models)
    items.push_back(phase_model_json(m, version));
  return json_response(status::ok, json::object{{"items", std::move(items)}}, call.req.version());
}

RouteResult get_phase_model(Services& s, Call& call) {
  auto m = s.provisions->phase_model(call.who(), std::string(call.param("id")));
  if (!m) return core::unexpected(m.error());
  return with_etag(status::ok, phase_model_json(m->first, m->second), m->second, call);
}

RouteResult put_phase_model(Services& s, Call& call) {
  auto version = if_match(call);
  if (!version) return core::unexpected(version.error());
  domain::PhaseModel model;
  model.id = std::string(call.param("id"));
  auto read = decode_body(call, {"name", "source", "phases"}, [&](const json::value& body) {
    const tjson::Reader r(body, "");
    model.name = r.text("name");
    model.source = r.text("source", false);
    if (!r.has("phases")) throw tjson::JsonFieldError("phases", "required");
    model.phases = tjson::decode_phases(r.member("phases"), "phases");
  });
  if (!read) return core::unexpected(read.error());
  auto m = s.provisions->put_phase_model(call.who(), std::move(model), *version, call.ctx);
  if (!m) {
    return conflict_or(m.error(), call, [&] {
      const auto& current = std::any_cast<const std::pair<domain::PhaseModel, int>&>(m.error().current);
      return std::pair{json::value(phase_model_json(current.first, current.second)), current.second};
    });
  }
  return with_etag(status::ok, phase_model_json(m->first, m->second), m->second, call);
}

RouteResult list_pupil_arrangements(Services& s, Call& call) {
  auto list = s.arrangements->list_of_pupil(call.who(), std::string(call.param("id")), call.ctx);
  if (!list) return core::unexpected(list.error());
  json::array items;
  for (const auto& v : *list)
    items.push_back(arrangement_json(v));
  return json_response(status::ok, json::object{{"items", std::move(items)}}, call.req.version());
}

RouteResult create_pupil_arrangement(Services& s, Call& call) {
  service::NewArrangement in;
  auto read = decode_body(call,
                          {"templateCode", "start", "end", "enrollingSchoolId", "homeSchoolId",
                           "providerOrganisationIds", "coordinatorId", "supportNeeds"},
                          [&](const json::value& body) {
                            const tjson::Reader r(body, "");
                            in.template_code = r.text("templateCode");
                            in.start = r.date("start");
                            in.end = r.optional_date("end");
                            in.enrolling_school_id = r.text("enrollingSchoolId");
                            in.home_school_id = r.text("homeSchoolId", false);
                            in.provider_organisation_ids = r.strings("providerOrganisationIds");
                            in.coordinator_id = r.text("coordinatorId", false);
                            in.support_needs = r.strings("supportNeeds", false);
                          });
  if (!read) return core::unexpected(read.error());
  return arrangement_answer(s.arrangements->create(call.who(), std::string(call.param("id")), in, call.ctx),
                            call, status::created);
}

RouteResult get_arrangement(Services& s, Call& call) {
  return arrangement_answer(s.arrangements->get(call.who(), std::string(call.param("id")), call.ctx), call);
}

RouteResult patch_arrangement(Services& s, Call& call) {
  auto version = if_match(call);
  if (!version) return core::unexpected(version.error());
  service::ArrangementPatch in;
  auto read = decode_body(
      call,
      {"start", "end", "enrollingSchoolId", "homeSchoolId", "coordinatorId", "providerOrganisationIds",
       "supportNeeds", "staffing", "places", "financing", "cadence", "returnPlan"},
      [&](const json::value& body) {
        const tjson::Reader r(body, "");
        if (r.has("start")) in.start = r.date("start");
        if (r.has("end")) in.end = r.date("end");
        if (r.has("enrollingSchoolId")) in.enrolling_school_id = r.text("enrollingSchoolId");
        if (r.has("homeSchoolId")) in.home_school_id = r.text("homeSchoolId");
        if (r.has("coordinatorId")) in.coordinator_id = r.text("coordinatorId");
        if (r.has("providerOrganisationIds"))
          in.provider_organisation_ids = r.strings("providerOrganisationIds");
        if (r.has("supportNeeds")) in.support_needs = r.strings("supportNeeds");
        if (r.has("staffing")) in.staffing = tjson::decode_staffing(r.member("staffing"), "staffing");
        if (r.has("places")) in.places = tjson::decode_places(r.member("places"), "places");
        if (r.has("financing")) in.financing = tjson::decode_financing(r.member("financing"), "financing");
        if (r.has("cadence")) in.cadence = tjson::decode_cadence(*r.member("cadence"), "cadence");
        if (r.has("returnPlan"))
          in.return_plan = tjson::decode_return_plan(*r.member("returnPlan"), "returnPlan");
      });
  if (!read) return core::unexpected(read.error());
  return arrangement_answer(
      s.arrangements->patch(call.who(), std::string(call.param("id")), *version, in, call.ctx), call);
}

RouteResult put_route_one_step(Services& s, Call& call) {
  auto step = step_of_path(call.param("step"));
  if (!step) return core::fail(core::ErrorCode::NotFound, "Deze stap van route 1 bestaat niet.");
  auto version = if_match(call);
  if (!version) return core::unexpected(version.error());
  domain::RouteOneWorkflow values;
  auto read = decode_body(call, members_of(*step),
                          [&](const json::value& body) { values = tjson::decode_workflow(body, ""); });
  if (!read) return core::unexpected(read.error());
  return arrangement_answer(s.arrangements->set_route_one_step(call.who(), std::string(call.param("id")),
                                                               *version, *step, values, call.ctx),
                            call);
}

RouteResult start_arrangement(Services& s, Call& call) {
  auto version = if_match(call);
  if (!version) return core::unexpected(version.error());
  return arrangement_answer(
      s.arrangements->start(call.who(), std::string(call.param("id")), *version, call.ctx), call);
}

RouteResult add_arrangement_extension(Services& s, Call& call) {
  auto version = if_match(call);
  if (!version) return core::unexpected(version.error());
  domain::Date new_end, decided_on;
  std::string reason, decided_by;
  auto read = decode_body(call, {"newEnd", "reason", "decidedBy", "decidedOn"}, [&](const json::value& body) {
    const tjson::Reader r(body, "");
    new_end = r.date("newEnd");
    reason = r.text("reason", false);
    decided_by = r.text("decidedBy", false);
    decided_on = r.date("decidedOn");
  });
  if (!read) return core::unexpected(read.error());
  return arrangement_answer(s.arrangements->extend(call.who(), std::string(call.param("id")), *version,
                                                   new_end, std::move(reason), std::move(decided_by),
                                                   decided_on, call.ctx),
                            call);
}

RouteResult end_arrangement(Services& s, Call& call) {
  auto version = if_match(call);
  if (!version) return core::unexpected(version.error());
  domain::Transition transition;
  auto read = decode_body(call, {"date", "destination", "destinationOrganisationId", "reason"},
                          [&](const json::value& body) { transition = tjson::decode_transition(body, ""); });
  if (!read) return core::unexpected(read.error());
  return arrangement_answer(
      s.arrangements->end(call.who(), std::string(call.param("id")), *version, transition, call.ctx), call);
}

RouteResult get_phase_history(Services& s, Call& call) {
  auto v = s.arrangements->get(call.who(), std::string(call.param("id")), call.ctx);
  if (!v) return core::unexpected(v.error());
  json::array steps;
  for (const auto& step : v->history.steps) {
    steps.push_back(json::object{
        {"date", domain::to_iso(step.date)},
        {"fromPhase", step.from_phase.empty() ? json::value(nullptr) : json::value(step.from_phase)},
        {"toPhase", step.to_phase},
        {"direction", domain::to_string(step.direction)},
        {"reason", step.reason},
        {"evaluationId",
         step.evaluation_id.empty() ? json::value(nullptr) : json::value(step.evaluation_id)}});
  }
  const auto current = v->history.current_phase();
  return json_response(
      status::ok,
      json::object{
          {"arrangementId", v->arrangement.id},
          {"modelId", v->history.model_id.empty() ? json::value(nullptr) : json::value(v->history.model_id)},
          {"currentPhase", current.empty() ? json::value(nullptr) : json::value(json::string(current))},
          {"steps", std::move(steps)}},
      call.req.version());
}

} // namespace eenplan::api
