// The thuiszitter register: /homebound-cases, /homebound-candidates, /homebound-overview and the
// inspectie registration /homebound-registration (CSV). Parse and validate, call the service, JSON.
#include <charconv>

#include "api/json_input.hpp"
#include "api/pupil_json.hpp"
#include "api/routes.hpp"
#include "core/ids.hpp"
#include "http/problem.hpp"

namespace eenplan::api {

namespace json = boost::json;
using http::bhttp::field;
using http::bhttp::status;

namespace {

constexpr domain::TextLimit kContactLimit{1, 200, false};
constexpr domain::TextLimit kNoteLimit{0, 4000, true};
constexpr domain::TextLimit kReasonLimit{1, 4000, true};

json::value date_or_null(const std::string& iso) {
  if (iso.empty()) return nullptr;
  return json::value(iso);
}

json::value text_or_null(const std::string& s) {
  if (s.empty()) return nullptr;
  return json::value(s);
}

json::object clock_json(const domain::HomeboundClock& c) {
  return json::object{{"firstDay", domain::to_iso(c.first_day)},
                      {"target", domain::to_iso(c.target)},
                      {"legalDeadline", domain::to_iso(c.legal_deadline)},
                      {"daysElapsed", c.days_elapsed},
                      {"daysToTarget", c.days_to_target},
                      {"daysToDeadline", c.days_to_deadline},
                      {"legalDeadlinePassed", c.legal_deadline_passed},
                      {"status", domain::to_string(c.status)},
                      {"resolvedWithinDeadline", c.resolved_within_deadline}};
}

json::object escalation_json(const store::HomeboundEscalationRecord& e) {
  return json::object{
      {"id", e.id},
      {"forum", e.forum},
      {"escalatedOn", e.escalated_on},
      {"escalatedBy", json::object{{"id", e.escalated_by}, {"displayName", e.escalated_by_name}}},
      {"outcome", e.outcome},
      {"bindingDecision", text_or_null(e.binding_decision)},
      {"recordedAt", e.recorded_at}};
}

json::object case_json(const service::HomeboundCaseView& v, bool with_escalations) {
  const auto& r = v.record;
  json::object o{
      {"id", r.id},
      {"version", r.version},
      {"pupil", json::object{{"id", r.pupil_id},
                             {"givenName", r.pupil_given_name},
                             {"familyName", r.pupil_family_name},
                             {"status", r.pupil_status},
                             {"enrolmentSchool", organisation_ref(r.enrolment_school)},
                             {"homeSchool", organisation_ref(r.home_school)},
                             {"municipality", organisation_ref(r.municipality)}}},
      {"category", r.category},
      {"subcategory", text_or_null(v.subcategory)},
      {"exemptionKind", text_or_null(r.exemption_kind)},
      {"source", r.source},
      {"offer", r.offer},
      {"offerNote", r.offer_note},
      {"contactName", r.contact_name},
      {"reviewOn", date_or_null(r.review_on)},
      {"reviewOverdue", v.review_overdue},
      {"state", r.state},
      {"closedOn", date_or_null(r.closed_on)},
      {"closeReason", text_or_null(r.close_reason)},
      {"closeNote", r.close_note},
      {"durationBand", v.duration_band},
      {"clock", clock_json(v.clock)},
      {"registeredBy", json::object{{"id", r.registered_by}, {"displayName", r.registered_by_name}}},
      {"registeredAt", r.registered_at},
      {"updatedAt", r.updated_at},
  };
  if (with_escalations) {
    json::array items;
    for (const auto& e : v.escalations)
      items.push_back(escalation_json(e));
    o["escalations"] = std::move(items);
  }
  return o;
}

http::Response case_response(status code, const service::HomeboundCaseView& v, unsigned version) {
  auto res = json_response(code, case_json(v, true), version);
  res.set(field::etag, "\"" + std::to_string(v.record.version) + "\"");
  return res;
}

RouteResult conflict_or(const core::Error& error, const Call& call) {
  if (error.code == core::ErrorCode::VersionConflict) {
    const auto& current = std::any_cast<const service::HomeboundCaseView&>(error.current);
    auto res = http::problem_response(error, call.ctx.request_id, call.req.version(),
                                      json::object{{"current", case_json(current, true)}});
    res.set(field::etag, "\"" + std::to_string(current.record.version) + "\"");
    return res;
  }
  return core::unexpected(error);
}

std::optional<domain::Date> date_field(FieldReader& f, std::string_view name, bool required) {
  auto text = f.text(name, {1, 64, false}, required);
  if (!text) return std::nullopt;
  auto date = domain::parse_iso_date(*text);
  if (!date) f.error(std::string(name), "invalid-date", "Geen geldige datum (JJJJ-MM-DD).");
  return date;
}

template <typename Parse> auto enum_field(FieldReader& f, std::string_view name, Parse parse, bool required) {
  auto text = f.choice(
      name, [&](const std::string& s) { return parse(s).has_value(); }, required);
  return text ? parse(*text) : decltype(parse(std::string_view{})){};
}

bool is_null(const json::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  return v && v->is_null();
}

} // namespace

RouteResult list_homebound_cases(Services& s, Call& call) {
  auto query = query_params(call.req);
  if (!query) return core::unexpected(query.error());
  service::HomeboundFilter filter;
  filter.category = (*query)["category"];
  filter.clock_status = (*query)["clockStatus"];
  filter.state = (*query).contains("state") ? (*query)["state"] : "open";
  filter.school_id = (*query)["schoolId"];
  if (!filter.category.empty() && !domain::parse_homebound_category(filter.category))
    return core::fail(core::ErrorCode::BadRequest, "Onbekende categorie: " + filter.category);
  if (!filter.clock_status.empty() && !domain::parse_clock_status(filter.clock_status))
    return core::fail(core::ErrorCode::BadRequest, "Onbekende klokstatus: " + filter.clock_status);
  if (filter.state == "all")
    filter.state.clear();
  else if (!domain::parse_case_state(filter.state))
    return core::fail(core::ErrorCode::BadRequest, "Onbekende stand: " + filter.state);
  if (!filter.school_id.empty() && !core::is_uuid(filter.school_id))
    return core::fail(core::ErrorCode::BadRequest, "Parameter 'schoolId' is geen geldige id.");
  auto result = s.homebound.list(call.who(), filter, call.ctx);
  if (!result) return core::unexpected(result.error());
  json::array items;
  for (const auto& v : *result)
    items.push_back(case_json(v, false));
  auto settings = s.homebound.settings(call.who());
  if (!settings) return core::unexpected(settings.error());
  const auto& cfg = settings->current.config;
  return json_response(
      status::ok,
      json::object{{"items", std::move(items)},
                   {"total", result->size()},
                   {"settings", json::object{{"targetWeeks", cfg.target_weeks},
                                             {"atRiskWeeks", cfg.at_risk_weeks},
                                             {"legalDeadlineWeeks", domain::kLegalDeadlineWeeks},
                                             {"relativeThresholdWeeks", cfg.relative_threshold_weeks}}}},
      call.req.version());
}

RouteResult get_homebound_case(Services& s, Call& call) {
  auto view = s.homebound.get(call.who(), std::string(call.param("id")), call.ctx);
  if (!view) return core::unexpected(view.error());
  return case_response(status::ok, *view, call.req.version());
}

RouteResult create_homebound_case(Services& s, Call& call) {
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"pupilId", "category", "firstDay", "exemptionKind", "contactName", "reviewOn", "offer",
                    "offerNote", "source"});
  service::NewHomeboundCase input;
  auto pupil = f.text("pupilId", {1, 64, false}, true);
  if (pupil && !core::is_uuid(*pupil)) f.error("pupilId", "invalid-value", "Geen geldige id.");
  auto category = enum_field(f, "category", domain::parse_homebound_category, true);
  auto first_day = date_field(f, "firstDay", true);
  if (!is_null(*object, "exemptionKind"))
    input.exemption_kind = enum_field(f, "exemptionKind", domain::parse_exemption_kind, false);
  if (auto c = f.text("contactName", {0, 200, false}, false)) input.contact_name = *c;
  if (!is_null(*object, "reviewOn")) input.review_on = date_field(f, "reviewOn", false);
  if (auto o = enum_field(f, "offer", domain::parse_offer_kind, false)) input.offer = *o;
  if (auto n = f.text("offerNote", kNoteLimit, false)) input.offer_note = *n;
  auto source = f.choice(
      "source", [](const std::string& v) { return v == "manual" || v == "detected"; }, false);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  input.pupil_id = *pupil;
  input.category = *category;
  input.first_day = *first_day;
  input.detected = source && *source == "detected";
  auto view = s.homebound.register_case(call.who(), input, call.ctx);
  if (!view) return core::unexpected(view.error());
  auto res = case_response(status::created, *view, call.req.version());
  res.set(field::location, "/api/v1/homebound-cases/" + view->record.id);
  return res;
}

RouteResult patch_homebound_case(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"category", "exemptionKind", "contactName", "reviewOn", "offer", "offerNote"});
  service::HomeboundCasePatch change;
  change.category = enum_field(f, "category", domain::parse_homebound_category, false);
  if (is_null(*object, "exemptionKind")) {
    change.exemption_kind = std::optional<domain::ExemptionKind>{};
  } else if (auto k = enum_field(f, "exemptionKind", domain::parse_exemption_kind, false)) {
    change.exemption_kind = k;
  }
  if (auto c = f.text("contactName", {0, 200, false}, false)) change.contact_name = *c;
  if (is_null(*object, "reviewOn")) {
    change.review_on = std::optional<domain::Date>{};
  } else if (auto d = date_field(f, "reviewOn", false)) {
    change.review_on = d;
  }
  change.offer = enum_field(f, "offer", domain::parse_offer_kind, false);
  change.offer_note = f.text("offerNote", kNoteLimit, false);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto view = s.homebound.patch(call.who(), std::string(call.param("id")), *version, change, call.ctx);
  if (!view) return conflict_or(view.error(), call);
  return case_response(status::ok, *view, call.req.version());
}

RouteResult close_homebound_case(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"closedOn", "reason", "placement"});
  auto closed_on = date_field(f, "closedOn", true);
  auto reason = enum_field(f, "reason", domain::parse_close_reason, true);
  auto placement = f.text("placement", {0, 400, false}, false);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  service::HomeboundClosure closure{*closed_on, *reason, placement.value_or("")};
  auto view = s.homebound.close(call.who(), std::string(call.param("id")), *version, closure, call.ctx);
  if (!view) return conflict_or(view.error(), call);
  return case_response(status::ok, *view, call.req.version());
}

RouteResult add_homebound_escalation(Services& s, Call& call) {
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"forum", "escalatedOn", "outcome", "bindingDecision"});
  auto forum = enum_field(f, "forum", domain::parse_escalation_forum, true);
  auto on = date_field(f, "escalatedOn", true);
  auto outcome = f.text("outcome", kNoteLimit, false);
  auto binding = f.text("bindingDecision", {0, 4000, true}, false);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  service::NewEscalation input{*forum, *on, outcome.value_or(""), binding.value_or("")};
  auto view = s.homebound.escalate(call.who(), std::string(call.param("id")), input, call.ctx);
  if (!view) return core::unexpected(view.error());
  return case_response(status::created, *view, call.req.version());
}

RouteResult list_homebound_candidates(Services& s, Call& call) {
  auto result = s.homebound.candidates(call.who(), call.ctx);
  if (!result) return core::unexpected(result.error());
  json::array items;
  for (const auto& c : *result) {
    items.push_back(json::object{{"pupil", json::object{{"id", c.pupil_id},
                                                        {"givenName", c.given_name},
                                                        {"familyName", c.family_name},
                                                        {"enrolmentSchool", organisation_ref(c.school)}}},
                                 {"suggestedCategory", domain::to_string(c.candidate.suggested)},
                                 {"firstDay", domain::to_iso(c.candidate.first_day)},
                                 {"lastDay", domain::to_iso(c.candidate.last_day)},
                                 {"schoolDays", c.candidate.school_days},
                                 {"weeksAbsent", c.candidate.weeks_absent}});
  }
  return json_response(status::ok, json::object{{"items", std::move(items)}}, call.req.version());
}

RouteResult dismiss_homebound_candidate(Services& s, Call& call) {
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"pupilId", "firstDay", "reason"});
  auto pupil = f.text("pupilId", {1, 64, false}, true);
  if (pupil && !core::is_uuid(*pupil)) f.error("pupilId", "invalid-value", "Geen geldige id.");
  auto first_day = date_field(f, "firstDay", true);
  auto reason = f.text("reason", kReasonLimit, true);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto view = s.homebound.dismiss_candidate(call.who(), {*pupil, *first_day, *reason}, call.ctx);
  if (!view) return core::unexpected(view.error());
  auto res = case_response(status::created, *view, call.req.version());
  res.set(field::location, "/api/v1/homebound-cases/" + view->record.id);
  return res;
}

RouteResult homebound_overview(Services& s, Call& call) {
  auto o = s.homebound.overview(call.who(), call.ctx);
  if (!o) return core::unexpected(o.error());
  auto counts = [](const std::vector<service::HomeboundOverview::Count>& cs) {
    json::array a;
    for (const auto& c : cs)
      a.push_back(json::object{{"key", c.key}, {"count", c.value}});
    return a;
  };
  json::array months;
  for (const auto& m : o->months)
    months.push_back(json::object{{"month", m.month}, {"started", m.started}, {"resolved", m.resolved}});
  return json_response(status::ok,
                       json::object{{"today", o->today},
                                    {"openByCategory", counts(o->open_by_category)},
                                    {"openByDurationBand", counts(o->open_by_band)},
                                    {"months", std::move(months)},
                                    {"resolvedTotal", o->resolved_total},
                                    {"resolvedWithinDeadline", o->resolved_within_deadline}},
                       call.req.version());
}

RouteResult homebound_registration_csv(Services& s, Call& call) {
  auto query = query_params(call.req);
  if (!query) return core::unexpected(query.error());
  const auto today = *domain::parse_iso_date(core::local_date_iso(call.ctx.now));
  int year = today.year;
  int quarter = (today.month - 1) / 3 + 1;
  if (query->contains("quarter")) {
    const std::string q = (*query)["quarter"];
    // "2026-Q4"
    if (q.size() != 7 || q[4] != '-' || q[5] != 'Q' || q[6] < '1' || q[6] > '4' ||
        !std::all_of(q.begin(), q.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
      return core::fail(core::ErrorCode::BadRequest,
                        "Parameter 'quarter' moet de vorm JJJJ-Qn hebben, bijv. 2026-Q4.");
    }
    year = std::stoi(q.substr(0, 4));
    quarter = q[6] - '0';
    if (year < 2000 || year > 2100)
      return core::fail(core::ErrorCode::BadRequest, "Parameter 'quarter' ligt buiten het bereik.");
  }
  auto rows = s.homebound.inspection_rows(call.who(), year, quarter, call.ctx);
  if (!rows) return core::unexpected(rows.error());
  // No names, no dates of birth, no pupil numbers: the row key is all that identifies a row.
  std::string csv = "rijsleutel;categorie;subcategorie;vrijstelling;eerste_dag;duur;schoolsoort;aanbod;stand;"
                    "klokstatus;afgesloten_op;reden_afsluiting\r\n";
  for (const auto& r : *rows) {
    for (const auto* v :
         {&r.row_key, &r.category, &r.subcategory, &r.exemption_kind, &r.first_day, &r.duration_band,
          &r.school_type, &r.offer, &r.state, &r.clock_status, &r.closed_on}) {
      csv += *v;
      csv += ';';
    }
    csv += r.close_reason;
    csv += "\r\n";
  }
  http::Response res{status::ok, call.req.version()};
  res.set(field::content_type, "text/csv; charset=utf-8");
  res.set(field::content_disposition, "attachment; filename=\"thuiszittersregistratie-" +
                                          std::to_string(year) + "-Q" + std::to_string(quarter) + ".csv\"");
  res.body() = std::move(csv);
  res.prepare_payload();
  return res;
}

RouteResult absence_trends(Services& s, Call& call) {
  auto query = query_params(call.req);
  if (!query) return core::unexpected(query.error());
  const std::string school_id = (*query)["schoolId"];
  if (!school_id.empty() && !core::is_uuid(school_id))
    return core::fail(core::ErrorCode::BadRequest, "Parameter 'schoolId' is geen geldige id.");
  auto trends = s.homebound.absence_trends(call.who(), school_id, call.ctx);
  if (!trends) return core::unexpected(trends.error());
  json::array schools;
  for (const auto& school : trends->schools)
    schools.push_back(organisation_ref(school));
  json::array rows;
  for (const auto& r : trends->rows) {
    rows.push_back(
        json::object{{"quarter", r.quarter},
                     {"level", r.level},
                     {"yearGroup", r.year_group > 0 ? json::value(r.year_group) : json::value(nullptr)},
                     {"enrolledPupils", r.enrolled_pupils},
                     {"unauthorisedHours", r.unauthorised_hours},
                     {"sickHours", r.sick_hours},
                     {"late", r.late},
                     {"otherHours", r.other_hours}});
  }
  return json_response(status::ok,
                       json::object{{"school", organisation_ref(trends->school)},
                                    {"schools", std::move(schools)},
                                    {"rows", std::move(rows)}},
                       call.req.version());
}

// ---- the region's settings ----------------------------------------------------------------

namespace {

json::object settings_version_json(const store::HomeboundSettingsRecord& r) {
  const auto& c = r.config;
  json::object o{{"version", r.version},
                 {"targetWeeks", c.target_weeks},
                 {"atRiskWeeks", c.at_risk_weeks},
                 {"relativeThresholdWeeks", c.relative_threshold_weeks},
                 {"threateningWeeks", c.threatening_weeks},
                 {"minUnauthorisedHours", c.min_unauthorised_hours},
                 {"dataLagSchoolDays", c.data_lag_school_days},
                 {"reason", text_or_null(r.reason)},
                 {"changedAt", text_or_null(r.changed_at)}};
  if (r.changed_by.empty())
    o["changedBy"] = nullptr;
  else
    o["changedBy"] = json::object{{"id", r.changed_by}, {"displayName", r.changed_by_name}};
  return o;
}

json::object settings_json(const service::HomeboundSettingsView& v) {
  auto o = settings_version_json(v.current);
  o["legalDeadlineWeeks"] = domain::kLegalDeadlineWeeks;
  o["mayEdit"] = v.may_edit;
  json::array history;
  for (const auto& h : v.history)
    history.push_back(settings_version_json(h));
  o["history"] = std::move(history);
  return o;
}

http::Response settings_response(const service::HomeboundSettingsView& v, unsigned version) {
  auto res = json_response(status::ok, settings_json(v), version);
  res.set(field::etag, "\"" + std::to_string(v.current.version) + "\"");
  return res;
}

std::optional<int> whole_number(FieldReader& f, const json::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  if (!v) {
    f.error(f.path(name), "required", "Dit veld is verplicht.");
    return std::nullopt;
  }
  if (!v->is_int64() || v->as_int64() < -1000 || v->as_int64() > 1000) {
    f.error(f.path(name), "invalid-type", "Verwacht een geheel getal.");
    return std::nullopt;
  }
  return static_cast<int>(v->as_int64());
}

} // namespace

RouteResult get_homebound_settings(Services& s, Call& call) {
  auto view = s.homebound.settings(call.who());
  if (!view) return core::unexpected(view.error());
  return settings_response(*view, call.req.version());
}

RouteResult put_homebound_settings(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"targetWeeks", "atRiskWeeks", "relativeThresholdWeeks", "threateningWeeks",
                    "minUnauthorisedHours", "dataLagSchoolDays", "reason"});
  service::HomeboundSettingsChange change;
  auto& c = change.config;
  const std::pair<std::string_view, int*> numbers[] = {
      {"targetWeeks", &c.target_weeks},
      {"atRiskWeeks", &c.at_risk_weeks},
      {"relativeThresholdWeeks", &c.relative_threshold_weeks},
      {"threateningWeeks", &c.threatening_weeks},
      {"minUnauthorisedHours", &c.min_unauthorised_hours},
      {"dataLagSchoolDays", &c.data_lag_school_days}};
  for (const auto& [name, target] : numbers) {
    if (auto n = whole_number(f, *object, name)) *target = *n;
  }
  if (auto reason = f.text("reason", kReasonLimit, true)) change.reason = *reason;
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto view = s.homebound.change_settings(call.who(), *version, change, call.ctx);
  if (!view) {
    const auto& error = view.error();
    if (error.code == core::ErrorCode::VersionConflict && error.current.has_value()) {
      const auto& current = std::any_cast<const service::HomeboundSettingsView&>(error.current);
      auto res = http::problem_response(error, call.ctx.request_id, call.req.version(),
                                        json::object{{"current", settings_json(current)}});
      res.set(field::etag, "\"" + std::to_string(current.current.version) + "\"");
      return res;
    }
    return core::unexpected(error);
  }
  return settings_response(*view, call.req.version());
}

} // namespace eenplan::api
