#include "domain/escalation.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <utility>

namespace eenplan::domain {
namespace {

using Keys = std::vector<AbsenceKey>;

/// Keys of the absences of `kind` that count (school day, valid hour), deduplicated, sorted, minus
/// the evidence already used (`used`: sorted, unique).
Keys eligible_keys(const SchoolCalendar& calendar, const std::vector<Absence>& absences, AbsenceKind kind,
                   const Keys& used, bool luxe_only) {
  Keys keys;
  for (const auto& absence : absences) {
    if (absence.kind != kind) continue;
    if (absence.lesson_hour < 1 || absence.lesson_hour > calendar.lesson_hours_per_day()) continue;
    if (!calendar.is_school_day(absence.date)) continue;
    if (luxe_only && !absence.marked_luxe && !calendar.is_adjacent_to_holiday(absence.date)) continue;
    keys.push_back(key_of(absence));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  if (used.empty()) return keys;
  Keys fresh;
  fresh.reserve(keys.size());
  std::set_difference(keys.begin(), keys.end(), used.begin(), used.end(), std::back_inserter(fresh));
  return fresh;
}

std::optional<AbsenceKey> next_slot(const SchoolCalendar& calendar, AbsenceKey key) {
  if (key.lesson_hour < calendar.lesson_hours_per_day()) return AbsenceKey{key.date, key.lesson_hour + 1};
  const auto next_day = calendar.next_school_day(key.date);
  if (!next_day) return std::nullopt;
  return AbsenceKey{*next_day, 1};
}

void add_firing(std::vector<Firing>& out, const EscalationRule& rule, int& occurrence, Keys evidence) {
  std::sort(evidence.begin(), evidence.end());
  Firing firing;
  firing.rule_code = rule.code;
  firing.occurrence = ++occurrence;
  firing.fired_on = evidence.back().date;
  firing.evidence = std::move(evidence);
  firing.recipient = rule.recipient;
  out.push_back(std::move(firing));
}

void consecutive_blocks(const EscalationRule& rule, const SchoolCalendar& calendar, const Keys& keys,
                        int& occurrence, std::vector<Firing>& out) {
  Keys block;
  std::optional<AbsenceKey> expected;
  for (const auto& key : keys) {
    if (!expected || *expected != key) block.clear();
    block.push_back(key);
    expected = next_slot(calendar, key);
    if (static_cast<int>(block.size()) == rule.threshold) {
      add_firing(out, rule, occurrence, block);
      block.clear();
    }
  }
}

void counted_blocks(const EscalationRule& rule, const Keys& keys, int& occurrence, std::vector<Firing>& out,
                    bool once) {
  const auto threshold = static_cast<std::size_t>(rule.threshold);
  for (std::size_t start = 0; start + threshold <= keys.size(); start += threshold) {
    add_firing(out, rule, occurrence,
               Keys(keys.begin() + static_cast<std::ptrdiff_t>(start),
                    keys.begin() + static_cast<std::ptrdiff_t>(start + threshold)));
    if (once) return;
  }
}

/// Every `threshold` hours not yet reported that fit in one window of `window_school_weeks`
/// consecutive school weeks fire, once per hour. The keys are sorted, so the window ending at each
/// key slides forward: one pass, where comparing every pair took a quarter of an import's time.
void windowed_blocks(const EscalationRule& rule, const SchoolCalendar& calendar, const Keys& keys,
                     int& occurrence, std::vector<Firing>& out) {
  if (rule.window_school_weeks < 1) return; // no window holds any hour
  std::vector<int> week(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i)
    week[i] = calendar.school_week_index(keys[i].date).value_or(-1); // eligible keys are school days
  std::vector<bool> reported(keys.size(), false);
  std::size_t start = 0;   // first key whose week still fits in the window ending at `end`
  std::size_t waiting = 0; // keys in [start, end] not yet reported
  for (std::size_t end = 0; end < keys.size(); ++end) {
    ++waiting;
    for (; week[end] - week[start] >= rule.window_school_weeks; ++start)
      if (!reported[start]) --waiting;
    if (static_cast<int>(waiting) < rule.threshold) continue;
    Keys window;
    for (std::size_t i = start; i <= end; ++i) {
      if (reported[i]) continue;
      reported[i] = true;
      window.push_back(keys[i]);
    }
    waiting = 0;
    add_firing(out, rule, occurrence, std::move(window));
  }
}

void luxe_days(const EscalationRule& rule, const Keys& keys, const std::vector<Date>& reported_days,
               int& occurrence, std::vector<Firing>& out) {
  std::size_t i = 0;
  while (i < keys.size()) {
    Keys day;
    const Date date = keys[i].date;
    for (; i < keys.size() && keys[i].date == date; ++i)
      day.push_back(keys[i]);
    if (std::binary_search(reported_days.begin(), reported_days.end(), date) ||
        static_cast<int>(day.size()) < rule.threshold)
      continue;
    add_firing(out, rule, occurrence, std::move(day));
  }
}

} // namespace

std::string_view to_string(RuleKind kind) {
  switch (kind) {
  case RuleKind::ConsecutiveUnauthorisedHours: return "consecutive_unauthorised_hours";
  case RuleKind::LateArrivals: return "late_arrivals";
  case RuleKind::SickHours: return "sick_hours";
  case RuleKind::LegalSixteenHoursInFourWeeks: return "legal_sixteen_hours_in_four_weeks";
  case RuleKind::Luxeverzuim: return "luxeverzuim";
  }
  return "unknown";
}

std::string_view to_string(Recipient recipient) {
  switch (recipient) {
  case Recipient::AttendanceOfficer: return "attendance_officer";
  case Recipient::CareCoordinator: return "care_coordinator";
  case Recipient::Mentor: return "mentor";
  }
  return "unknown";
}

std::string_view to_string(ProtocolError error) {
  switch (error) {
  case ProtocolError::UnknownRule: return "unknown-rule";
  case ProtocolError::LegalRuleRequired: return "legal-rule-required";
  case ProtocolError::InvalidThreshold: return "invalid-threshold";
  }
  return "unknown";
}

std::optional<ProtocolError> SchoolProtocol::set_enabled(std::string_view code, bool enabled) {
  for (auto& rule : rules) {
    if (rule.code != code) continue;
    if (rule.legal && !enabled) return ProtocolError::LegalRuleRequired;
    rule.enabled = enabled;
    return std::nullopt;
  }
  return ProtocolError::UnknownRule;
}

const EscalationRule* SchoolProtocol::find(std::string_view code) const {
  for (const auto& rule : rules) {
    if (rule.code == code) return &rule;
  }
  return nullptr;
}

SchoolProtocol default_protocol() {
  SchoolProtocol protocol;
  protocol.rules = {
      {std::string(kRuleConsecutiveUnauthorised), RuleKind::ConsecutiveUnauthorisedHours, 16, false,
       Recipient::AttendanceOfficer, true, 4},
      {std::string(kRuleLateArrivals), RuleKind::LateArrivals, 12, false, Recipient::AttendanceOfficer, true,
       4},
      {std::string(kRuleSickHours), RuleKind::SickHours, 60, false, Recipient::CareCoordinator, true, 4},
      {std::string(kRuleLegalSixteenHours), RuleKind::LegalSixteenHoursInFourWeeks, 16, true,
       Recipient::AttendanceOfficer, true, 4},
      {std::string(kRuleLuxeverzuim), RuleKind::Luxeverzuim, 1, true, Recipient::AttendanceOfficer, true, 4},
  };
  return protocol;
}

std::vector<SettingError> apply_settings(SchoolProtocol& protocol, const std::vector<RuleSetting>& settings) {
  const SchoolProtocol defaults = default_protocol();
  std::vector<SettingError> errors;
  for (std::size_t i = 0; i < settings.size(); ++i) {
    const auto& setting = settings[i];
    auto rule =
        std::ranges::find_if(protocol.rules, [&](const EscalationRule& r) { return r.code == setting.code; });
    if (rule == protocol.rules.end()) {
      errors.push_back({i, ProtocolError::UnknownRule});
      continue;
    }
    if (rule->legal && !setting.enabled) {
      errors.push_back({i, ProtocolError::LegalRuleRequired});
      continue;
    }
    const EscalationRule* standard = defaults.find(rule->code);
    const bool fixed = rule->legal || rule->kind == RuleKind::Luxeverzuim;
    if (setting.threshold < 1 || setting.threshold > 1000 ||
        (fixed && standard != nullptr && setting.threshold != standard->threshold)) {
      errors.push_back({i, ProtocolError::InvalidThreshold});
      continue;
    }
    rule->enabled = setting.enabled;
    rule->threshold = setting.threshold;
  }
  return errors;
}

std::string dutch_description(const EscalationRule& rule) {
  const std::string n = std::to_string(rule.threshold);
  switch (rule.kind) {
  case RuleKind::ConsecutiveUnauthorisedHours:
    return n + " lesuren achter elkaar ongeoorloofd afwezig: melding bij leerplicht.";
  case RuleKind::LateArrivals:
    return n + " keer te laat in het schooljaar: melding bij leerplicht (bij elke " + n + " opnieuw).";
  case RuleKind::SickHours:
    return n + " lesuren ziek in het schooljaar (achter elkaar of niet): signaal aan de "
               "ondersteuningscoördinator.";
  case RuleKind::LegalSixteenHoursInFourWeeks:
    return "Wettelijke meldplicht (art. 21a Leerplichtwet): " + n + " uur ongeoorloofd verzuim binnen " +
           std::to_string(rule.window_school_weeks) + " opeenvolgende schoolweken; bij elke volgende " + n +
           " uur opnieuw.";
  case RuleKind::Luxeverzuim:
    return "Wettelijke meldplicht: ongeoorloofd afwezig direct voor of na een vakantie, of gemarkeerd als "
           "luxeverzuim: direct melden bij leerplicht.";
  }
  return {};
}

std::string dutch_task_title(const EscalationRule& rule) {
  const std::string n = std::to_string(rule.threshold);
  switch (rule.kind) {
  case RuleKind::ConsecutiveUnauthorisedHours:
    return "Verzuimsignaal: " + n + " lesuren achter elkaar ongeoorloofd afwezig";
  case RuleKind::LateArrivals: return "Verzuimsignaal: " + n + " keer te laat";
  case RuleKind::SickHours: return "Verzuimsignaal: " + n + " lesuren ziek";
  case RuleKind::LegalSixteenHoursInFourWeeks:
    return "Verzuimmelding (wettelijk): " + n + " uur ongeoorloofd in " +
           std::to_string(rule.window_school_weeks) + " schoolweken";
  case RuleKind::Luxeverzuim: return "Verzuimmelding (wettelijk): mogelijk luxeverzuim";
  }
  return "Verzuimsignaal";
}

std::vector<Firing> evaluate(const SchoolProtocol& protocol, const SchoolCalendar& calendar,
                             const std::vector<Absence>& absences, const std::vector<Firing>& already_fired,
                             bool exempt_from_standard_protocol) {
  std::vector<Firing> out;
  for (const auto& rule : protocol.rules) {
    if (!rule.legal && (!rule.enabled || exempt_from_standard_protocol)) continue;
    if (rule.threshold < 1) continue;
    Keys used;
    std::vector<Date> used_days;
    int occurrence = 0;
    for (const auto& firing : already_fired) {
      if (firing.rule_code != rule.code) continue;
      occurrence = std::max(occurrence, firing.occurrence);
      used.insert(used.end(), firing.evidence.begin(), firing.evidence.end());
    }
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    for (const auto& key : used)
      if (used_days.empty() || used_days.back() != key.date) used_days.push_back(key.date);
    switch (rule.kind) {
    case RuleKind::ConsecutiveUnauthorisedHours:
      consecutive_blocks(rule, calendar,
                         eligible_keys(calendar, absences, AbsenceKind::Unauthorised, used, false),
                         occurrence, out);
      break;
    case RuleKind::LateArrivals:
      counted_blocks(rule, eligible_keys(calendar, absences, AbsenceKind::Late, used, false), occurrence, out,
                     false);
      break;
    case RuleKind::SickHours:
      if (occurrence > 0) break; // once per school year
      counted_blocks(rule, eligible_keys(calendar, absences, AbsenceKind::Sick, used, false), occurrence, out,
                     true);
      break;
    case RuleKind::LegalSixteenHoursInFourWeeks:
      windowed_blocks(rule, calendar,
                      eligible_keys(calendar, absences, AbsenceKind::Unauthorised, used, false), occurrence,
                      out);
      break;
    case RuleKind::Luxeverzuim:
      luxe_days(rule, eligible_keys(calendar, absences, AbsenceKind::Unauthorised, used, true), used_days,
                occurrence, out);
      break;
    }
  }
  return out;
}

} // namespace eenplan::domain
