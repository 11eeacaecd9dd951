#include "api/api.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "api/routes.hpp"
#include "core/ids.hpp"
#include "domain/pupil.hpp"
#include "http/problem.hpp"
#include "http/router.hpp"

namespace eenplan::api {

namespace json = boost::json;
using http::bhttp::field;
using http::bhttp::status;
using http::bhttp::verb;

namespace {

// A strict policy: only our own bundled scripts and styles; nothing inline, no framing.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'";

bool changes_state(verb method) {
  return method == verb::post || method == verb::patch || method == verb::put || method == verb::delete_;
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

struct Route {
  RouteResult (*handler)(Services&, Call&);
  bool needs_session = true;
  bool raw_body = false; // the handler checks the body's type itself (file uploads)
  bool quick = false;    // a few reads and no slow work: may run on the I/O thread
};

} // namespace

struct Api::Impl {
  store::Database& db;
  const core::Clock& clock;
  ApiConfig config;
  service::AuditLog audit;
  service::AuthService auth;
  service::PupilService pupils;
  service::AccountService accounts;
  service::SupportRouteService support_route;
  service::HomeboundService homebound;
  service::AbsenceService absences;
  service::TaskService tasks;
  service::ArrangementService arrangements;
  service::ProvisionService provisions;
  service::PlanService plans;
  service::CaseTeamService case_teams;
  Services services;
  http::StaticFiles files;
  http::Router<Route> router;

  Impl(store::Database& d, const core::Clock& c, ApiConfig cfg)
      : db(d), clock(c), config(std::move(cfg)), audit(d), auth(d, c), pupils(d, audit), accounts(d, c),
        support_route(d, audit), homebound(d, audit), absences(d, audit), tasks(d, audit),
        arrangements(d, audit), provisions(d, audit), plans(d, audit),
        case_teams(d, audit), services{d,         auth,           pupils,    accounts, config.secure_cookies,
                                       homebound, &support_route, &absences, &tasks},
        files(config.web_root) {
    services.arrangements = &arrangements;
    services.provisions = &provisions;
    router.add(verb::post, "/api/v1/session", {&login, false});
    router.add(verb::get, "/api/v1/session", {&current_session});
    router.add(verb::delete_, "/api/v1/session", {&logout});
    router.add(verb::get, "/api/v1/organisations", {&list_organisations});
    router.add(verb::get, "/api/v1/support-need-categories", {&list_support_need_categories});
    router.add(verb::get, "/api/v1/users", {&list_users});
    router.add(verb::post, "/api/v1/users", {&create_user});
    router.add(verb::patch, "/api/v1/users/{id}", {&update_user});
    router.add(verb::put, "/api/v1/users/{id}/password", {&set_user_password});
    router.add(verb::get, "/api/v1/pupils", {&list_pupils});
    router.add(verb::get, "/api/v1/pupils/{id}", {&get_pupil, true, false, true});
    router.add(verb::patch, "/api/v1/pupils/{id}", {&patch_pupil});
    router.add(verb::get, "/api/v1/pupils/{id}/notes", {&list_notes, true, false, true});
    router.add(verb::post, "/api/v1/pupils/{id}/notes", {&add_note});
    router.add(verb::get, "/api/v1/pupils/{id}/audit", {&pupil_audit});
    // The case team (betrokkenen)
    services.case_teams = &case_teams;
    router.add(verb::get, "/api/v1/pupils/{id}/case-team", {&get_case_team});
    router.add(verb::put, "/api/v1/pupils/{id}/case-team", {&put_case_team});
    router.add(verb::get, "/api/v1/pupils/{id}/case-team/candidates", {&list_case_team_candidates});
    // Support route (ondersteuningsroute) and the school's JES meetings
    router.add(verb::get, "/api/v1/pupils/{id}/support-route", {&get_support_route});
    router.add(verb::post, "/api/v1/pupils/{id}/support-route/steps", {&add_support_route_step});
    router.add(verb::post, "/api/v1/pupils/{id}/support-route/concerns", {&add_support_concern});
    router.add(verb::post, "/api/v1/pupils/{id}/support-route/care-team-discussions",
               {&add_care_team_discussion});
    router.add(verb::post, "/api/v1/pupils/{id}/support-route/parent-contacts", {&add_parent_contact});
    router.add(verb::post, "/api/v1/pupils/{id}/support-route/jes-referrals", {&add_jes_referral});
    router.add(verb::patch, "/api/v1/pupils/{id}/support-route/jes-referrals/{referralId}",
               {&update_jes_referral});
    router.add(verb::get, "/api/v1/schools/{id}/support-meetings", {&list_support_meetings});
    router.add(verb::post, "/api/v1/schools/{id}/support-meetings", {&add_support_meeting});
    router.add(verb::get, "/api/v1/schools/{id}/support-route-pupils", {&list_school_route_pupils});
    // Thuiszitter register
    router.add(verb::get, "/api/v1/homebound-cases", {&list_homebound_cases});
    router.add(verb::post, "/api/v1/homebound-cases", {&create_homebound_case});
    router.add(verb::get, "/api/v1/homebound-cases/{id}", {&get_homebound_case});
    router.add(verb::patch, "/api/v1/homebound-cases/{id}", {&patch_homebound_case});
    router.add(verb::post, "/api/v1/homebound-cases/{id}/closure", {&close_homebound_case});
    router.add(verb::post, "/api/v1/homebound-cases/{id}/escalations", {&add_homebound_escalation});
    router.add(verb::get, "/api/v1/homebound-candidates", {&list_homebound_candidates});
    router.add(verb::post, "/api/v1/homebound-candidates/dismissals", {&dismiss_homebound_candidate});
    router.add(verb::get, "/api/v1/homebound-overview", {&homebound_overview});
    router.add(verb::get, "/api/v1/homebound-registration", {&homebound_registration_csv});
    router.add(verb::get, "/api/v1/homebound-settings", {&get_homebound_settings});
    router.add(verb::put, "/api/v1/homebound-settings", {&put_homebound_settings});
    router.add(verb::get, "/api/v1/absence-trends", {&absence_trends});
    // Verzuim and Mijn taken
    router.add(verb::post, "/api/v1/schools/{schoolId}/absence-imports", {&import_absences, true, true});
    router.add(verb::get, "/api/v1/schools/{schoolId}/absence-protocol", {&get_absence_protocol});
    router.add(verb::put, "/api/v1/schools/{schoolId}/absence-protocol", {&put_absence_protocol});
    router.add(verb::get, "/api/v1/pupils/{id}/absences", {&list_absences});
    router.add(verb::post, "/api/v1/pupils/{id}/absences", {&record_absences});
    router.add(verb::get, "/api/v1/pupils/{id}/escalation-signals", {&list_escalation_signals});
    router.add(verb::get, "/api/v1/pupils/{id}/protocol-exemption", {&get_protocol_exemption});
    router.add(verb::put, "/api/v1/pupils/{id}/protocol-exemption", {&put_protocol_exemption});
    router.add(verb::delete_, "/api/v1/pupils/{id}/protocol-exemption", {&delete_protocol_exemption});
    router.add(verb::get, "/api/v1/tasks", {&list_tasks});
    router.add(verb::patch, "/api/v1/tasks/{id}", {&patch_task});
    // Education-care trajectory: templates, phase models, provisions, registrations, arrangements
    router.add(verb::get, "/api/v1/arrangement-templates", {&list_arrangement_templates});
    router.add(verb::get, "/api/v1/phase-models", {&list_phase_models});
    router.add(verb::get, "/api/v1/phase-models/{id}", {&get_phase_model});
    router.add(verb::put, "/api/v1/phase-models/{id}", {&put_phase_model});
    router.add(verb::get, "/api/v1/provisions", {&list_provisions});
    router.add(verb::post, "/api/v1/provisions", {&create_provision});
    router.add(verb::get, "/api/v1/provisions/{id}", {&get_provision});
    router.add(verb::patch, "/api/v1/provisions/{id}", {&patch_provision});
    router.add(verb::post, "/api/v1/provisions/{id}/registrations", {&create_registration});
    router.add(verb::post, "/api/v1/registrations/{id}/{step}", {&registration_step});
    router.add(verb::get, "/api/v1/registrations/{id}/task-owner-candidates", {&list_task_owner_candidates});
    router.add(verb::get, "/api/v1/pupils/{id}/arrangements", {&list_pupil_arrangements});
    router.add(verb::post, "/api/v1/pupils/{id}/arrangements", {&create_pupil_arrangement});
    router.add(verb::get, "/api/v1/arrangements/{id}", {&get_arrangement});
    router.add(verb::patch, "/api/v1/arrangements/{id}", {&patch_arrangement});
    router.add(verb::put, "/api/v1/arrangements/{id}/route-one/{step}", {&put_route_one_step});
    router.add(verb::post, "/api/v1/arrangements/{id}/start", {&start_arrangement});
    router.add(verb::post, "/api/v1/arrangements/{id}/extensions", {&add_arrangement_extension});
    router.add(verb::post, "/api/v1/arrangements/{id}/ending", {&end_arrangement});
    router.add(verb::get, "/api/v1/arrangements/{id}/phase-history", {&get_phase_history});
    // The pupil's plan: OPP, evaluations, weekly schedule
    services.plans = &plans;
    router.add(verb::get, "/api/v1/pupils/{id}/opp", {&get_pupil_opp});
    router.add(verb::post, "/api/v1/pupils/{id}/opp", {&create_pupil_opp});
    router.add(verb::patch, "/api/v1/opps/{id}", {&patch_opp});
    router.add(verb::post, "/api/v1/opps/{id}/set", {&set_opp});
    router.add(verb::post, "/api/v1/opps/{id}/revisions", {&revise_opp});
    router.add(verb::get, "/api/v1/arrangements/{id}/evaluations", {&list_evaluations});
    router.add(verb::post, "/api/v1/arrangements/{id}/evaluations", {&add_evaluation});
    router.add(verb::get, "/api/v1/arrangements/{id}/weekly-schedule", {&get_weekly_schedule});
    router.add(verb::put, "/api/v1/arrangements/{id}/weekly-schedule", {&put_weekly_schedule});
    if (config.test_clock) {
      services.test_clock = config.test_clock;
      router.add(verb::get, "/api/v1/test-clock", {&get_test_clock});
      router.add(verb::put, "/api/v1/test-clock", {&put_test_clock});
    }
  }

  http::Response problem(const core::Error& e, const std::string& request_id, unsigned version) {
    return http::problem_response(e, request_id, version);
  }

  http::Response api_call(http::Request& req, const http::ClientInfo& client, const std::string& path,
                          const std::string& request_id) {
    const unsigned v = req.version();
    if (path == "/api/v1/openapi.json" && req.method() == verb::get) {
      http::Response res{status::ok, v};
      res.set(field::content_type, "application/json");
      res.body() = std::string(openapi_json());
      return res;
    }
    auto match = router.match(req.method(), path);
    if (!match.handler) {
      if (match.path_known) {
        auto res = problem(
            core::Error{
                core::ErrorCode::MethodNotAllowed, "Deze methode is hier niet toegestaan.", {}, 0, {}},
            request_id, v);
        res.set(field::allow, router.allowed(path));
        return res;
      }
      return problem(core::Error{core::ErrorCode::NotFound, "Dit adres bestaat niet in de API.", {}, 0, {}},
                     request_id, v);
    }
    Call call{req, std::move(match.params), nullptr, {}, client, http::cookie_value(req, kSessionCookie)};
    call.ctx.request_id = request_id;
    call.ctx.client_address = client.address;
    call.ctx.now = config.test_clock ? config.test_clock->now() : clock.now();
    if (auto purpose = req["X-Purpose"]; !purpose.empty()) {
      if (domain::check_text(std::string_view(purpose.data(), purpose.size()), {1, 100, false})) {
        return problem(
            core::Error{
                core::ErrorCode::BadRequest, "De X-Purpose-header is ongeldig (max. 100 tekens).", {}, 0, {}},
            request_id, v);
      }
      call.ctx.purpose = std::string(purpose);
    }
    std::optional<service::Principal> principal;
    if (match.handler->needs_session) {
      auto who = auth.authenticate(call.session_token);
      if (!who) return problem(who.error(), request_id, v);
      principal = std::move(*who);
      call.principal = &*principal;
      if (changes_state(req.method())) {
        const auto sent = req["X-CSRF-Token"];
        if (!same_secret(std::string_view(sent.data(), sent.size()),
                         service::AuthService::csrf_token_for(call.session_token))) {
          return problem(
              core::Error{core::ErrorCode::CsrfTokenInvalid,
                          "Het beveiligingstoken (X-CSRF-Token) ontbreekt of klopt niet. Log opnieuw in.",
                          {},
                          0,
                          {}},
              request_id, v);
        }
      }
    }
    if ((req.method() == verb::post || req.method() == verb::patch || req.method() == verb::put) &&
        (!req.body().empty() || req.method() != verb::post) && !match.handler->raw_body) {
      const auto type = req[field::content_type];
      const std::string_view t(type.data(), type.size());
      if (!t.starts_with("application/json") && !t.starts_with("application/merge-patch+json")) {
        return problem(
            core::Error{
                core::ErrorCode::UnsupportedMediaType, "Stuur de inhoud als application/json.", {}, 0, {}},
            request_id, v);
      }
    }
    auto result = match.handler->handler(services, call);
    if (!result) return problem(result.error(), request_id, v);
    return std::move(*result);
  }

  http::Response dispatch(http::Request& req, const http::ClientInfo& client, const std::string& path,
                          const std::string& request_id) {
    if (path == "/healthz") {
      return json_response(status::ok, json::object{{"status", "ok"}}, req.version());
    }
    if (path.starts_with("/api/")) {
      auto res = api_call(req, client, path, request_id);
      res.set("API-Version", kApiVersion);
      res.set(field::cache_control, "no-store");
      return res;
    }
    if (req.method() == verb::get || req.method() == verb::head) {
      if (auto res = files.serve(req)) return std::move(*res);
    }
    http::Response res{status::not_found, req.version()};
    res.set(field::content_type, "text/plain; charset=utf-8");
    res.body() =
        files.empty() ? "De webapplicatie is niet gebouwd (web/dist ontbreekt).\n" : "Niet gevonden.\n";
    return res;
  }
};

Api::Api(store::Database& db, const core::Clock& clock, ApiConfig config)
    : impl_(std::make_unique<Impl>(db, clock, std::move(config))) {}

Api::~Api() = default;

std::size_t Api::body_limit_for(std::string_view target) {
  // POST /api/v1/schools/{id}/absence-imports: a school's absence export for a year.
  const auto path = target.substr(0, target.find('?'));
  constexpr std::string_view kPrefix = "/api/v1/schools/";
  constexpr std::string_view kSuffix = "/absence-imports";
  if (path.starts_with(kPrefix) && path.ends_with(kSuffix) && path.size() > kPrefix.size() + kSuffix.size() &&
      path.substr(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size()).find('/') ==
          std::string_view::npos) {
    return kImportBodyLimit;
  }
  return 0;
}

http::Reply Api::handle(http::Request& req, const http::ClientInfo& client) {
  const auto started = std::chrono::steady_clock::now();
  const std::string request_id = core::new_uuid();
  const auto target = std::string_view(req.target().data(), req.target().size());
  const std::string path(target.substr(0, target.find('?')));
  http::Response res;
  service::ReadGateScope reads;
  try {
    res = impl_->dispatch(req, client, path, request_id);
  } catch (const std::exception& e) {
    // Internals go to the log only; the client gets the request id to quote.
    spdlog::error("request {} {} failed: {}", request_id, path, e.what());
    res = http::problem_response(
        core::Error{
            core::ErrorCode::Internal, "Er ging iets mis aan onze kant. Probeer het opnieuw.", {}, 0, {}},
        request_id, req.version());
    if (path.starts_with("/api/")) res.set("API-Version", kApiVersion);
  }
  res.set("X-Request-Id", request_id);
  if (impl_->config.access_log) {
    // No query string (it can hold a name typed in search) and no personal data.
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started)
            .count();
    spdlog::info("{} {} {} {}us {}", std::string_view(req.method_string().data(), req.method_string().size()),
                 path, res.result_int(), micros, request_id);
  }
  return {std::move(res), reads.gate()};
}

bool Api::runs_inline(const http::Request& req) const {
  if (req.method() != verb::get) return false;
  const auto target = std::string_view(req.target().data(), req.target().size());
  const auto path = target.substr(0, target.find('?'));
  if (!path.starts_with("/api/")) return false;
  const auto match = impl_->router.match(req.method(), path);
  return match.handler && match.handler->quick;
}

http::Response Api::refusal(http::bhttp::status code, const std::string& detail, unsigned version) {
  core::ErrorCode error = core::ErrorCode::BadRequest;
  if (code == status::payload_too_large) error = core::ErrorCode::BodyTooLarge;
  if (code == status::internal_server_error) error = core::ErrorCode::Internal;
  auto res = http::problem_response(core::Error{error, detail, {}, 0, {}}, core::new_uuid(), version);
  if (code == status::request_header_fields_too_large) res.result(code);
  res.set("API-Version", kApiVersion);
  return res;
}

std::string Api::security_fields() {
  return std::string("X-Content-Type-Options: nosniff\r\n"
                     "Referrer-Policy: no-referrer\r\n"
                     "X-Frame-Options: DENY\r\n"
                     "Content-Security-Policy: ") +
         kContentSecurityPolicy +
         "\r\n"
         "Cross-Origin-Opener-Policy: same-origin\r\n"
         "Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n";
}

} // namespace eenplan::api
