#include "domain/homebound.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace eenplan::domain {
namespace {

template <typename E, std::size_t N>
std::optional<E> parse_code(std::string_view text,
                            const std::array<std::pair<E, std::string_view>, N>& table) {
  for (const auto& [value, code] : table) {
    if (code == text) return value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view code_of(E value, const std::array<std::pair<E, std::string_view>, N>& table) {
  for (const auto& [v, code] : table) {
    if (v == value) return code;
  }
  return "";
}

constexpr std::array<std::pair<HomeboundCategory, std::string_view>, 4> kCategories{{
    {HomeboundCategory::Absolute, "absolute"},
    {HomeboundCategory::RelativeLong, "relative_long"},
    {HomeboundCategory::Exemption, "exemption"},
    {HomeboundCategory::AtRisk, "at_risk"},
}};

constexpr std::array<std::pair<ExemptionKind, std::string_view>, 7> kExemptionKinds{{
    {ExemptionKind::Art5a, "art5_a"},
    {ExemptionKind::Art5b, "art5_b"},
    {ExemptionKind::Art5c, "art5_c"},
    {ExemptionKind::Art5aTravel, "art5a"},
    {ExemptionKind::Art15, "art15"},
    {ExemptionKind::Replacement3a, "art3a"},
    {ExemptionKind::Replacement3b, "art3b"},
}};

constexpr std::array<std::pair<CaseState, std::string_view>, 3> kStates{{
    {CaseState::Open, "open"},
    {CaseState::Closed, "closed"},
    {CaseState::Dismissed, "dismissed"},
}};

constexpr std::array<std::pair<CloseReason, std::string_view>, 4> kCloseReasons{{
    {CloseReason::Placed, "placed"},
    {CloseReason::Returned, "returned"},
    {CloseReason::MovedAway, "moved_away"},
    {CloseReason::Other, "other"},
}};

constexpr std::array<std::pair<OfferKind, std::string_view>, 5> kOffers{{
    {OfferKind::None, "none"},
    {OfferKind::PartialEducation, "partial_education"},
    {OfferKind::EducationCareArrangement, "education_care_arrangement"},
    {OfferKind::CareOnly, "care_only"},
    {OfferKind::Other, "other"},
}};

constexpr std::array<std::pair<EscalationForum, std::string_view>, 2> kForums{{
    {EscalationForum::PlacementMeeting, "placement_meeting"},
    {EscalationForum::Taskforce, "taskforce"},
}};

constexpr std::array<std::pair<ClockStatus, std::string_view>, 5> kClockStatuses{{
    {ClockStatus::OnTrack, "on_track"},
    {ClockStatus::AtRisk, "at_risk"},
    {ClockStatus::Overdue, "overdue"},
    {ClockStatus::Closed, "closed"},
    {ClockStatus::NotApplicable, "not_applicable"},
}};

bool has_clock(HomeboundCategory c) {
  return c == HomeboundCategory::Absolute || c == HomeboundCategory::RelativeLong;
}

} // namespace

std::vector<ConfigProblem> check_config(const HomeboundConfig& c) {
  std::vector<ConfigProblem> out;
  if (c.target_weeks < 1 || c.target_weeks > kLegalDeadlineWeeks)
    out.push_back(ConfigProblem::TargetOutOfRange);
  if (c.at_risk_weeks < 0 || c.at_risk_weeks >= c.target_weeks)
    out.push_back(ConfigProblem::AtRiskNotBelowTarget);
  if (c.relative_threshold_weeks < 1 || c.relative_threshold_weeks > 52)
    out.push_back(ConfigProblem::RelativeThresholdInvalid);
  if (c.threatening_weeks < 1 || c.threatening_weeks > c.relative_threshold_weeks)
    out.push_back(ConfigProblem::ThreateningAboveThreshold);
  if (c.min_unauthorised_hours < 1 || c.min_unauthorised_hours > 10)
    out.push_back(ConfigProblem::MinHoursOutOfRange);
  if (c.data_lag_school_days < 0 || c.data_lag_school_days > 20)
    out.push_back(ConfigProblem::DataLagOutOfRange);
  return out;
}

bool is_valid(const HomeboundConfig& c) {
  return check_config(c).empty();
}

std::string_view to_string(HomeboundCategory c) {
  return code_of(c, kCategories);
}
std::optional<HomeboundCategory> parse_homebound_category(std::string_view t) {
  return parse_code(t, kCategories);
}
std::string_view to_string(ExemptionKind k) {
  return code_of(k, kExemptionKinds);
}
std::optional<ExemptionKind> parse_exemption_kind(std::string_view t) {
  return parse_code(t, kExemptionKinds);
}
std::string_view to_string(CaseState s) {
  return code_of(s, kStates);
}
std::optional<CaseState> parse_case_state(std::string_view t) {
  return parse_code(t, kStates);
}
std::string_view to_string(CloseReason r) {
  return code_of(r, kCloseReasons);
}
std::optional<CloseReason> parse_close_reason(std::string_view t) {
  return parse_code(t, kCloseReasons);
}
std::string_view to_string(OfferKind k) {
  return code_of(k, kOffers);
}
std::optional<OfferKind> parse_offer_kind(std::string_view t) {
  return parse_code(t, kOffers);
}
std::string_view to_string(EscalationForum f) {
  return code_of(f, kForums);
}
std::optional<EscalationForum> parse_escalation_forum(std::string_view t) {
  return parse_code(t, kForums);
}
std::string_view to_string(ClockStatus s) {
  return code_of(s, kClockStatuses);
}
std::optional<ClockStatus> parse_clock_status(std::string_view t) {
  return parse_code(t, kClockStatuses);
}

std::string_view to_string(RelativeSubcategory s) {
  switch (s) {
  case RelativeSubcategory::None: return "";
  case RelativeSubcategory::UpToThreeMonths: return "2a";
  case RelativeSubcategory::OverThreeMonths: return "2b";
  }
  return "";
}

std::string_view to_string(DurationBand b) {
  switch (b) {
  case DurationBand::UnderFourWeeks: return "lt_4_weeks";
  case DurationBand::FourWeeksToThreeMonths: return "4_weeks_3_months";
  case DurationBand::ThreeToSixMonths: return "3_6_months";
  case DurationBand::OverSixMonths: return "gt_6_months";
  }
  return "";
}

Date legal_deadline(Date first_day) {
  return add_days(first_day, kLegalDeadlineWeeks * 7);
}

Date target_date(Date first_day, const HomeboundConfig& config) {
  return add_days(first_day, config.target_weeks * 7);
}

DurationBand duration_band(Date first_day, Date until) {
  // Four weeks are 28 days; months are calendar months, as people count them.
  if (days_between(first_day, until) < 28) return DurationBand::UnderFourWeeks;
  if (until <= add_months(first_day, 3)) return DurationBand::FourWeeksToThreeMonths;
  if (until <= add_months(first_day, 6)) return DurationBand::ThreeToSixMonths;
  return DurationBand::OverSixMonths;
}

RelativeSubcategory relative_subcategory(HomeboundCategory category, Date first_day, Date until) {
  if (category != HomeboundCategory::RelativeLong) return RelativeSubcategory::None;
  return until <= add_months(first_day, 3) ? RelativeSubcategory::UpToThreeMonths
                                           : RelativeSubcategory::OverThreeMonths;
}

HomeboundClock clock_for(HomeboundCategory category, Date first_day, std::optional<Date> closed_on,
                         Date today, const HomeboundConfig& config) {
  HomeboundClock c;
  c.first_day = first_day;
  c.legal_deadline = legal_deadline(first_day);
  c.target = target_date(first_day, config);
  // A closed clock stands still on the closing day.
  const Date until = closed_on ? *closed_on : today;
  c.days_elapsed = std::max(0, days_between(first_day, until));
  c.days_to_target = days_between(until, c.target);
  c.days_to_deadline = days_between(until, c.legal_deadline);
  c.legal_deadline_passed = until > c.legal_deadline;
  if (closed_on) {
    c.status = ClockStatus::Closed;
    c.resolved_within_deadline = *closed_on <= c.legal_deadline;
    return c;
  }
  if (!has_clock(category)) {
    c.status = ClockStatus::NotApplicable;
    return c;
  }
  if (today > c.target) {
    c.status = ClockStatus::Overdue;
  } else if (c.days_to_target < config.at_risk_weeks * 7) {
    c.status = ClockStatus::AtRisk;
  } else {
    c.status = ClockStatus::OnTrack;
  }
  return c;
}

std::string quarter_of(Date date) {
  return std::to_string(date.year) + "-Q" + std::to_string((date.month - 1) / 3 + 1);
}

bool review_overdue(std::optional<Date> review_on, Date today) {
  return review_on && *review_on < today;
}

std::string_view to_string(RegistrationProblem p) {
  switch (p) {
  case RegistrationProblem::FirstDayInFuture: return "out-of-range";
  case RegistrationProblem::FirstDayBeforeBirthLimit: return "out-of-range";
  case RegistrationProblem::RelativeNotYetLong: return "out-of-range";
  case RegistrationProblem::AbsoluteNeedsNotEnrolled: return "invalid-value";
  case RegistrationProblem::RelativeNeedsEnrolled: return "invalid-value";
  case RegistrationProblem::ExemptionKindRequired: return "required";
  case RegistrationProblem::ExemptionKindOnlyForExemption: return "invalid-value";
  case RegistrationProblem::ContactRequired: return "required";
  case RegistrationProblem::ReviewDateRequired: return "required";
  case RegistrationProblem::ReviewBeforeFirstDay: return "out-of-range";
  }
  return "invalid-value";
}

std::vector<RegistrationProblem> check_registration(const HomeboundRegistration& r, PupilEnrolment enrolment,
                                                    Date today, const HomeboundConfig& config) {
  std::vector<RegistrationProblem> out;
  using P = RegistrationProblem;
  if (r.first_day > today) out.push_back(P::FirstDayInFuture);
  if (days_between(r.first_day, today) > 20 * 366) out.push_back(P::FirstDayBeforeBirthLimit);
  switch (r.category) {
  case HomeboundCategory::Absolute:
    // Absoluut verzuim is "not enrolled anywhere"; an enrolled pupil absent is relatief verzuim.
    if (enrolment == PupilEnrolment::Enrolled) out.push_back(P::AbsoluteNeedsNotEnrolled);
    break;
  case HomeboundCategory::RelativeLong:
    if (enrolment != PupilEnrolment::Enrolled) out.push_back(P::RelativeNeedsEnrolled);
    // "More than 4 weeks": before that the pupil is dreigend, not yet a thuiszitter.
    // Counted inclusive of the first day, as detect_candidate counts the run.
    if (r.first_day <= today && days_between(r.first_day, today) + 1 <= config.relative_threshold_weeks * 7)
      out.push_back(P::RelativeNotYetLong);
    break;
  case HomeboundCategory::Exemption:
    if (!r.exemption_kind) out.push_back(P::ExemptionKindRequired);
    // Thuisdocent: every vrijstelling has a named person who keeps a finger on the pulse.
    if (r.contact_name.empty()) out.push_back(P::ContactRequired);
    if (!r.review_on) out.push_back(P::ReviewDateRequired);
    if (r.review_on && *r.review_on < r.first_day) out.push_back(P::ReviewBeforeFirstDay);
    break;
  case HomeboundCategory::AtRisk: break;
  }
  if (r.category != HomeboundCategory::Exemption && r.exemption_kind)
    out.push_back(P::ExemptionKindOnlyForExemption);
  return out;
}

std::string_view to_string(CloseProblem p) {
  switch (p) {
  case CloseProblem::ClosedOnInFuture: return "out-of-range";
  case CloseProblem::ClosedBeforeFirstDay: return "out-of-range";
  case CloseProblem::PlacementRequired: return "required";
  case CloseProblem::NotOpen: return "invalid-value";
  }
  return "invalid-value";
}

std::vector<CloseProblem> check_close(CaseState state, Date first_day, Date closed_on, CloseReason reason,
                                      std::string_view placement, Date today) {
  std::vector<CloseProblem> out;
  if (state != CaseState::Open) out.push_back(CloseProblem::NotOpen);
  if (closed_on > today) out.push_back(CloseProblem::ClosedOnInFuture);
  if (closed_on < first_day) out.push_back(CloseProblem::ClosedBeforeFirstDay);
  if (reason == CloseReason::Placed && placement.empty()) out.push_back(CloseProblem::PlacementRequired);
  return out;
}

std::optional<HomeboundCandidate> detect_candidate(const std::vector<AbsenceDayHours>& days,
                                                   const SchoolCalendar& calendar, Date today,
                                                   const HomeboundConfig& config) {
  std::map<Date, int> hours;
  for (const auto& d : days) {
    if (d.date <= today && calendar.is_school_day(d.date)) hours[d.date] += d.unauthorised_hours;
  }
  auto absent = [&](Date d) {
    auto it = hours.find(d);
    return it != hours.end() && it->second >= config.min_unauthorised_hours;
  };
  // The most recent school day on or before today.
  std::optional<Date> day =
      calendar.is_school_day(today) ? std::optional<Date>(today) : calendar.previous_school_day(today);
  // Skip the school days the import may not have reached yet; a day with any record is data.
  for (int lag = 0; day && !absent(*day) && lag < config.data_lag_school_days; ++lag) {
    if (hours.contains(*day)) return std::nullopt; // recorded, but not absent enough: back in class
    day = calendar.previous_school_day(*day);
  }
  if (!day || !absent(*day)) return std::nullopt;
  HomeboundCandidate c;
  c.last_day = *day;
  while (day && absent(*day)) {
    c.first_day = *day;
    ++c.school_days;
    day = calendar.previous_school_day(*day);
  }
  const int span = days_between(c.first_day, c.last_day) + 1;
  c.weeks_absent = span / 7;
  if (span > config.relative_threshold_weeks * 7) {
    c.suggested = HomeboundCategory::RelativeLong;
  } else if (span >= config.threatening_weeks * 7) {
    c.suggested = HomeboundCategory::AtRisk;
  } else {
    return std::nullopt;
  }
  return c;
}

} // namespace eenplan::domain
