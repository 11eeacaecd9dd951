// Onderwijszorgarrangementen (M8): one pupil's education-care arrangement, by route 1 (maatwerk,
// one or a few pupils) or in a route 2 provision (voorziening, a group of at least 4 pupils with
// shared needs; provision.hpp). Seed 001 "Maatwerk of voorziening".
//
// Hard rules (seed 001 route 1, footnote 1): "Er dient altijd sprake te zijn van tijdelijkheid en
// aanwezigheid van een terugkeerdraaiboek (of doorverwijzingsdraaiboek) naar een erkende
// onderwijsinstelling. Maatwerktrajecten zijn altijd beperkt in tijdsduur (1 jaar), maar kunnen in
// overleg worden verlengd (onbeperkt, mits onderbouwd)." So: no start without a return plan, an end
// date at most one year after the start, and every extension with a recorded reason and decision.
// The providing school enrols the pupil; the stamschool keeps zorgplicht, is invited to every MDO
// and takes the pupil back or finds a follow-up place (seed 001 DOF "Inschrijving & zorgplicht").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/financing.hpp"
#include "domain/phase_model.hpp"
#include "domain/route_one.hpp"
#include "domain/trajectory_error.hpp"
#include "domain/transition.hpp"

namespace eenplan::domain {

enum class Route {
  Tailored,  // route 1, maatwerk
  Provision, // route 2, voorziening
};
/// "tailored" | "provision"
std::string_view to_string(Route route);
std::optional<Route> parse_route(std::string_view text);

// ---- evaluation cadence ------------------------------------------------------------------------

enum class CadenceUnit { Weeks, Months };
/// "weeks" | "months"
std::string_view to_string(CadenceUnit unit);
std::optional<CadenceUnit> parse_cadence_unit(std::string_view text);

/// How often an arrangement's goals are evaluated: every 6 weeks (001 Thuisdocent, behandelsetting),
/// every 10 weeks (001 RENN4, 000 Praktijkklas parent conversation), each quarter (001 route 1
/// step 6: "minimaal 1x per kwartaal").
struct EvaluationCadence {
  CadenceUnit unit = CadenceUnit::Weeks;
  int every = 6;

  friend bool operator==(const EvaluationCadence&, const EvaluationCadence&) = default;
};

inline constexpr EvaluationCadence kEverySixWeeks{CadenceUnit::Weeks, 6};
inline constexpr EvaluationCadence kEveryTenWeeks{CadenceUnit::Weeks, 10};
inline constexpr EvaluationCadence kEachQuarter{CadenceUnit::Months, 3};
inline constexpr EvaluationCadence kEachHalfYear{CadenceUnit::Months, 6};

/// The latest date the next evaluation may be after `from`.
Date next_evaluation_date(const EvaluationCadence& cadence, Date from);

/// At least once a quarter: at most 13 weeks or 3 months between evaluations.
bool is_at_least_quarterly(const EvaluationCadence& cadence);

// ---- the arrangement ---------------------------------------------------------------------------

struct StaffRole {
  std::string role; // e.g. "leerkracht speciaal onderwijs", "zorgspecialist"
  int count = 1;
};

enum class ReturnKind {
  ReturnToHomeSchool,        // terugkeerdraaiboek
  ReferralToRecognisedSchool // doorverwijzingsdraaiboek
};
/// "return_to_home_school" | "referral_to_recognised_school"
std::string_view to_string(ReturnKind kind);
std::optional<ReturnKind> parse_return_kind(std::string_view text);

/// The terugkeerdraaiboek: how the pupil goes back to (or on to) a recognised school.
struct ReturnPlan {
  ReturnKind kind = ReturnKind::ReturnToHomeSchool;
  std::string receiving_school_id; // the stamschool for a return
  std::string steps;               // the script itself
};

struct Extension {
  Date previous_end;
  Date new_end;
  std::string reason;
  std::string decided_by; // who decided, e.g. "CvB en consulent SWV"
  Date decided_on;
};

enum class ArrangementStatus { Draft, Active, Ended };
/// "draft" | "active" | "ended"
std::string_view to_string(ArrangementStatus status);
std::optional<ArrangementStatus> parse_arrangement_status(std::string_view text);

struct Arrangement {
  std::string id;
  int version = 1;
  Route route = Route::Tailored;
  std::string template_code;
  std::string pupil_id;
  std::string provision_id; // route 2: the provision the pupil is placed in
  std::vector<std::string> provider_organisation_ids;
  std::string enrolling_school_id;        // the providing school, where the pupil is (temporarily) enrolled
  std::string home_school_id;             // stamschool: keeps zorgplicht, invited to every MDO
  std::string coordinator_id;             // owner of evaluations and follow-up (for "Mijn taken")
  std::vector<std::string> support_needs; // support-need category codes (pupil.hpp)
  std::vector<StaffRole> staffing;
  std::string phase_model_id;
  std::vector<PlaceKind> places;
  Date start;
  Date end;
  std::vector<Extension> extensions;
  std::vector<FinancingLine> financing;
  EvaluationCadence cadence = kEachQuarter;
  std::optional<ReturnPlan> return_plan;
  RouteOneWorkflow workflow; // route 1 only
  std::string opp_id;        // the pupil's OPP this arrangement works on
  ArrangementStatus status = ArrangementStatus::Draft;
  std::optional<Transition> ending;
};

/// end after start (end-before-start) and at most one year after the start, or at most the last
/// extension's new end (end-date-beyond-one-year).
Checked<void> validate_period(Date start, Date end, const std::vector<Extension>& extensions);

/// Everything but the start conditions: providers, enrolling school and stamschool, known support
/// needs, the period, the cadence (positive; route 1 at least quarterly) and every financing line.
Checked<void> validate_arrangement(const Arrangement& arrangement);

/// Draft → Active. Refused without a return plan (return-plan-required), for route 1 until the
/// workflow is ready (route_one.hpp), and for anything validate_arrangement refuses.
Checked<void> start_arrangement(Arrangement& arrangement, int expected_version);

/// Moves the end date of an active arrangement to `new_end` with a reason and a decision
/// (extension-reason-required, extension-decision-required); later than the current end
/// (extension-not-later) and at most a year beyond it (extension-beyond-one-year).
Checked<Extension> extend_arrangement(Arrangement& arrangement, int expected_version, Date new_end,
                                      std::string reason, std::string decided_by, Date decided_on);

/// Who is invited to every MDO about the pupil: the stamschool first (it keeps zorgplicht, seed 001
/// DOF: "Docent op de Fiets nodigt de school van herkomst uit bij elk multidisciplinair overleg"),
/// then the enrolling school and the providers, each once.
std::vector<std::string> mdo_invitees(const Arrangement& arrangement);

/// Active → Ended, recording where the pupil goes (the return or referral). The date is not before
/// the start (ending-before-start) and the reason is recorded (ending-reason-required).
Checked<void> end_arrangement(Arrangement& arrangement, int expected_version, Transition transition);

} // namespace eenplan::domain
