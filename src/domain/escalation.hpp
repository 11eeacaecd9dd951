// Verzuim escalation protocol: configurable rules per school plus the legal reporting duties that
// cannot be switched off. `evaluate` is a pure function of the pupil's absences in one school
// year and the firings already recorded; it returns only NEW firings.
//
// Rule semantics (exact):
// - Evidence is consumed: an absence that is evidence of an earlier firing of a rule is never
//   counted again by that rule. Occurrence numbers continue from the highest recorded one.
// - Only absences on school days with a lesson hour in 1..lesson_hours_per_day count. Several
//   registrations for the same date+hour of the same kind count once.
// - ConsecutiveUnauthorisedHours (threshold N): lesson hours follow each other from hour h to
//   h+1 of the same school day, and from the last lesson hour of a school day to hour 1 of the
//   next school day (weekends and holidays in between do not break a run). A run breaks at any
//   lesson hour that is not registered unauthorised. Every full block of N hours in a run fires
//   once (a run of 2N fires twice); evidence = the N hours of the block.
// - LateArrivals (threshold N): each late registration is one arrival; fires at every N
//   not-yet-used arrivals of the school year (so at 12, 24, 36 …); evidence = those N arrivals.
// - SickHours (threshold N): fires once per school year, when the sick hours (consecutive or not)
//   reach N; evidence = the first N sick hours. Never again that school year (the next school
//   year is evaluated with its own absences and firings).
// - LegalSixteenHoursInFourWeeks (threshold N, window W school weeks; legal): fires when N
//   not-yet-reported unauthorised hours lie within one window of W consecutive school weeks;
//   evidence = those N hours. Each further melding again needs N unreported hours within W
//   consecutive school weeks.
// - Luxeverzuim (legal): an unauthorised hour on a school day directly adjacent to a holiday
//   (last school day before / first after; detection heuristic) or explicitly marked luxe fires
//   at once; one firing per date, evidence = that date's qualifying hours. A date that already
//   has luxeverzuim evidence does not fire again.
// - A pupil exempt from the standard protocol (expertisepunt) only gets the legal rules.
//   Disabled rules are skipped; legal rules always run.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/absence.hpp"
#include "domain/dates.hpp"
#include "domain/school_calendar.hpp"

namespace eenplan::domain {

enum class RuleKind {
  ConsecutiveUnauthorisedHours,
  LateArrivals,
  SickHours,
  LegalSixteenHoursInFourWeeks,
  Luxeverzuim,
};
/// "consecutive_unauthorised_hours" | "late_arrivals" | "sick_hours" |
/// "legal_sixteen_hours_in_four_weeks" | "luxeverzuim"
std::string_view to_string(RuleKind kind);

/// Who gets the task: leerplichtambtenaar, ondersteuningscoördinator, mentor.
enum class Recipient { AttendanceOfficer, CareCoordinator, Mentor };
/// "attendance_officer" | "care_coordinator" | "mentor"
std::string_view to_string(Recipient recipient);

struct EscalationRule {
  std::string code;
  RuleKind kind = RuleKind::ConsecutiveUnauthorisedHours;
  int threshold = 1;
  bool legal = false; // cannot be disabled
  Recipient recipient = Recipient::AttendanceOfficer;
  bool enabled = true;
  int window_school_weeks = 4; // only LegalSixteenHoursInFourWeeks
};

inline constexpr std::string_view kRuleConsecutiveUnauthorised = "consecutive_unauthorised_16";
inline constexpr std::string_view kRuleLateArrivals = "late_arrivals_12";
inline constexpr std::string_view kRuleSickHours = "sick_hours_60";
inline constexpr std::string_view kRuleLegalSixteenHours = "legal_16_hours_4_weeks";
inline constexpr std::string_view kRuleLuxeverzuim = "luxeverzuim";

enum class ProtocolError {
  UnknownRule,       // "unknown-rule"
  LegalRuleRequired, // "legal-rule-required": a legal reporting duty cannot be switched off
  InvalidThreshold,  // "invalid-threshold": below 1, above 1000, or a legal rule's fixed number
};
std::string_view to_string(ProtocolError error);

struct SchoolProtocol {
  std::vector<EscalationRule> rules;

  /// Enables or disables a rule. Disabling a legal rule is refused (LegalRuleRequired); enabling
  /// one is a no-op. nullopt on success.
  [[nodiscard]] std::optional<ProtocolError> set_enabled(std::string_view code, bool enabled);
  [[nodiscard]] const EscalationRule* find(std::string_view code) const;
};

/// Seed defaults: 16 consecutive unauthorised hours → leerplicht; 12 late arrivals → leerplicht;
/// 60 sick hours → ondersteuningscoördinator; legal: 16 unauthorised hours in 4 school weeks →
/// leerplicht (again at every further 16), luxeverzuim → leerplicht at once.
SchoolProtocol default_protocol();

/// A school's own setting of one rule.
struct RuleSetting {
  std::string code;
  bool enabled = true;
  int threshold = 1;
};

/// One refused setting: its index in the list and why.
struct SettingError {
  std::size_t index = 0;
  ProtocolError error = ProtocolError::UnknownRule;
};

/// The default protocol with `settings` applied (rules not named keep their default). Refused:
/// unknown codes, switching off a legal rule, a threshold outside 1..1000, changing the threshold
/// of a legal rule (the law fixes it) or of luxeverzuim (always 1). All errors, in order.
[[nodiscard]] std::vector<SettingError> apply_settings(SchoolProtocol& protocol,
                                                       const std::vector<RuleSetting>& settings);

/// Dutch description of a rule with its current threshold, for the settings screen.
std::string dutch_description(const EscalationRule& rule);
/// Dutch title of the task a firing of `rule` creates, e.g. "Verzuimsignaal: 16 lesuren achter
/// elkaar ongeoorloofd afwezig".
std::string dutch_task_title(const EscalationRule& rule);

struct Firing {
  std::string rule_code;
  int occurrence = 1;               // 1, 2, 3 … per rule code
  std::vector<AbsenceKey> evidence; // sorted chronologically
  Date fired_on;                    // date of the last evidence absence
  Recipient recipient = Recipient::AttendanceOfficer;

  friend bool operator==(const Firing&, const Firing&) = default;
};

/// New firings for one pupil in one school year, in protocol rule order, then occurrence.
/// `absences`: all absences of the pupil in the school year (any order). `already_fired`: the
/// firings recorded earlier for this pupil and school year.
[[nodiscard]] std::vector<Firing> evaluate(const SchoolProtocol& protocol, const SchoolCalendar& calendar,
                                           const std::vector<Absence>& absences,
                                           const std::vector<Firing>& already_fired,
                                           bool exempt_from_standard_protocol);

} // namespace eenplan::domain
