// The pupil's plan: the OPP with its revisions, evaluations of an arrangement and its weekly
// schedule. Parse and validate → PlanService → JSON; all field problems at once (422), rule refusals
// 422 with the rule's code, stale versions 412 with the current OPP.
#include <charconv>

#include "api/json_input.hpp"
#include "api/routes.hpp"
#include "core/ids.hpp"
#include "domain/dates.hpp"
#include "http/problem.hpp"
#include "service/plan_service.hpp"
#include "store/plan_json.hpp"

namespace eenplan::api {

namespace json = boost::json;
using http::bhttp::field;
using http::bhttp::status;

namespace {

constexpr domain::TextLimit kShortText{1, 200, false};
constexpr domain::TextLimit kOptionalShortText{0, 200, false};
constexpr domain::TextLimit kOptionalLongText{0, 4000, true};
constexpr domain::TextLimit kCode{1, 64, false};
constexpr std::size_t kMaxItems = 30;

json::value person_or_null(const std::string& id, const std::string& name) {
  if (id.empty()) return nullptr;
  return json::object{{"id", id}, {"displayName", name}};
}

json::object opp_json(const store::OppRevisionRecord& r) {
  json::object out{{"id", r.opp.id},
                   {"pupilId", r.opp.pupil_id},
                   {"version", r.opp.version},
                   {"revision", r.opp.revision},
                   {"status", domain::to_string(r.opp.status)}};
  for (auto& [key, value] : store::opp_content_json(r.opp))
    out[key] = value;
  out["setOn"] = store::date_or_null(r.opp.set_on);
  out["setBy"] = person_or_null(r.set_by, r.set_by_name);
  out["firstSetOn"] = store::date_or_null(r.opp.first_set_on);
  out["updatedBy"] = json::object{{"id", r.updated_by}, {"displayName", r.updated_by_name}};
  out["updatedAt"] = r.updated_at;
  return out;
}

http::Response opp_response(status code, const store::OppRevisionRecord& r, unsigned version) {
  auto res = json_response(code, opp_json(r), version);
  res.set(field::etag, "\"" + std::to_string(r.opp.version) + "\"");
  if (code == status::created) res.set(field::location, "/api/v1/opps/" + r.opp.id);
  return res;
}

json::object evaluation_json(const store::EvaluationRecord& r) {
  const auto& e = r.evaluation;
  return json::object{
      {"id", e.id},
      {"arrangementId", e.arrangement_id},
      {"oppId", e.opp_id},
      {"oppRevision", r.opp_revision},
      {"heldOn", domain::to_iso(e.held_on)},
      {"participants", store::participants_json(e.participants)},
      {"goals", store::goal_evaluations_json(e.goals)},
      {"decision", domain::to_string(e.decision)},
      {"newPhase", e.new_phase.empty() ? json::value(nullptr) : json::value(e.new_phase)},
      {"reason", e.reason},
      {"nextDate", store::date_or_null(e.next_date)},
      {"recordedBy", json::object{{"id", r.recorded_by}, {"displayName", r.recorded_by_name}}},
      {"recordedAt", r.recorded_at}};
}

json::object schedule_json(const store::ScheduleRecord& r) {
  return json::object{
      {"id", r.id},
      {"validFrom", domain::to_iso(r.schedule.valid_from)},
      {"entries", store::schedule_entries_json(r.schedule.entries)},
      {"educationMinutes", r.schedule.minutes(domain::ActivityKind::Education)},
      {"careMinutes", r.schedule.minutes(domain::ActivityKind::Care)},
      {"evaluationId", r.evaluation_id.empty() ? json::value(nullptr) : json::value(r.evaluation_id)},
      {"recordedBy", json::object{{"id", r.recorded_by}, {"displayName", r.recorded_by_name}}},
      {"recordedAt", r.recorded_at}};
}

json::object phase_step_json(const domain::PhaseStep& s) {
  return json::object{
      {"date", domain::to_iso(s.date)},
      {"fromPhase", s.from_phase.empty() ? json::value(nullptr) : json::value(s.from_phase)},
      {"toPhase", s.to_phase},
      {"direction", domain::to_string(s.direction)},
      {"reason", s.reason},
      {"evaluationId", s.evaluation_id.empty() ? json::value(nullptr) : json::value(s.evaluation_id)}};
}

json::object schedule_view_json(const service::ScheduleView& v, domain::Date today) {
  json::array schedules, points;
  json::value current = nullptr;
  for (const auto& s : v.schedules) {
    schedules.push_back(schedule_json(s));
    if (s.schedule.valid_from <= today) current = schedules.back();
  }
  for (const auto& p : v.build_up) {
    points.push_back(json::object{{"from", domain::to_iso(p.from)},
                                  {"phase", p.phase.empty() ? json::value(nullptr) : json::value(p.phase)},
                                  {"educationMinutes", p.education_minutes},
                                  {"careMinutes", p.care_minutes},
                                  {"byPlace", store::schedule_entries_json(p.by_place)}});
  }
  return json::object{{"arrangementId", v.arrangement.id},
                      {"current", std::move(current)},
                      {"schedules", std::move(schedules)},
                      {"buildUp", std::move(points)},
                      {"access", json::object{{"canEdit", v.can_edit}}}};
}

domain::Date today_of(const Call& call) {
  return domain::parse_iso_date(core::local_date_iso(call.ctx.now)).value_or(domain::Date{});
}

/// A stale version answers 412 with the current OPP (so the UI can show both versions).
RouteResult opp_failure(const core::Error& error, const Call& call) {
  if (error.code == core::ErrorCode::VersionConflict && error.current.has_value()) {
    const auto& current = std::any_cast<const store::OppRevisionRecord&>(error.current);
    auto res = http::problem_response(error, call.ctx.request_id, call.req.version(),
                                      json::object{{"current", opp_json(current)}});
    res.set(field::etag, "\"" + std::to_string(current.opp.version) + "\"");
    return res;
  }
  return core::unexpected(error);
}

// ---- reading input -----------------------------------------------------------------------------

std::optional<domain::Date> date_member(FieldReader& f, std::string_view name, bool required) {
  const auto text = f.text(name, {1, 64, false}, required);
  if (!text) return std::nullopt;
  auto parsed = domain::parse_iso_date(*text);
  if (!parsed) f.error(f.path(name), "invalid-date", "Geen geldige datum (JJJJ-MM-DD).");
  return parsed;
}

/// An optional date that may also be null.
std::optional<domain::Date> nullable_date(FieldReader& f, const json::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  if (!v || v->is_null()) return std::nullopt;
  return date_member(f, name, false);
}

const json::object* object_member(FieldReader& f, const json::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_object()) {
    f.error(f.path(name), "invalid-type", "Dit veld moet een object zijn.");
    return nullptr;
  }
  return &v->as_object();
}

/// Each element of a list as an object reader sharing the errors of `f`; at most kMaxItems.
template <typename Each>
void each_object(FieldReader& f, std::string_view name, const json::array& list, Each each) {
  if (list.size() > kMaxItems) {
    f.error(f.path(name), "out-of-range", "Maximaal 30 items.");
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = f.path(name) + "[" + std::to_string(i) + "]";
    if (!list[i].is_object()) {
      f.error(at, "invalid-type", "Elk item is een object.");
      continue;
    }
    FieldReader item(list[i].as_object(), at + ".");
    item.share_errors(f.errors());
    each(item, list[i].as_object());
  }
}

service::OppContent read_opp_content(FieldReader& f, const json::object& body) {
  f.reject_unknown(
      {"exitPerspective", "supportNeeds", "factors", "workAttitude", "goals", "actionPart", "pupilHearing"});
  service::OppContent in;
  auto& opp = in.content;
  for (const auto& [key, value] : body)
    in.present.insert(std::string(key));
  if (const auto* e = object_member(f, body, "exitPerspective")) {
    FieldReader r(*e, "exitPerspective.");
    r.share_errors(f.errors());
    r.reject_unknown({"destination", "reasoning"});
    auto destination = r.choice(
        "destination", [](const std::string& v) { return domain::parse_destination_kind(v).has_value(); },
        true);
    if (destination) opp.exit_perspective.destination = *domain::parse_destination_kind(*destination);
    opp.exit_perspective.reasoning = r.text("reasoning", kOptionalLongText, false).value_or("");
  }
  if (const auto* needs = f.array("supportNeeds", false)) {
    for (std::size_t i = 0; i < needs->size() && i < kMaxItems; ++i) {
      if ((*needs)[i].is_string() && !(*needs)[i].as_string().empty()) {
        opp.support_needs.emplace_back((*needs)[i].as_string());
      } else {
        f.error("supportNeeds[" + std::to_string(i) + "]", "invalid-type",
                "Elke ondersteuningsbehoefte is een code.");
      }
    }
  }
  if (const auto* factors = f.array("factors", false)) {
    each_object(f, "factors", *factors, [&](FieldReader& r, const json::object&) {
      r.reject_unknown({"kind", "description"});
      auto kind = r.choice(
          "kind", [](const std::string& v) { return domain::parse_factor_kind(v).has_value(); }, true);
      auto description = r.text("description", {1, 4000, true}, true);
      if (kind && description) opp.factors.push_back({*domain::parse_factor_kind(*kind), *description});
    });
  }
  opp.work_attitude = f.text("workAttitude", kOptionalLongText, false).value_or("");
  if (const auto* goals = f.array("goals", false)) {
    each_object(f, "goals", *goals, [&](FieldReader& r, const json::object& o) {
      r.reject_unknown({"id", "area", "text", "measure", "targetDate", "ownerId"});
      domain::Goal goal;
      if (o.contains("id") && !o.at("id").is_null()) {
        goal.id = r.text("id", kCode, true).value_or("");
        if (!goal.id.empty() && !core::is_uuid(goal.id))
          r.error(r.path("id"), "invalid-value", "Geen geldige id.");
      }
      auto area = r.choice(
          "area", [](const std::string& v) { return domain::parse_goal_area(v).has_value(); }, true);
      if (area) goal.area = *domain::parse_goal_area(*area);
      goal.text = r.text("text", {0, 1000, true}, false).value_or("");
      goal.measure = r.text("measure", {0, 1000, true}, false).value_or("");
      goal.target_date = nullable_date(r, o, "targetDate");
      goal.owner_id = r.text("ownerId", kOptionalShortText, false).value_or("");
      opp.goals.push_back(std::move(goal));
    });
  }
  if (const auto* part = object_member(f, body, "actionPart")) {
    FieldReader r(*part, "actionPart.");
    r.share_errors(f.errors());
    r.reject_unknown({"supportOffered", "programmeDeviations", "agreement"});
    opp.action_part.support_offered = r.text("supportOffered", kOptionalLongText, false).value_or("");
    opp.action_part.programme_deviations =
        r.text("programmeDeviations", kOptionalLongText, false).value_or("");
    if (const auto* a = object_member(r, *part, "agreement")) {
      FieldReader ar(*a, "actionPart.agreement.");
      ar.share_errors(f.errors());
      ar.reject_unknown({"givenBy", "signatory", "agreedOn", "how"});
      domain::ParentAgreement agreement;
      agreement.given_by = ar.text("givenBy", kShortText, true).value_or("");
      auto signatory = ar.choice(
          "signatory", [](const std::string& v) { return domain::parse_signatory(v).has_value(); }, true);
      if (signatory) agreement.signatory = *domain::parse_signatory(*signatory);
      agreement.agreed_on = date_member(ar, "agreedOn", true).value_or(domain::Date{});
      auto how = ar.choice(
          "how", [](const std::string& v) { return domain::parse_agreement_method(v).has_value(); }, true);
      if (how) agreement.how = *domain::parse_agreement_method(*how);
      opp.action_part.agreement = agreement;
    }
  }
  if (const auto* h = object_member(f, body, "pupilHearing")) {
    FieldReader r(*h, "pupilHearing.");
    r.share_errors(f.errors());
    r.reject_unknown({"heardOn", "views"});
    const auto heard = date_member(r, "heardOn", true);
    opp.pupil_hearing = domain::PupilHearing{heard.value_or(domain::Date{}),
                                             r.text("views", kOptionalLongText, false).value_or("")};
  }
  return in;
}

std::optional<domain::WeeklySchedule> read_schedule(FieldReader& f, const json::object& o,
                                                    bool from_required) {
  f.reject_unknown({"validFrom", "entries"});
  domain::WeeklySchedule schedule;
  if (auto from = date_member(f, "validFrom", from_required)) schedule.valid_from = *from;
  const auto* entries = f.array("entries", true);
  if (!entries) return std::nullopt;
  if (entries->empty()) f.error(f.path("entries"), "required", "Geef ten minste één plek met uren op.");
  each_object(f, "entries", *entries, [&](FieldReader& r, const json::object& e) {
    r.reject_unknown({"place", "kind", "minutesPerWeek"});
    auto place = r.choice(
        "place", [](const std::string& v) { return domain::parse_place_kind(v).has_value(); }, true);
    auto kind = r.choice(
        "kind", [](const std::string& v) { return domain::parse_activity_kind(v).has_value(); }, true);
    const auto* minutes = e.if_contains("minutesPerWeek");
    if (!minutes || !minutes->is_int64()) {
      r.error(r.path("minutesPerWeek"), minutes ? "invalid-type" : "required",
              "Geef het aantal minuten per week.");
      return;
    }
    if (place && kind) {
      schedule.entries.push_back(
          {*domain::parse_place_kind(*place), *domain::parse_activity_kind(*kind),
           static_cast<int>(std::clamp<std::int64_t>(minutes->get_int64(), -1, 100000))});
    }
  });
  (void)o;
  return schedule;
}

} // namespace

RouteResult get_pupil_opp(Services& s, Call& call) {
  auto view = s.plans->get_opp(call.who(), std::string(call.param("id")), call.ctx);
  if (!view) return core::unexpected(view.error());
  json::array revisions;
  for (const auto& r : view->revisions)
    revisions.push_back(opp_json(r));
  const auto type = domain::parse_school_type(view->school_type);
  const bool applies = !type || domain::opp_applies(*type);
  json::object body{
      {"pupilId", view->pupil_id},
      {"schoolType", view->school_type.empty() ? json::value(nullptr) : json::value(view->school_type)},
      {"oppApplies", applies},
      {"agreementRequired", !type || domain::requires_action_part_agreement(*type)},
      {"current", view->current() ? json::value(opp_json(*view->current())) : json::value(nullptr)},
      {"revisions", std::move(revisions)},
      {"access", json::object{{"canEdit", view->can_edit}}}};
  auto res = json_response(status::ok, body, call.req.version());
  if (view->current()) res.set(field::etag, "\"" + std::to_string(view->current()->opp.version) + "\"");
  return res;
}

RouteResult create_pupil_opp(Services& s, Call& call) {
  auto body = parse_object(call.req.body());
  if (!body) return core::unexpected(body.error());
  FieldReader f(*body);
  auto in = read_opp_content(f, *body);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  in.present.clear(); // a new OPP: every part as sent (absent = empty)
  auto opp = s.plans->create_opp(call.who(), std::string(call.param("id")), std::move(in), call.ctx);
  if (!opp) return core::unexpected(opp.error());
  return opp_response(status::created, *opp, call.req.version());
}

RouteResult patch_opp(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  auto body = parse_object(call.req.body());
  if (!body) return core::unexpected(body.error());
  FieldReader f(*body);
  auto in = read_opp_content(f, *body);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  if (in.present.empty())
    return core::fail(core::ErrorCode::BadRequest, "Stuur ten minste één onderdeel van het OPP.");
  auto opp =
      s.plans->update_draft(call.who(), std::string(call.param("id")), *version, std::move(in), call.ctx);
  if (!opp) return opp_failure(opp.error(), call);
  return opp_response(status::ok, *opp, call.req.version());
}

RouteResult set_opp(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  auto opp = s.plans->set_opp(call.who(), std::string(call.param("id")), *version, call.ctx);
  if (!opp) return opp_failure(opp.error(), call);
  return opp_response(status::ok, *opp, call.req.version());
}

RouteResult revise_opp(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  auto opp = s.plans->revise(call.who(), std::string(call.param("id")), *version, call.ctx);
  if (!opp) return opp_failure(opp.error(), call);
  return opp_response(status::created, *opp, call.req.version());
}

RouteResult list_evaluations(Services& s, Call& call) {
  auto view = s.plans->evaluations(call.who(), std::string(call.param("id")), call.ctx);
  if (!view) return core::unexpected(view.error());
  json::array items;
  for (const auto& e : view->evaluations)
    items.push_back(evaluation_json(e));
  const bool active = view->arrangement.status == domain::ArrangementStatus::Active;
  return json_response(
      status::ok,
      json::object{{"arrangementId", view->arrangement.id},
                   {"nextDue", active ? json::value(domain::to_iso(view->next_due)) : json::value(nullptr)},
                   {"overdue", view->overdue},
                   {"items", std::move(items)},
                   {"access", json::object{{"canRecord", view->can_record}}}},
      call.req.version());
}

RouteResult add_evaluation(Services& s, Call& call) {
  auto body = parse_object(call.req.body());
  if (!body) return core::unexpected(body.error());
  FieldReader f(*body);
  f.reject_unknown(
      {"heldOn", "participants", "goals", "decision", "newPhase", "reason", "nextDate", "schedule"});
  service::NewEvaluation in;
  auto& e = in.evaluation;
  e.held_on = date_member(f, "heldOn", true).value_or(domain::Date{});
  if (const auto* participants = f.array("participants", true)) {
    each_object(f, "participants", *participants, [&](FieldReader& r, const json::object&) {
      r.reject_unknown({"role", "person"});
      auto role = r.choice(
          "role", [](const std::string& v) { return domain::parse_evaluation_role(v).has_value(); }, true);
      auto person = r.text("person", kShortText, true);
      if (role && person) e.participants.push_back({*domain::parse_evaluation_role(*role), *person});
    });
  }
  if (const auto* goals = f.array("goals", false)) {
    each_object(f, "goals", *goals, [&](FieldReader& r, const json::object&) {
      r.reject_unknown({"goalId", "progress", "note"});
      auto goal = r.text("goalId", kCode, true);
      auto progress = r.choice(
          "progress", [](const std::string& v) { return domain::parse_goal_progress(v).has_value(); }, true);
      auto note = r.text("note", kOptionalLongText, false);
      if (goal && progress)
        e.goals.push_back({*goal, *domain::parse_goal_progress(*progress), note.value_or("")});
    });
  }
  auto decision = f.choice(
      "decision", [](const std::string& v) { return domain::parse_evaluation_decision(v).has_value(); },
      true);
  if (decision) e.decision = *domain::parse_evaluation_decision(*decision);
  if (body->contains("newPhase") && !body->at("newPhase").is_null())
    e.new_phase = f.text("newPhase", kCode, true).value_or("");
  e.reason = f.text("reason", kOptionalLongText, false).value_or("");
  e.next_date = nullable_date(f, *body, "nextDate");
  if (const auto* schedule = object_member(f, *body, "schedule")) {
    FieldReader r(*schedule, "schedule.");
    r.share_errors(f.errors());
    in.schedule = read_schedule(r, *schedule, false);
  }
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto recorded =
      s.plans->record_evaluation(call.who(), std::string(call.param("id")), std::move(in), call.ctx);
  if (!recorded) return core::unexpected(recorded.error());
  json::object out{
      {"evaluation", evaluation_json(recorded->record)},
      {"phaseStep", recorded->step ? json::value(phase_step_json(*recorded->step)) : json::value(nullptr)},
      {"schedule",
       recorded->schedule ? json::value(schedule_json(*recorded->schedule)) : json::value(nullptr)}};
  auto res = json_response(status::created, out, call.req.version());
  res.set(field::location, "/api/v1/arrangements/" + std::string(call.param("id")) + "/evaluations");
  return res;
}

RouteResult get_weekly_schedule(Services& s, Call& call) {
  auto view = s.plans->schedule(call.who(), std::string(call.param("id")), call.ctx);
  if (!view) return core::unexpected(view.error());
  return json_response(status::ok, schedule_view_json(*view, today_of(call)), call.req.version());
}

RouteResult put_weekly_schedule(Services& s, Call& call) {
  auto body = parse_object(call.req.body());
  if (!body) return core::unexpected(body.error());
  FieldReader f(*body);
  auto schedule = read_schedule(f, *body, true);
  if (!f.errors().empty() || !schedule) return core::invalid(std::move(f.errors()));
  auto view = s.plans->set_schedule(call.who(), std::string(call.param("id")), *schedule, call.ctx);
  if (!view) return core::unexpected(view.error());
  return json_response(status::ok, schedule_view_json(*view, today_of(call)), call.req.version());
}

} // namespace eenplan::api
