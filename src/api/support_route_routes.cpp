// The school support route of a pupil (ondersteuningsroute) and the JES meetings of a school.
// Parse and validate → SupportRouteService → JSON. All field problems are reported at once (422).
#include <charconv>

#include "api/json_input.hpp"
#include "api/routes.hpp"
#include "core/ids.hpp"
#include "domain/dates.hpp"
#include "domain/support_route.hpp"
#include "http/problem.hpp"
#include "service/support_route_service.hpp"

namespace eenplan::api {

namespace json = boost::json;
using http::bhttp::field;
using http::bhttp::status;

namespace {

constexpr domain::TextLimit kShortText{1, 200, false};
constexpr domain::TextLimit kLongText{1, 4000, true};
constexpr domain::TextLimit kOptionalLongText{0, 4000, true};
constexpr std::size_t kMaxListItems = 30;

json::object person(const std::string& id, const std::string& name) {
  return json::object{{"id", id}, {"displayName", name}};
}

json::array strings(const std::vector<std::string>& list) {
  json::array out;
  for (const auto& s : list)
    out.push_back(json::string(s));
  return out;
}

json::object step_json(const store::RouteStepRecord& s) {
  return json::object{{"id", s.id},
                      {"kind", s.kind},
                      {"date", s.date},
                      {"description", s.description},
                      {"performedBy", s.performed_by},
                      {"recordedBy", person(s.recorded_by, s.recorded_by_name)},
                      {"recordedAt", s.recorded_at}};
}

json::object concern_json(const store::ConcernRecord& c) {
  return json::object{{"id", c.id},
                      {"date", c.date},
                      {"question", c.question},
                      {"tried", c.tried},
                      {"skipReason", c.skip_reason},
                      {"status", c.status},
                      {"reportedBy", person(c.reported_by, c.reported_by_name)},
                      {"reportedAt", c.reported_at}};
}

json::object discussion_json(const store::DiscussionRecord& d) {
  json::array items;
  for (const auto& a : d.action_items) {
    items.push_back(
        json::object{{"id", a.id}, {"description", a.description}, {"owner", a.owner}, {"dueOn", a.due_on}});
  }
  return json::object{{"id", d.id},
                      {"concernId", d.concern_id},
                      {"date", d.date},
                      {"participants", strings(d.participants)},
                      {"outcome", d.outcome},
                      {"decision", d.decision},
                      {"actionItems", std::move(items)},
                      {"recordedBy", person(d.recorded_by, d.recorded_by_name)},
                      {"recordedAt", d.recorded_at}};
}

json::object parent_contact_json(const store::ParentContactRecord& c) {
  return json::object{{"id", c.id},
                      {"date", c.date},
                      {"topic", c.topic},
                      {"method", c.method},
                      {"informedBy", c.informed_by},
                      {"summary", c.summary},
                      {"recordedBy", person(c.recorded_by, c.recorded_by_name)},
                      {"recordedAt", c.recorded_at}};
}

json::object referral_json(const store::ReferralRecord& r) {
  return json::object{{"id", r.id},
                      {"meetingId", r.meeting_id},
                      {"meetingDate", r.meeting_date},
                      {"reason", r.reason},
                      {"question", r.question},
                      {"parentContactId", r.parent_contact_id},
                      {"status", r.status},
                      {"outcome", r.outcome},
                      {"referredBy", person(r.referred_by, r.referred_by_name)},
                      {"referredAt", r.referred_at},
                      {"version", r.version}};
}

json::object route_json(const service::SupportRouteView& v) {
  json::array steps, concerns, discussions, contacts, referrals;
  for (const auto& s : v.route.steps)
    steps.push_back(step_json(s));
  for (const auto& c : v.route.concerns)
    concerns.push_back(concern_json(c));
  for (const auto& d : v.route.discussions)
    discussions.push_back(discussion_json(d));
  for (const auto& c : v.route.parent_contacts)
    contacts.push_back(parent_contact_json(c));
  for (const auto& r : v.route.referrals)
    referrals.push_back(referral_json(r));
  return json::object{{"pupilId", v.pupil_id},
                      {"stage", domain::to_string(v.stage)},
                      {"preventiveConversations", json::object{{"used", v.preventive_conversations},
                                                               {"max", domain::kMaxPreventiveConversations}}},
                      {"access", json::object{{"canRecord", v.can_record}, {"canDecide", v.can_decide}}},
                      {"steps", std::move(steps)},
                      {"concerns", std::move(concerns)},
                      {"careTeamDiscussions", std::move(discussions)},
                      {"parentContacts", std::move(contacts)},
                      {"jesReferrals", std::move(referrals)}};
}

json::object meeting_json(const store::MeetingRecord& m) {
  return json::object{{"id", m.id},          {"schoolId", m.school_id}, {"kind", m.kind},
                      {"date", m.date},      {"location", m.location},  {"members", strings(m.members)},
                      {"version", m.version}};
}

/// A required date field, YYYY-MM-DD.
std::optional<std::string> date_field(FieldReader& f, std::string_view name) {
  const auto text = f.text(name, {1, 64, false}, true);
  if (!text) return std::nullopt;
  auto parsed = domain::parse_iso_date(*text);
  if (!parsed) {
    f.error(f.path(name), "invalid-date", "Geen geldige datum (JJJJ-MM-DD).");
    return std::nullopt;
  }
  return domain::to_iso(*parsed);
}

/// A list of short texts (participants, members): 1..kMaxListItems entries, each 1..200 code points.
std::optional<std::vector<std::string>> name_list(FieldReader& f, std::string_view name, bool required) {
  const auto* list = f.array(name, required);
  if (!list) return std::nullopt;
  if (list->empty() || list->size() > kMaxListItems) {
    f.error(f.path(name), list->empty() ? "required" : "out-of-range",
            list->empty() ? "Noem ten minste één persoon." : "Maximaal 30 namen.");
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string at = f.path(name) + "[" + std::to_string(i) + "]";
    const auto& v = (*list)[i];
    if (!v.is_string()) {
      f.error(at, "invalid-type", "Dit veld moet tekst zijn.");
      ok = false;
      continue;
    }
    std::string text(v.as_string());
    if (auto problem = domain::check_text(text, kShortText)) {
      f.error(at, std::string(domain::to_string(*problem)), reason_for(*problem, kShortText));
      ok = false;
      continue;
    }
    out.push_back(std::move(text));
  }
  if (!ok) return std::nullopt;
  return out;
}

core::Result<json::object> body_of(const Call& call) {
  return parse_object(call.req.body());
}

RouteResult created(const json::object& body, const std::string& location, unsigned version) {
  auto res = json_response(status::created, body, version);
  res.set(field::location, location);
  return res;
}

std::string route_path(const Call& call) {
  return "/api/v1/pupils/" + std::string(call.param("id")) + "/support-route";
}

} // namespace

RouteResult get_support_route(Services& s, Call& call) {
  auto view = s.support_route->get(call.who(), std::string(call.param("id")), call.ctx);
  if (!view) return core::unexpected(view.error());
  return json_response(status::ok, route_json(*view), call.req.version());
}

RouteResult add_support_route_step(Services& s, Call& call) {
  auto body = body_of(call);
  if (!body) return core::unexpected(body.error());
  FieldReader f(*body);
  f.reject_unknown({"kind", "date", "description", "performedBy"});
  service::NewRouteStep in;
  auto kind = f.choice(
      "kind", [](const std::string& v) { return domain::parse_basic_support_kind(v).has_value(); }, true);
  auto date = date_field(f, "date");
  auto description = f.text("description", kLongText, true);
  auto performed_by = f.text("performedBy", kShortText, true);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  in = {*kind, *date, *description, *performed_by};
  auto step = s.support_route->add_step(call.who(), std::string(call.param("id")), in, call.ctx);
  if (!step) return core::unexpected(step.error());
  return created(step_json(*step), route_path(call) + "/steps/" + step->id, call.req.version());
}

RouteResult add_support_concern(Services& s, Call& call) {
  auto body = body_of(call);
  if (!body) return core::unexpected(body.error());
  FieldReader f(*body);
  f.reject_unknown({"date", "question", "tried", "skipReason"});
  auto date = date_field(f, "date");
  auto question = f.text("question", kLongText, true);
  auto tried = f.text("tried", kLongText, true);
  auto skip = f.text("skipReason", kOptionalLongText, false);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  service::NewConcern in{*date, *question, *tried, skip.value_or("")};
  auto concern = s.support_route->add_concern(call.who(), std::string(call.param("id")), in, call.ctx);
  if (!concern) return core::unexpected(concern.error());
  return created(concern_json(*concern), route_path(call) + "/concerns/" + concern->id, call.req.version());
}

RouteResult add_care_team_discussion(Services& s, Call& call) {
  auto body = body_of(call);
  if (!body) return core::unexpected(body.error());
  FieldReader f(*body);
  f.reject_unknown({"concernId", "date", "participants", "outcome", "decision", "actionItems"});
  service::NewDiscussion in;
  auto concern = f.text("concernId", {1, 64, false}, true);
  if (concern && !core::is_uuid(*concern)) f.error("concernId", "invalid-value", "Geen geldige id.");
  auto date = date_field(f, "date");
  auto participants = name_list(f, "participants", true);
  auto outcome = f.text("outcome", kLongText, true);
  auto decision = f.choice(
      "decision", [](const std::string& v) { return domain::parse_care_team_decision(v).has_value(); }, true);
  if (const auto* items = f.array("actionItems", false)) {
    if (items->size() > kMaxListItems) f.error("actionItems", "out-of-range", "Maximaal 30 acties.");
    for (std::size_t i = 0; i < items->size() && i < kMaxListItems; ++i) {
      const std::string prefix = "actionItems[" + std::to_string(i) + "].";
      if (!(*items)[i].is_object()) {
        f.error("actionItems[" + std::to_string(i) + "]", "invalid-type", "Elke actie is een object.");
        continue;
      }
      FieldReader item((*items)[i].as_object(), prefix);
      item.share_errors(f.errors());
      item.reject_unknown({"description", "owner", "dueOn"});
      auto descr = item.text("description", {1, 2000, true}, true);
      auto owner = item.text("owner", kShortText, true);
      auto due = date_field(item, "dueOn");
      if (descr && owner && due) in.action_items.push_back({"", *descr, *owner, *due});
    }
  }
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  in.concern_id = *concern;
  in.date = *date;
  in.participants = *participants;
  in.outcome = *outcome;
  in.decision = *decision;
  auto d = s.support_route->add_discussion(call.who(), std::string(call.param("id")), in, call.ctx);
  if (!d) return core::unexpected(d.error());
  return created(discussion_json(*d), route_path(call) + "/care-team-discussions/" + d->id,
                 call.req.version());
}

RouteResult add_parent_contact(Services& s, Call& call) {
  auto body = body_of(call);
  if (!body) return core::unexpected(body.error());
  FieldReader f(*body);
  f.reject_unknown({"date", "topic", "method", "informedBy", "summary"});
  auto date = date_field(f, "date");
  auto topic = f.choice(
      "topic", [](const std::string& v) { return domain::parse_parent_topic(v).has_value(); }, true);
  auto method = f.choice(
      "method", [](const std::string& v) { return domain::parse_contact_method(v).has_value(); }, true);
  auto informed_by = f.text("informedBy", kShortText, true);
  auto summary = f.text("summary", kOptionalLongText, false);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  service::NewParentContact in{*date, *topic, *method, *informed_by, summary.value_or("")};
  auto c = s.support_route->add_parent_contact(call.who(), std::string(call.param("id")), in, call.ctx);
  if (!c) return core::unexpected(c.error());
  return created(parent_contact_json(*c), route_path(call) + "/parent-contacts/" + c->id, call.req.version());
}

RouteResult add_jes_referral(Services& s, Call& call) {
  auto body = body_of(call);
  if (!body) return core::unexpected(body.error());
  FieldReader f(*body);
  f.reject_unknown({"meetingId", "reason", "question"});
  auto meeting = f.text("meetingId", {1, 64, false}, true);
  if (meeting && !core::is_uuid(*meeting)) f.error("meetingId", "invalid-value", "Geen geldige id.");
  auto reason = f.choice(
      "reason", [](const std::string& v) { return domain::parse_jes_reason(v).has_value(); }, true);
  auto question = f.text("question", kLongText, true);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  service::NewReferral in{*meeting, *reason, *question};
  auto r = s.support_route->add_referral(call.who(), std::string(call.param("id")), in, call.ctx);
  if (!r) return core::unexpected(r.error());
  auto res = json_response(status::created, referral_json(*r), call.req.version());
  res.set(field::location, route_path(call) + "/jes-referrals/" + r->id);
  res.set(field::etag, "\"" + std::to_string(r->version) + "\"");
  return res;
}

RouteResult update_jes_referral(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  auto body = body_of(call);
  if (!body) return core::unexpected(body.error());
  FieldReader f(*body);
  f.reject_unknown({"outcome"});
  auto outcome = f.text("outcome", kLongText, true);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto r = s.support_route->set_referral_outcome(call.who(), std::string(call.param("id")),
                                                 std::string(call.param("referralId")), *version, *outcome,
                                                 call.ctx);
  if (!r) {
    if (r.error().code == core::ErrorCode::VersionConflict) {
      const auto& current = std::any_cast<const store::ReferralRecord&>(r.error().current);
      auto res = http::problem_response(r.error(), call.ctx.request_id, call.req.version(),
                                        json::object{{"current", referral_json(current)}});
      res.set(field::etag, "\"" + std::to_string(current.version) + "\"");
      return res;
    }
    return core::unexpected(r.error());
  }
  auto res = json_response(status::ok, referral_json(*r), call.req.version());
  res.set(field::etag, "\"" + std::to_string(r->version) + "\"");
  return res;
}

RouteResult list_support_meetings(Services& s, Call& call) {
  auto query = query_params(call.req);
  if (!query) return core::unexpected(query.error());
  bool include_past = false;
  if (auto it = query->find("includePast"); it != query->end()) {
    if (it->second != "true" && it->second != "false") {
      return core::fail(core::ErrorCode::BadRequest, "Parameter 'includePast' moet true of false zijn.");
    }
    include_past = it->second == "true";
  }
  auto view = s.support_route->meetings(call.who(), std::string(call.param("id")), include_past, call.ctx);
  if (!view) return core::unexpected(view.error());
  json::array items;
  for (const auto& m : view->meetings) {
    json::object o = meeting_json(m.meeting);
    json::array agenda;
    for (const auto& r : m.agenda) {
      agenda.push_back(json::object{{"referralId", r.id},
                                    {"pupil", json::object{{"id", r.pupil_id},
                                                           {"givenName", r.pupil_given_name},
                                                           {"familyName", r.pupil_family_name},
                                                           {"schoolPupilNumber", r.pupil_number}}},
                                    {"reason", r.reason},
                                    {"question", r.question},
                                    {"status", r.status}});
    }
    o["agenda"] = std::move(agenda);
    o["hiddenCases"] = m.hidden_cases;
    items.push_back(std::move(o));
  }
  return json_response(status::ok,
                       json::object{{"items", std::move(items)},
                                    {"plannedThisSchoolYear", view->planned_this_school_year},
                                    {"minimumPerSchoolYear", domain::kMinJesMeetingsPerSchoolYear},
                                    {"shortOfMinimum", view->short_of_minimum}},
                       call.req.version());
}

RouteResult add_support_meeting(Services& s, Call& call) {
  auto body = body_of(call);
  if (!body) return core::unexpected(body.error());
  FieldReader f(*body);
  f.reject_unknown({"date", "location", "members"});
  auto date = date_field(f, "date");
  auto location = f.text("location", {0, 200, false}, false);
  auto members = name_list(f, "members", true);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  service::NewMeeting in{*date, location.value_or(""), *members};
  auto m = s.support_route->add_meeting(call.who(), std::string(call.param("id")), in, call.ctx);
  if (!m) return core::unexpected(m.error());
  json::object o = meeting_json(*m);
  o["agenda"] = json::array{};
  o["hiddenCases"] = 0;
  return created(o, "/api/v1/schools/" + std::string(call.param("id")) + "/support-meetings/" + m->id,
                 call.req.version());
}

RouteResult list_school_route_pupils(Services& s, Call& call) {
  auto entries = s.support_route->school_pupils(call.who(), std::string(call.param("id")), call.ctx);
  if (!entries) return core::unexpected(entries.error());
  json::array items;
  for (const auto& e : *entries) {
    json::value next = nullptr;
    if (!e.next_meeting_id.empty())
      next = json::object{{"id", e.next_meeting_id}, {"date", e.next_meeting_date}};
    json::value concern = nullptr;
    if (!e.open_concern_date.empty()) concern = json::string(e.open_concern_date);
    items.push_back(json::object{{"pupil", json::object{{"id", e.pupil.id},
                                                        {"givenName", e.pupil.given_name},
                                                        {"familyName", e.pupil.family_name},
                                                        {"schoolPupilNumber", e.pupil.school_pupil_number}}},
                                 {"stage", domain::to_string(e.stage)},
                                 {"openConcernDate", std::move(concern)},
                                 {"nextJesMeeting", std::move(next)}});
  }
  return json_response(status::ok, json::object{{"items", std::move(items)}}, call.req.version());
}

} // namespace eenplan::api
