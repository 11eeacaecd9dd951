// Verzuim: absence imports and registration, escalation signals, the school's protocol and the
// protocol exemption. Parse and validate, call AbsenceService, answer JSON.
#include <charconv>
#include <set>
#include <spanstream>

#include "api/json_input.hpp"
#include "api/routes.hpp"
#include "core/ids.hpp"
#include "domain/dates.hpp"
#include "http/problem.hpp"
#include "store/absence_store.hpp"

namespace eenplan::api {

namespace json = boost::json;
using http::bhttp::field;
using http::bhttp::status;

namespace {

json::object signal_json(const store::SignalRecord& s) {
  json::array evidence;
  for (const auto& key : store::parse_evidence_json(s.evidence)) {
    evidence.push_back(json::object{{"date", domain::to_iso(key.date)}, {"lessonHour", key.lesson_hour}});
  }
  return json::object{{"id", s.id},
                      {"rule", s.rule_code},
                      {"occurrence", s.occurrence},
                      {"schoolYear", s.school_year},
                      {"firedOn", s.fired_on},
                      {"recipient", s.recipient},
                      {"evidence", std::move(evidence)},
                      {"createdAt", s.created_at}};
}

json::object absence_json(const store::AbsenceRecord& a) {
  return json::object{{"date", a.date},
                      {"lessonHour", a.lesson_hour},
                      {"kind", a.kind},
                      {"markedLuxe", a.marked_luxe},
                      {"remark", a.remark},
                      {"source", a.import_id.empty() ? "manual" : "import"},
                      {"recordedAt", a.recorded_at}};
}

json::object protocol_json(const service::ProtocolView& view) {
  json::array rules;
  for (const auto& r : view.rules) {
    json::object rule{{"code", r.rule.code},           {"kind", domain::to_string(r.rule.kind)},
                      {"threshold", r.rule.threshold}, {"enabled", r.rule.legal || r.rule.enabled},
                      {"legal", r.rule.legal},         {"recipient", domain::to_string(r.rule.recipient)},
                      {"description", r.description}};
    if (r.rule.kind == domain::RuleKind::LegalSixteenHoursInFourWeeks) {
      rule["windowSchoolWeeks"] = r.rule.window_school_weeks;
    }
    rules.push_back(std::move(rule));
  }
  return json::object{{"schoolId", view.school_id}, {"version", view.version}, {"rules", std::move(rules)}};
}

http::Response protocol_response(const service::ProtocolView& view, unsigned version) {
  auto res = json_response(status::ok, protocol_json(view), version);
  res.set(field::etag, "\"" + std::to_string(view.version) + "\"");
  return res;
}

/// An optional `YYYY-MM-DD` query parameter; BadRequest when malformed.
core::Result<std::optional<domain::Date>> date_param(const std::map<std::string, std::string>& query,
                                                     const std::string& name) {
  auto it = query.find(name);
  if (it == query.end()) return std::optional<domain::Date>{};
  auto date = domain::parse_iso_date(it->second);
  if (!date)
    return core::fail(core::ErrorCode::BadRequest, "Parameter '" + name + "' is geen datum (JJJJ-MM-DD).");
  return std::optional<domain::Date>{*date};
}

/// A pupil id that is no UUID is simply not found (as everywhere else).
std::string pupil_id_of(const Call& call) {
  return std::string(call.param("id"));
}

} // namespace

// ---- import --------------------------------------------------------------------------------

RouteResult import_absences(Services& s, Call& call) {
  const auto type = call.req[field::content_type];
  const std::string_view t(type.data(), type.size());
  if (!t.starts_with("text/csv")) {
    return core::fail(core::ErrorCode::UnsupportedMediaType, "Stuur het bestand als text/csv.");
  }
  auto query = query_params(call.req);
  if (!query) return core::unexpected(query.error());
  service::AbsenceImportRequest request;
  request.school = std::string(call.param("schoolId"));
  request.file_name = (*query)["fileName"];
  request.layout = (*query)["layout"];
  std::vector<core::FieldError> errors;
  if (auto bad = domain::check_text(request.file_name, {1, 255, false}); bad) {
    errors.push_back({"fileName", "invalid-value", "Geef de bestandsnaam mee (1 tot 255 tekens)."});
  }
  if (!request.layout.empty() && request.layout != "canonical" && request.layout != "magister" &&
      request.layout != "somtoday") {
    errors.push_back({"layout", "invalid-value", "Kies canonical, magister of somtoday."});
  }
  if (!errors.empty()) return core::invalid(std::move(errors));
  if (!core::is_uuid(request.school))
    return core::fail(core::ErrorCode::NotFound, "Deze school bestaat niet.");

  auto& body = call.req.body();
  std::ispanstream in(std::span<const char>(body.data(), body.size()));
  auto report = s.absences->import(call.who(), request, in, call.ctx);
  if (!report) {
    if (const auto* rejection = std::any_cast<service::ImportRejection>(&report.error().current)) {
      json::array lines;
      for (const auto& e : rejection->errors) {
        lines.push_back(json::object{{"line", e.line},
                                     {"column", e.column},
                                     {"code", importers::import_error_code_name(e.code)},
                                     {"message", service::line_message(e)}});
      }
      return http::problem_response(report.error(), call.ctx.request_id, call.req.version(),
                                    json::object{{"type", "https://eenplan.nl/problems/import-rejected"},
                                                 {"title", "Import geweigerd"},
                                                 {"code", "import-rejected"},
                                                 {"errorCount", rejection->error_count},
                                                 {"errors", std::move(lines)}});
    }
    return core::unexpected(report.error());
  }
  auto res = json_response(status::created,
                           json::object{{"id", report->id},
                                        {"rowsRead", report->rows_read},
                                        {"rowsAdded", report->rows_added},
                                        {"layout", report->layout},
                                        {"encoding", report->encoding},
                                        {"signalsCreated", report->signals_created}},
                           call.req.version());
  res.set(field::location, "/api/v1/schools/" + request.school + "/absence-imports/" + report->id);
  return res;
}

// ---- protocol ------------------------------------------------------------------------------

RouteResult get_absence_protocol(Services& s, Call& call) {
  auto view = s.absences->protocol(call.who(), std::string(call.param("schoolId")), call.ctx);
  if (!view) return core::unexpected(view.error());
  return protocol_response(*view, call.req.version());
}

RouteResult put_absence_protocol(Services& s, Call& call) {
  auto version = if_match_version(call);
  if (!version) return core::unexpected(version.error());
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"rules"});
  std::vector<domain::RuleSetting> settings;
  if (const auto* rules = f.array("rules", true)) {
    if (rules->size() > 50) f.error("rules", "too-long", "Hoogstens 50 regels.");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < rules->size() && i < 50; ++i) {
      const std::string at = "rules[" + std::to_string(i) + "]";
      const auto* item = (*rules)[i].if_object();
      if (!item) {
        f.error(at, "invalid-type", "Verwacht een object.");
        continue;
      }
      FieldReader r(*item, at + ".");
      r.share_errors(f.errors());
      r.reject_unknown({"code", "enabled", "threshold"});
      auto code = r.text("code", {1, 64, false}, true);
      const auto* enabled = item->if_contains("enabled");
      const auto* threshold = item->if_contains("threshold");
      if (!enabled || !enabled->is_bool())
        f.error(at + ".enabled", enabled ? "invalid-type" : "required", "Verwacht true of false.");
      if (!threshold || !threshold->is_int64()) {
        f.error(at + ".threshold", threshold ? "invalid-type" : "required", "Verwacht een geheel getal.");
      } else if (threshold->as_int64() < 1 || threshold->as_int64() > 1000) {
        f.error(at + ".threshold", "out-of-range", "De drempel moet tussen 1 en 1000 liggen.");
      }
      if (code && !seen.insert(*code).second) f.error(at + ".code", "duplicate", "Deze regel staat er al.");
      if (code && enabled && enabled->is_bool() && threshold && threshold->is_int64()) {
        settings.push_back({*code, enabled->as_bool(), static_cast<int>(threshold->as_int64())});
      }
    }
  }
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto view =
      s.absences->set_protocol(call.who(), std::string(call.param("schoolId")), *version, settings, call.ctx);
  if (!view) {
    const auto& error = view.error();
    if (error.code == core::ErrorCode::VersionConflict && error.current.has_value()) {
      const auto& current = std::any_cast<const service::ProtocolView&>(error.current);
      auto res = http::problem_response(error, call.ctx.request_id, call.req.version(),
                                        json::object{{"current", protocol_json(current)}});
      res.set(field::etag, "\"" + std::to_string(current.version) + "\"");
      return res;
    }
    if (error.code == core::ErrorCode::ValidationFailed &&
        error.detail == service::kLegalRuleRequiredDetail) {
      return http::problem_response(error, call.ctx.request_id, call.req.version(),
                                    json::object{{"type", "https://eenplan.nl/problems/legal-rule-required"},
                                                 {"title", "Wettelijke regel"},
                                                 {"code", "legal-rule-required"}});
    }
    return core::unexpected(error);
  }
  return protocol_response(*view, call.req.version());
}

// ---- one pupil -----------------------------------------------------------------------------

RouteResult list_absences(Services& s, Call& call) {
  auto query = query_params(call.req);
  if (!query) return core::unexpected(query.error());
  auto from = date_param(*query, "from");
  if (!from) return core::unexpected(from.error());
  auto to = date_param(*query, "to");
  if (!to) return core::unexpected(to.error());
  if (*from && *to && **to < **from) {
    return core::fail(core::ErrorCode::BadRequest, "'to' ligt voor 'from'.");
  }
  auto view = s.absences->list(call.who(), pupil_id_of(call), *from, *to, call.ctx);
  if (!view) return core::unexpected(view.error());
  json::array items;
  for (const auto& a : view->items)
    items.push_back(absence_json(a));
  return json_response(status::ok,
                       json::object{{"from", view->from}, {"to", view->to}, {"items", std::move(items)}},
                       call.req.version());
}

RouteResult record_absences(Services& s, Call& call) {
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"date", "lessonHours", "kind", "remark", "markedLuxe"});
  service::ManualAbsence absence;
  if (auto date = f.text("date", {10, 10, false}, true)) {
    if (auto parsed = domain::parse_iso_date(*date)) {
      absence.date = *parsed;
    } else {
      f.error("date", "invalid-date", "Geen geldige datum (JJJJ-MM-DD).");
    }
  }
  if (const auto* hours = f.array("lessonHours", true)) {
    if (hours->empty() || hours->size() > 16)
      f.error("lessonHours", "out-of-range", "Geef 1 tot 16 lesuren.");
    std::set<int> seen;
    for (std::size_t i = 0; i < hours->size() && i < 16; ++i) {
      const auto& h = (*hours)[i];
      const std::string at = "lessonHours[" + std::to_string(i) + "]";
      if (!h.is_int64()) {
        f.error(at, "invalid-type", "Verwacht een lesuur (geheel getal).");
      } else if (h.as_int64() < 1 || h.as_int64() > 16) {
        f.error(at, "out-of-range", "Een lesuur ligt tussen 1 en 16.");
      } else if (!seen.insert(static_cast<int>(h.as_int64())).second) {
        f.error(at, "duplicate", "Dit lesuur staat er al.");
      } else {
        absence.lesson_hours.push_back(static_cast<int>(h.as_int64()));
      }
    }
  }
  auto kind = f.choice(
      "kind", [](const std::string& k) { return domain::parse_absence_kind(k).has_value(); }, true);
  if (kind) absence.kind = *domain::parse_absence_kind(*kind);
  if (auto remark = f.text("remark", {0, 500, false}, false)) absence.remark = *remark;
  if (const auto* luxe = object->if_contains("markedLuxe")) {
    if (!luxe->is_bool()) {
      f.error("markedLuxe", "invalid-type", "Verwacht true of false.");
    } else {
      absence.marked_luxe = luxe->as_bool();
      if (absence.marked_luxe && kind && absence.kind != domain::AbsenceKind::Unauthorised) {
        f.error("markedLuxe", "invalid-value", "Alleen ongeoorloofd verzuim kan luxeverzuim zijn.");
      }
    }
  }
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto view = s.absences->record(call.who(), pupil_id_of(call), absence, call.ctx);
  if (!view) return core::unexpected(view.error());
  json::array signals;
  for (const auto& signal : view->signals)
    signals.push_back(signal_json(signal));
  return json_response(status::created,
                       json::object{{"rowsAdded", view->rows_added}, {"signals", std::move(signals)}},
                       call.req.version());
}

RouteResult list_escalation_signals(Services& s, Call& call) {
  auto items = s.absences->signals(call.who(), pupil_id_of(call), call.ctx);
  if (!items) return core::unexpected(items.error());
  json::array out;
  for (const auto& signal : *items)
    out.push_back(signal_json(signal));
  return json_response(status::ok, json::object{{"items", std::move(out)}}, call.req.version());
}

namespace {
json::object exemption_json(const store::ExemptionRecord& record) {
  return json::object{{"id", record.id},
                      {"pupilId", record.pupil_id},
                      {"reason", record.reason},
                      {"decidedBy", record.decided_by_name},
                      {"decidedAt", record.decided_at}};
}
} // namespace

RouteResult get_protocol_exemption(Services& s, Call& call) {
  auto record = s.absences->exemption(call.who(), pupil_id_of(call), call.ctx);
  if (!record) return core::unexpected(record.error());
  json::value exemption = nullptr;
  if (*record) exemption = exemption_json(**record);
  return json_response(status::ok, json::object{{"exemption", std::move(exemption)}}, call.req.version());
}

RouteResult put_protocol_exemption(Services& s, Call& call) {
  auto object = parse_object(call.req.body());
  if (!object) return core::unexpected(object.error());
  FieldReader f(*object);
  f.reject_unknown({"reason"});
  auto reason = f.text("reason", {1, 2000, true}, true);
  if (!f.errors().empty()) return core::invalid(std::move(f.errors()));
  auto record = s.absences->set_exemption(call.who(), pupil_id_of(call), *reason, call.ctx);
  if (!record) return core::unexpected(record.error());
  return json_response(status::ok, exemption_json(*record), call.req.version());
}

RouteResult delete_protocol_exemption(Services& s, Call& call) {
  auto ended = s.absences->end_exemption(call.who(), pupil_id_of(call), call.ctx);
  if (!ended) return core::unexpected(ended.error());
  http::Response res{status::no_content, call.req.version()};
  return res;
}

} // namespace eenplan::api
