// Provisions (voorzieningen) and their registrations: the overview, aanmelding and its steps up to
// the waiting list or placement. Parse (store codec) → ProvisionService → JSON.
#include "api/routes.hpp"
#include "api/trajectory_api.hpp"

namespace eenplan::api {

namespace json = boost::json;
namespace tjson = store::tjson;
using http::bhttp::field;
using http::bhttp::status;
using namespace trajectory;

namespace {

RouteResult provision_answer(const core::Result<service::ProvisionView>& v, const Call& call,
                             status ok = status::ok) {
  if (!v) {
    return conflict_or(v.error(), call, [&] {
      const auto& current = std::any_cast<const service::ProvisionView&>(v.error().current);
      return std::pair{json::value(provision_json(current, true)), current.provision.version};
    });
  }
  auto res = with_etag(ok, provision_json(*v, true), v->provision.version, call);
  if (ok == status::created) res->set(field::location, "/api/v1/provisions/" + v->provision.id);
  return res;
}

RouteResult registration_answer(const core::Result<service::AdmissionView>& v, const Call& call,
                                status ok = status::ok) {
  if (!v) {
    return conflict_or(v.error(), call, [&] {
      const auto& current = std::any_cast<const service::AdmissionView&>(v.error().current);
      return std::pair{json::value(registration_json(current)), current.registration.version};
    });
  }
  auto res = with_etag(ok, registration_json(*v), v->registration.version, call);
  if (ok == status::created) res->set(field::location, "/api/v1/registrations/" + v->registration.id);
  return res;
}

} // namespace

RouteResult list_provisions(Services& s, Call& call) {
  auto list = s.provisions->list(call.who(), call.ctx);
  if (!list) return core::unexpected(list.error());
  json::array items;
  for (const auto& v : *list)
    items.push_back(provision_json(v, false));
  return json_response(status::ok, json::object{{"items", std::move(items)}}, call.req.version());
}

RouteResult create_provision(Services& s, Call& call) {
  service::NewProvision in;
  auto read = decode_body(call,
                          {"templateCode", "name", "enrollingSchoolId", "capacity", "providerOrganisationIds",
                           "targetGroup", "start", "end"},
                          [&](const json::value& body) {
                            const tjson::Reader r(body, "");
                            in.template_code = r.text("templateCode");
                            in.name = r.text("name");
                            in.enrolling_school_id = r.text("enrollingSchoolId");
                            if (r.has("capacity")) in.capacity = r.integer("capacity");
                            in.provider_organisation_ids = r.strings("providerOrganisationIds");
                            if (r.has("targetGroup")) in.target_group = r.strings("targetGroup");
                            in.start = r.date("start");
                            in.end = r.optional_date("end");
                          });
  if (!read) return core::unexpected(read.error());
  return provision_answer(s.provisions->create(call.who(), in, call.ctx), call, status::created);
}

RouteResult get_provision(Services& s, Call& call) {
  return provision_answer(s.provisions->get(call.who(), std::string(call.param("id")), call.ctx), call);
}

RouteResult patch_provision(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  service::ProvisionPatch in;
  auto read = decode_body(call,
                          {"name", "capacity", "providerOrganisationIds", "targetGroup", "decisionRoles",
                           "staffing", "places", "financing", "cadence", "end"},
                          [&](const json::value& body) {
                            const tjson::Reader r(body, "");
                            if (r.has("name")) in.name = r.text("name");
                            if (r.has("capacity")) in.capacity = r.integer("capacity");
                            if (r.has("providerOrganisationIds"))
                              in.provider_organisation_ids = r.strings("providerOrganisationIds");
                            if (r.has("targetGroup")) in.target_group = r.strings("targetGroup");
                            if (r.has("decisionRoles")) in.decision_roles = r.strings("decisionRoles");
                            if (r.has("staffing"))
                              in.staffing = tjson::decode_staffing(r.member("staffing"), "staffing");
                            if (r.has("places"))
                              in.places = tjson::decode_places(r.member("places"), "places");
                            if (r.has("financing"))
                              in.financing = tjson::decode_financing(r.member("financing"), "financing");
                            if (r.has("cadence"))
                              in.cadence = tjson::decode_cadence(*r.member("cadence"), "cadence");
                            if (body.as_object().contains("end")) in.end = r.optional_date("end");
                          });
  if (!read) return core::unexpected(read.error());
  return provision_answer(
      s.provisions->patch(call.who(), std::string(call.param("id")), *version, in, call.ctx), call);
}

RouteResult create_registration(Services& s, Call& call) {
  service::NewRegistration in;
  auto read =
      decode_body(call, {"pupilId", "channel", "registeredBy", "registeredOn"}, [&](const json::value& body) {
        const tjson::Reader r(body, "");
        in.pupil_id = r.text("pupilId");
        in.channel = r.choice("channel", domain::parse_registration_channel);
        in.registered_by = r.text("registeredBy");
        in.registered_on = r.date("registeredOn");
      });
  if (!read) return core::unexpected(read.error());
  return registration_answer(
      s.provisions->register_pupil(call.who(), std::string(call.param("id")), in, call.ctx), call,
      status::created);
}

RouteResult registration_step(Services& s, Call& call) {
  using Kind = service::RegistrationStep::Kind;
  service::RegistrationStep step;
  const auto name = call.param("step");
  std::set<std::string_view> known;
  if (name == "observation") {
    step.kind = Kind::Observation;
    known = {"start", "end", "setting"};
  } else if (name == "decision") {
    step.kind = Kind::Decision;
    known = {"admit", "decidedOn", "deciders", "reasoning"};
  } else if (name == "intake-tasks") {
    step.kind = Kind::IntakeTasks;
    known = {"intake", "homeVisit"};
  } else if (name == "admission") {
    step.kind = Kind::Admission;
  } else if (name == "placement") {
    step.kind = Kind::Placement;
  } else if (name == "withdrawal") {
    step.kind = Kind::Withdrawal;
    known = {"reason", "withdrawnOn"};
  } else {
    return core::fail(core::ErrorCode::NotFound, "Deze stap van de aanmelding bestaat niet.");
  }
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  if (!known.empty() || !call.req.body().empty()) {
    auto read = decode_body(call, known, [&](const json::value& body) {
      switch (step.kind) {
      case Kind::Observation: step.observation = tjson::decode_observation(body, ""); break;
      case Kind::Decision: step.decision = tjson::decode_decision(body, ""); break;
      case Kind::IntakeTasks: {
        const tjson::Reader r(body, "");
        if (!r.has("intake")) throw tjson::JsonFieldError("intake", "required");
        if (!r.has("homeVisit")) throw tjson::JsonFieldError("homeVisit", "required");
        step.intake = tjson::decode_intake_task(*r.member("intake"), "intake");
        step.home_visit = tjson::decode_intake_task(*r.member("homeVisit"), "homeVisit");
        break;
      }
      case Kind::Withdrawal: step.withdrawal = tjson::decode_withdrawal(body, ""); break;
      case Kind::Admission:
      case Kind::Placement: break;
      }
    });
    if (!read) return core::unexpected(read.error());
  }
  return registration_answer(
      s.provisions->registration_step(call.who(), std::string(call.param("id")), *version, step, call.ctx),
      call);
}

RouteResult list_task_owner_candidates(Services& s, Call& call) {
  return answer_candidates(call, [&](const std::string& text, int limit) {
    return s.provisions->task_owner_candidates(call.who(), std::string(call.param("id")), text, limit);
  });
}

} // namespace eenplan::api
