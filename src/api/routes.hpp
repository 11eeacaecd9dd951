// Route handlers, one file per resource; registered in api.cpp.
#pragma once

#include <functional>

#include "api/call.hpp"
#include "service/absence_service.hpp"
#include "service/account_service.hpp"
#include "service/auth_service.hpp"
#include "service/case_team_service.hpp"
#include "service/homebound_service.hpp"
#include "service/plan_service.hpp"
#include "service/pupil_service.hpp"
#include "service/support_route_service.hpp"
#include "service/task_service.hpp"
#include "service/trajectory_service.hpp"
#include "store/database.hpp"

namespace eenplan::api {

struct Services {
  store::Database& db;
  service::AuthService& auth;
  service::PupilService& pupils;
  service::AccountService& accounts;
  bool secure_cookies = false;
  service::HomeboundService& homebound;
  service::SupportRouteService* support_route = nullptr; // set by Api::Impl
  service::AbsenceService* absences = nullptr;
  service::TaskService* tasks = nullptr;
  service::ArrangementService* arrangements = nullptr;
  service::ProvisionService* provisions = nullptr;
  service::PlanService* plans = nullptr;
  service::CaseTeamService* case_teams = nullptr;
  core::OffsetClock* test_clock = nullptr; // only with `serve --test-clock`
};

// session_routes.cpp
RouteResult login(Services& s, Call& call);
RouteResult current_session(Services& s, Call& call);
RouteResult logout(Services& s, Call& call);
boost::json::object session_json(const service::Principal& p, const std::string& csrf_token);

// organisation_routes.cpp
RouteResult list_organisations(Services& s, Call& call);
RouteResult list_support_need_categories(Services& s, Call& call);

// user_routes.cpp (SWV admin)
RouteResult list_users(Services& s, Call& call);
RouteResult create_user(Services& s, Call& call);
RouteResult update_user(Services& s, Call& call);
RouteResult set_user_password(Services& s, Call& call);

// pupil_routes.cpp
RouteResult list_pupils(Services& s, Call& call);
RouteResult get_pupil(Services& s, Call& call);
RouteResult patch_pupil(Services& s, Call& call);
RouteResult list_notes(Services& s, Call& call);
RouteResult add_note(Services& s, Call& call);
RouteResult pupil_audit(Services& s, Call& call);

// case_team_routes.cpp (betrokkenen)
RouteResult get_case_team(Services& s, Call& call);
RouteResult put_case_team(Services& s, Call& call);
RouteResult list_case_team_candidates(Services& s, Call& call);
/// A people picker's answer: reads `q` and `limit` from the query, asks `search`, answers the
/// CaseTeamCandidateList (one shape for every picker of accounts).
using CandidateSearch =
    std::function<core::Result<service::CandidatesView>(const std::string& query, int limit)>;
RouteResult answer_candidates(Call& call, const CandidateSearch& search);

// support_route_routes.cpp (ondersteuningsroute and the school's JES meetings)
RouteResult get_support_route(Services& s, Call& call);
RouteResult add_support_route_step(Services& s, Call& call);
RouteResult add_support_concern(Services& s, Call& call);
RouteResult add_care_team_discussion(Services& s, Call& call);
RouteResult add_parent_contact(Services& s, Call& call);
RouteResult add_jes_referral(Services& s, Call& call);
RouteResult update_jes_referral(Services& s, Call& call);
RouteResult list_support_meetings(Services& s, Call& call);
RouteResult add_support_meeting(Services& s, Call& call);
RouteResult list_school_route_pupils(Services& s, Call& call);
// homebound_routes.cpp (thuiszitter register)
RouteResult list_homebound_cases(Services& s, Call& call);
RouteResult get_homebound_case(Services& s, Call& call);
RouteResult create_homebound_case(Services& s, Call& call);
RouteResult patch_homebound_case(Services& s, Call& call);
RouteResult close_homebound_case(Services& s, Call& call);
RouteResult add_homebound_escalation(Services& s, Call& call);
RouteResult list_homebound_candidates(Services& s, Call& call);
RouteResult dismiss_homebound_candidate(Services& s, Call& call);
RouteResult homebound_overview(Services& s, Call& call);
RouteResult homebound_registration_csv(Services& s, Call& call);
RouteResult get_homebound_settings(Services& s, Call& call);
RouteResult put_homebound_settings(Services& s, Call& call);
RouteResult absence_trends(Services& s, Call& call);
// absence_routes.cpp (verzuim)
RouteResult import_absences(Services& s, Call& call);
RouteResult get_absence_protocol(Services& s, Call& call);
RouteResult put_absence_protocol(Services& s, Call& call);
RouteResult list_absences(Services& s, Call& call);
RouteResult record_absences(Services& s, Call& call);
RouteResult list_escalation_signals(Services& s, Call& call);
RouteResult get_protocol_exemption(Services& s, Call& call);
RouteResult put_protocol_exemption(Services& s, Call& call);
RouteResult delete_protocol_exemption(Services& s, Call& call);

// plan_routes.cpp (OPP, evaluations, weekly schedule)
RouteResult get_pupil_opp(Services& s, Call& call);
RouteResult create_pupil_opp(Services& s, Call& call);
RouteResult patch_opp(Services& s, Call& call);
RouteResult set_opp(Services& s, Call& call);
RouteResult revise_opp(Services& s, Call& call);
RouteResult list_evaluations(Services& s, Call& call);
RouteResult add_evaluation(Services& s, Call& call);
RouteResult get_weekly_schedule(Services& s, Call& call);
RouteResult put_weekly_schedule(Services& s, Call& call);

// test_clock_routes.cpp (only with `serve --test-clock`)
RouteResult get_test_clock(Services& s, Call& call);
RouteResult put_test_clock(Services& s, Call& call);

// task_routes.cpp (Mijn taken)
RouteResult list_tasks(Services& s, Call& call);
RouteResult patch_task(Services& s, Call& call);

// trajectory_routes.cpp (arrangements, templates, phase models)
RouteResult list_arrangement_templates(Services& s, Call& call);
RouteResult list_phase_models(Services& s, Call& call);
RouteResult get_phase_model(Services& s, Call& call);
RouteResult put_phase_model(Services& s, Call& call);
RouteResult list_pupil_arrangements(Services& s, Call& call);
RouteResult create_pupil_arrangement(Services& s, Call& call);
RouteResult get_arrangement(Services& s, Call& call);
RouteResult patch_arrangement(Services& s, Call& call);
RouteResult put_route_one_step(Services& s, Call& call);
RouteResult start_arrangement(Services& s, Call& call);
RouteResult add_arrangement_extension(Services& s, Call& call);
RouteResult end_arrangement(Services& s, Call& call);
RouteResult get_phase_history(Services& s, Call& call);
// provision_routes.cpp (voorzieningen and aanmeldingen)
RouteResult list_provisions(Services& s, Call& call);
RouteResult create_provision(Services& s, Call& call);
RouteResult get_provision(Services& s, Call& call);
RouteResult patch_provision(Services& s, Call& call);
RouteResult create_registration(Services& s, Call& call);
RouteResult registration_step(Services& s, Call& call);
RouteResult list_task_owner_candidates(Services& s, Call& call);

} // namespace eenplan::api
