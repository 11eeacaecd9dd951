// Thuiszitters: the register of pupils without a fitting place, the clock from the first day,
// detection of candidates from absence data, and the duration bands of the inspectie registration.
//
// Categories (OCW definition, domain rules §2): absoluut verzuim (leerplichtig, not enrolled, no
// vrijstelling); langdurig relatief verzuim (enrolled, absent without valid reason for more than
// 4 weeks; 2a up to 3 months, 2b beyond); vrijstellingen, tracked separately because they are no
// thuiszitters by law but still a child without school; and "dreigend" (at risk).
//
// The clock: by law a thuiszitter is back in school within 12 weeks of the first day (hard rule);
// the region's own target is shorter (Rotterdam: 10 weeks) and configurable.
//
// Pure: no I/O, no clock reads; `today` is always passed in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date_math.hpp"
#include "domain/dates.hpp"
#include "domain/school_calendar.hpp"

namespace eenplan::domain {

enum class HomeboundCategory {
  Absolute,     // "absolute": absoluut verzuim
  RelativeLong, // "relative_long": langdurig relatief verzuim (2a/2b by duration)
  Exemption,    // "exemption": vrijstelling or vervangende leerplicht
  AtRisk,       // "at_risk": dreigend thuiszitter
};

/// The legal ground of a vrijstelling (Leerplichtwet 1969).
enum class ExemptionKind {
  Art5a,         // "art5_a": 5 onder a, lichamelijke of psychische ongeschiktheid
  Art5b,         // "art5_b": 5 onder b, bedenkingen tegen de richting
  Art5c,         // "art5_c": 5 onder c, school buiten Nederland
  Art5aTravel,   // "art5a": artikel 5a, trekkend bestaan
  Art15,         // "art15": kwalificatieplichtige die ander onderwijs volgt
  Replacement3a, // "art3a": vervangende leerplicht, aangepast programma vanaf 14
  Replacement3b, // "art3b": vervangende leerplicht, laatste leerplichtjaar op het mbo
};

enum class CaseState { Open, Closed, Dismissed };

/// Why a case was closed. Placement is the one that means "back in school".
enum class CloseReason { Placed, Returned, MovedAway, Other };

/// What the pupil is offered now (aanbod); shown in the inspectie registration.
enum class OfferKind { None, PartialEducation, EducationCareArrangement, CareOnly, Other };

/// The forum a case was escalated to.
enum class EscalationForum { PlacementMeeting, Taskforce };

enum class ClockStatus {
  OnTrack,       // "on_track": more than `at_risk_weeks` before the region's target
  AtRisk,        // "at_risk": within `at_risk_weeks` of the target, target not yet passed
  Overdue,       // "overdue": the region's target date has passed
  Closed,        // "closed": the case is closed (placed, returned, ...)
  NotApplicable, // "not_applicable": vrijstelling and dreigend have no clock
};

/// 2a: 4 weeks up to 3 months; 2b: more than 3 months (langdurig relatief verzuim only).
enum class RelativeSubcategory { None, UpToThreeMonths, OverThreeMonths };

/// Duration bands of the inspectie registration.
enum class DurationBand {
  UnderFourWeeks,         // "lt_4_weeks"
  FourWeeksToThreeMonths, // "4_weeks_3_months"
  ThreeToSixMonths,       // "3_6_months"
  OverSixMonths,          // "gt_6_months"
};

/// The legal deadline: back in school within 12 weeks of the first day. Not configurable.
inline constexpr int kLegalDeadlineWeeks = 12;

/// Region settings; the defaults come from the seeds (Koers VO: 10 weeks, leerplicht: > 4 weeks).
struct HomeboundConfig {
  int target_weeks = 10;            // the region's own target, ≤ the legal 12 weeks
  int at_risk_weeks = 2;            // "at risk" when fewer weeks than this remain to the target
  int relative_threshold_weeks = 4; // langdurig relatief verzuim: absent more than this
  int threatening_weeks = 2;        // dreigend: continuously absent at least this long
  int min_unauthorised_hours = 4;   // a school day counts as absent from this many hours
  int data_lag_school_days = 5;     // absence imports lag: a run may end this many school days ago
};

/// A setting that does not make sense, by field (the HomeboundConfig member name).
enum class ConfigProblem {
  TargetOutOfRange,          // target_weeks: 1 .. the legal 12 weeks
  AtRiskNotBelowTarget,      // at_risk_weeks: 0 .. target_weeks - 1
  RelativeThresholdInvalid,  // relative_threshold_weeks: 1 .. 52
  ThreateningAboveThreshold, // threatening_weeks: 1 .. relative_threshold_weeks
  MinHoursOutOfRange,        // min_unauthorised_hours: 1 .. 10 (a school day's lesson hours)
  DataLagOutOfRange,         // data_lag_school_days: 0 .. 20
};

/// Every problem of the settings, in field order; empty when they make sense.
std::vector<ConfigProblem> check_config(const HomeboundConfig& config);

/// Whether the settings make sense: check_config finds nothing.
bool is_valid(const HomeboundConfig& config);

// ---- codes --------------------------------------------------------------------------------------

std::string_view to_string(HomeboundCategory c);
std::optional<HomeboundCategory> parse_homebound_category(std::string_view text);
std::string_view to_string(ExemptionKind k);
std::optional<ExemptionKind> parse_exemption_kind(std::string_view text);
std::string_view to_string(CaseState s);
std::optional<CaseState> parse_case_state(std::string_view text);
std::string_view to_string(CloseReason r);
std::optional<CloseReason> parse_close_reason(std::string_view text);
std::string_view to_string(OfferKind k);
std::optional<OfferKind> parse_offer_kind(std::string_view text);
std::string_view to_string(EscalationForum f);
std::optional<EscalationForum> parse_escalation_forum(std::string_view text);
std::string_view to_string(ClockStatus s);
std::optional<ClockStatus> parse_clock_status(std::string_view text);
/// "2a", "2b" or "" (none).
std::string_view to_string(RelativeSubcategory s);
std::string_view to_string(DurationBand b);

// ---- the clock ----------------------------------------------------------------------------------

/// 12 weeks after the first day.
Date legal_deadline(Date first_day);
/// `config.target_weeks` after the first day.
Date target_date(Date first_day, const HomeboundConfig& config);
/// The duration band of a period from `first_day` to `until` (today, or the day it was closed).
DurationBand duration_band(Date first_day, Date until);
/// 2a/2b for langdurig relatief verzuim; None for other categories.
RelativeSubcategory relative_subcategory(HomeboundCategory category, Date first_day, Date until);

struct HomeboundClock {
  Date first_day;
  Date legal_deadline;
  Date target;
  int days_elapsed = 0;     // first day to today (or to the closing day)
  int days_to_target = 0;   // negative when passed
  int days_to_deadline = 0; // negative when passed
  bool legal_deadline_passed = false;
  ClockStatus status = ClockStatus::OnTrack;
  /// Closed cases: closed on or before the legal deadline.
  bool resolved_within_deadline = false;
};

/// The clock of a case on `today`. `closed_on` stops it.
HomeboundClock clock_for(HomeboundCategory category, Date first_day, std::optional<Date> closed_on,
                         Date today, const HomeboundConfig& config);

/// A vrijstelling whose review date has passed.
bool review_overdue(std::optional<Date> review_on, Date today);

// ---- registration rules -------------------------------------------------------------------------

/// What the register needs to know about the pupil for the category rules.
enum class PupilEnrolment { Enrolled, NotEnrolled, Exempted, Left };

/// Stable codes of registration rule violations; the API maps them to fields and Dutch text.
enum class RegistrationProblem {
  FirstDayInFuture,              // firstDay
  FirstDayBeforeBirthLimit,      // firstDay: more than 20 years ago is a typo
  RelativeNotYetLong,            // firstDay: LRV needs more than relative_threshold_weeks
  AbsoluteNeedsNotEnrolled,      // category: absoluut verzuim only for a pupil not enrolled
  RelativeNeedsEnrolled,         // category: LRV only for an enrolled pupil
  ExemptionKindRequired,         // exemptionKind
  ExemptionKindOnlyForExemption, // exemptionKind given for another category
  ContactRequired,               // contactName: every vrijstelling has a named person
  ReviewDateRequired,            // reviewOn
  ReviewBeforeFirstDay,          // reviewOn
};

std::string_view to_string(RegistrationProblem p);

struct HomeboundRegistration {
  HomeboundCategory category = HomeboundCategory::AtRisk;
  Date first_day;
  std::optional<ExemptionKind> exemption_kind;
  std::string contact_name;
  std::optional<Date> review_on;
};

/// Every rule the registration breaks, empty when it may be recorded.
std::vector<RegistrationProblem> check_registration(const HomeboundRegistration& r, PupilEnrolment enrolment,
                                                    Date today, const HomeboundConfig& config);

enum class CloseProblem {
  ClosedOnInFuture,     // closedOn
  ClosedBeforeFirstDay, // closedOn
  PlacementRequired,    // placement: "placed" names where
  NotOpen,              // the case is already closed or dismissed
};

std::string_view to_string(CloseProblem p);

std::vector<CloseProblem> check_close(CaseState state, Date first_day, Date closed_on, CloseReason reason,
                                      std::string_view placement, Date today);

/// "2026-Q4" for any date in October–December 2026.
std::string quarter_of(Date date);

// ---- candidates from absence data ---------------------------------------------------------------

/// Unauthorised hours of one pupil on one date (from the `absences` table).
struct AbsenceDayHours {
  Date date;
  int unauthorised_hours = 0;
};

struct HomeboundCandidate {
  HomeboundCategory suggested = HomeboundCategory::AtRisk; // RelativeLong or AtRisk
  Date first_day;       // first school day of the unbroken run of absent school days
  Date last_day;        // last absent school day seen
  int school_days = 0;  // absent school days in the run
  int weeks_absent = 0; // whole calendar weeks from first_day to last_day (inclusive)
};

/// The unbroken run of absent school days that ends near `today`, when it is long enough to
/// count: more than `relative_threshold_weeks` → langdurig relatief verzuim; at least
/// `threatening_weeks` → dreigend. A school day counts as absent with at least
/// `min_unauthorised_hours` unauthorised hours; holidays and weekends neither break nor count.
/// The run must reach to within `data_lag_school_days` school days of `today` (imports lag).
/// `days` may be in any order; dates after `today` are ignored.
std::optional<HomeboundCandidate> detect_candidate(const std::vector<AbsenceDayHours>& days,
                                                   const SchoolCalendar& calendar, Date today,
                                                   const HomeboundConfig& config);

} // namespace eenplan::domain
