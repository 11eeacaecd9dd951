#include "domain/arrangement.hpp"

#include <algorithm>
#include <utility>

#include "domain/date_math.hpp"
#include "domain/enum_names.hpp"
#include "domain/pupil.hpp"

namespace eenplan::domain {
namespace {

constexpr NameTable<Route, 2> kRouteCodes{{
    {Route::Tailored, "tailored"},
    {Route::Provision, "provision"},
}};

constexpr NameTable<ArrangementStatus, 3> kStatusCodes{{
    {ArrangementStatus::Draft, "draft"},
    {ArrangementStatus::Active, "active"},
    {ArrangementStatus::Ended, "ended"},
}};

constexpr NameTable<CadenceUnit, 2> kCadenceUnitCodes{{
    {CadenceUnit::Weeks, "weeks"},
    {CadenceUnit::Months, "months"},
}};

constexpr NameTable<ReturnKind, 2> kReturnKindCodes{{
    {ReturnKind::ReturnToHomeSchool, "return_to_home_school"},
    {ReturnKind::ReferralToRecognisedSchool, "referral_to_recognised_school"},
}};

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace

std::string_view to_string(Route route) {
  return name_in(kRouteCodes, route);
}
std::optional<Route> parse_route(std::string_view text) {
  return parse_in(kRouteCodes, text);
}
std::string_view to_string(ArrangementStatus status) {
  return name_in(kStatusCodes, status);
}
std::optional<ArrangementStatus> parse_arrangement_status(std::string_view text) {
  return parse_in(kStatusCodes, text);
}
std::string_view to_string(CadenceUnit unit) {
  return name_in(kCadenceUnitCodes, unit);
}
std::optional<CadenceUnit> parse_cadence_unit(std::string_view text) {
  return parse_in(kCadenceUnitCodes, text);
}
std::string_view to_string(ReturnKind kind) {
  return name_in(kReturnKindCodes, kind);
}
std::optional<ReturnKind> parse_return_kind(std::string_view text) {
  return parse_in(kReturnKindCodes, text);
}

Date next_evaluation_date(const EvaluationCadence& cadence, Date from) {
  return cadence.unit == CadenceUnit::Weeks ? add_days(from, 7 * cadence.every)
                                            : add_months(from, cadence.every);
}

bool is_at_least_quarterly(const EvaluationCadence& cadence) {
  // A quarter is 13 weeks (91 days) or 3 calendar months; both counts are what people say.
  return cadence.unit == CadenceUnit::Weeks ? cadence.every <= 13 : cadence.every <= 3;
}

Checked<void> validate_period(Date start, Date end, const std::vector<Extension>& extensions) {
  if (end <= start) return violation(TrajectoryRule::EndBeforeStart, "end");
  const Date latest = extensions.empty() ? add_years(start, 1) : extensions.back().new_end;
  if (end > latest) {
    return violation(TrajectoryRule::EndDateBeyondOneYear, "end",
                     "(Uiterlijk " + format_dutch(latest) + ", gevraagd " + format_dutch(end) + ".)");
  }
  return {};
}

Checked<void> validate_arrangement(const Arrangement& arrangement) {
  if (arrangement.provider_organisation_ids.empty()) {
    return violation(TrajectoryRule::ProviderRequired, "providerOrganisationIds");
  }
  if (is_blank(arrangement.enrolling_school_id)) {
    return violation(TrajectoryRule::EnrollingSchoolRequired, "enrollingSchoolId");
  }
  if (is_blank(arrangement.home_school_id))
    return violation(TrajectoryRule::HomeSchoolRequired, "homeSchoolId");
  for (std::size_t i = 0; i < arrangement.support_needs.size(); ++i) {
    if (!is_support_need_category(arrangement.support_needs[i])) {
      return violation(TrajectoryRule::UnknownSupportNeed, "supportNeeds[" + std::to_string(i) + "]");
    }
  }
  if (auto period = validate_period(arrangement.start, arrangement.end, arrangement.extensions); !period) {
    return period;
  }
  if (arrangement.cadence.every <= 0) return violation(TrajectoryRule::EvaluationCadenceInvalid, "cadence");
  if (arrangement.route == Route::Tailored && !is_at_least_quarterly(arrangement.cadence)) {
    return violation(TrajectoryRule::EvaluationCadenceTooLong, "cadence");
  }
  for (std::size_t i = 0; i < arrangement.financing.size(); ++i) {
    if (auto line = validate_financing_line(arrangement.financing[i], "financing[" + std::to_string(i) + "]");
        !line) {
      return line;
    }
  }
  return {};
}

Checked<void> start_arrangement(Arrangement& arrangement, int expected_version) {
  if (auto version = check_version(arrangement.version, expected_version); !version) return version;
  if (arrangement.status != ArrangementStatus::Draft) return violation(TrajectoryRule::ArrangementNotDraft);
  if (auto valid = validate_arrangement(arrangement); !valid) return valid;
  if (!arrangement.return_plan || is_blank(arrangement.return_plan->steps) ||
      is_blank(arrangement.return_plan->receiving_school_id)) {
    return violation(TrajectoryRule::ReturnPlanRequired, "returnPlan");
  }
  if (arrangement.route == Route::Tailored) {
    if (auto ready = check_ready_to_start(arrangement.workflow, arrangement.start); !ready) return ready;
  }
  arrangement.status = ArrangementStatus::Active;
  ++arrangement.version;
  return {};
}

Checked<Extension> extend_arrangement(Arrangement& arrangement, int expected_version, Date new_end,
                                      std::string reason, std::string decided_by, Date decided_on) {
  if (auto version = check_version(arrangement.version, expected_version); !version) return version.error();
  if (arrangement.status != ArrangementStatus::Active) return violation(TrajectoryRule::ArrangementNotActive);
  if (is_blank(reason)) return violation(TrajectoryRule::ExtensionReasonRequired, "reason");
  if (is_blank(decided_by)) return violation(TrajectoryRule::ExtensionDecisionRequired, "decidedBy");
  if (new_end <= arrangement.end) return violation(TrajectoryRule::ExtensionNotLater, "newEnd");
  if (new_end > add_years(arrangement.end, 1))
    return violation(TrajectoryRule::ExtensionBeyondOneYear, "newEnd");
  Extension extension{arrangement.end, new_end, std::move(reason), std::move(decided_by), decided_on};
  arrangement.extensions.push_back(extension);
  arrangement.end = new_end;
  ++arrangement.version;
  return extension;
}

std::vector<std::string> mdo_invitees(const Arrangement& arrangement) {
  std::vector<std::string> invitees;
  auto add = [&](const std::string& id) {
    if (!is_blank(id) && std::ranges::find(invitees, id) == invitees.end()) invitees.push_back(id);
  };
  add(arrangement.home_school_id);
  add(arrangement.enrolling_school_id);
  for (const std::string& provider : arrangement.provider_organisation_ids)
    add(provider);
  return invitees;
}

Checked<void> end_arrangement(Arrangement& arrangement, int expected_version, Transition transition) {
  if (auto version = check_version(arrangement.version, expected_version); !version) return version;
  if (arrangement.status != ArrangementStatus::Active) return violation(TrajectoryRule::ArrangementNotActive);
  if (transition.date < arrangement.start) return violation(TrajectoryRule::EndingBeforeStart, "date");
  if (is_blank(transition.reason)) return violation(TrajectoryRule::EndingReasonRequired, "reason");
  arrangement.ending = std::move(transition);
  arrangement.status = ArrangementStatus::Ended;
  ++arrangement.version;
  return {};
}

} // namespace eenplan::domain
