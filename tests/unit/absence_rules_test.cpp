#include "domain/absence.hpp"
#include "domain/escalation.hpp"
#include "domain/school_calendar.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

namespace eenplan::domain {
namespace {

const SchoolCalendar& calendar() {
  static const SchoolCalendar kCalendar = default_school_calendar_2026_2027();
  return kCalendar;
}

using Absences = std::vector<Absence>;

/// Lesson hours `from`..`to` of `date`, all of `kind`.
void add_hours(Absences& out, Date date, int from, int to, AbsenceKind kind = AbsenceKind::Unauthorised) {
  for (int hour = from; hour <= to; ++hour)
    out.push_back({"p1", date, hour, kind, false});
}

std::vector<Firing> of_rule(const std::vector<Firing>& firings, std::string_view code) {
  std::vector<Firing> out;
  std::copy_if(firings.begin(), firings.end(), std::back_inserter(out),
               [code](const Firing& firing) { return firing.rule_code == code; });
  return out;
}

std::vector<Firing> run(const Absences& absences, const std::vector<Firing>& fired = {},
                        bool exempt = false) {
  return evaluate(default_protocol(), calendar(), absences, fired, exempt);
}

// ---- absence kinds -------------------------------------------------------------------------------

TEST(Absence, ParsesDutchCsvWordsAndEnglishCodes) {
  EXPECT_EQ(parse_absence_kind("ongeoorloofd"), AbsenceKind::Unauthorised);
  EXPECT_EQ(parse_absence_kind("ziek"), AbsenceKind::Sick);
  EXPECT_EQ(parse_absence_kind("te laat"), AbsenceKind::Late);
  EXPECT_EQ(parse_absence_kind("verwijderd"), AbsenceKind::Removed);
  EXPECT_EQ(parse_absence_kind("geoorloofd"), AbsenceKind::Authorised);
  for (const auto kind : kAllAbsenceKinds)
    EXPECT_EQ(parse_absence_kind(to_string(kind)), kind);
  EXPECT_EQ(parse_absence_kind("Ziek"), std::nullopt);
  EXPECT_EQ(parse_absence_kind("telaat"), std::nullopt);
  EXPECT_EQ(parse_absence_kind(""), std::nullopt);
}

// ---- consecutive unauthorised hours --------------------------------------------------------------

TEST(Escalation, SixteenConsecutiveUnauthorisedHoursNotifiesLeerplicht) {
  Absences absences;
  add_hours(absences, {2026, 9, 7}, 1, 8);
  add_hours(absences, {2026, 9, 8}, 1, 8);
  const auto firings = of_rule(run(absences), kRuleConsecutiveUnauthorised);
  ASSERT_EQ(firings.size(), 1U);
  EXPECT_EQ(firings[0].occurrence, 1);
  EXPECT_EQ(firings[0].evidence.size(), 16U);
  EXPECT_EQ(firings[0].evidence.front(), (AbsenceKey{{2026, 9, 7}, 1}));
  EXPECT_EQ(firings[0].fired_on, (Date{2026, 9, 8}));
  EXPECT_EQ(firings[0].recipient, Recipient::AttendanceOfficer);
}

TEST(Escalation, FifteenConsecutiveHoursDoNotFire) {
  Absences absences;
  add_hours(absences, {2026, 9, 7}, 1, 8);
  add_hours(absences, {2026, 9, 8}, 1, 7);
  EXPECT_TRUE(of_rule(run(absences), kRuleConsecutiveUnauthorised).empty());
}

TEST(Escalation, GapBreaksConsecutiveRun) {
  Absences absences;
  add_hours(absences, {2026, 9, 7}, 1, 8);
  add_hours(absences, {2026, 9, 8}, 1, 3); // present in hour 4
  add_hours(absences, {2026, 9, 8}, 5, 8);
  add_hours(absences, {2026, 9, 9}, 1, 3);
  EXPECT_TRUE(of_rule(run(absences), kRuleConsecutiveUnauthorised).empty());
  add_hours(absences, {2026, 9, 8}, 4, 4, AbsenceKind::Sick); // sick is not unauthorised
  EXPECT_TRUE(of_rule(run(absences), kRuleConsecutiveUnauthorised).empty());
  add_hours(absences, {2026, 9, 8}, 4, 4); // now unauthorised too: a run of 19
  EXPECT_EQ(of_rule(run(absences), kRuleConsecutiveUnauthorised).size(), 1U);
}

TEST(Escalation, WeekendAndHolidayDoNotBreakConsecutiveRun) {
  Absences absences;
  add_hours(absences, {2026, 10, 16}, 1, 8); // Friday before herfstvakantie
  add_hours(absences, {2026, 10, 26}, 1, 8); // Monday after
  EXPECT_EQ(of_rule(run(absences), kRuleConsecutiveUnauthorised).size(), 1U);
}

TEST(Escalation, EveryFullBlockOfSixteenConsecutiveHoursFires) {
  Absences absences;
  for (int day = 7; day <= 10; ++day)
    add_hours(absences, {2026, 9, day}, 1, 8); // 32 hours
  const auto firings = of_rule(run(absences), kRuleConsecutiveUnauthorised);
  ASSERT_EQ(firings.size(), 2U);
  EXPECT_EQ(firings[1].occurrence, 2);
  EXPECT_EQ(firings[1].evidence.front(), (AbsenceKey{{2026, 9, 9}, 1}));
}

// ---- late arrivals and sickness ------------------------------------------------------------------

TEST(Escalation, TwelveLateArrivalsNotifyLeerplicht) {
  Absences absences;
  Date date{2026, 9, 7};
  for (int count = 0; count < 11; date = *calendar().next_school_day(date), ++count) {
    add_hours(absences, date, 1, 1, AbsenceKind::Late);
  }
  EXPECT_TRUE(of_rule(run(absences), kRuleLateArrivals).empty());
  add_hours(absences, {2026, 9, 24}, 2, 2, AbsenceKind::Late);
  const auto firings = of_rule(run(absences), kRuleLateArrivals);
  ASSERT_EQ(firings.size(), 1U);
  EXPECT_EQ(firings[0].evidence.size(), 12U);
  EXPECT_EQ(firings[0].fired_on, (Date{2026, 9, 24}));
  EXPECT_EQ(firings[0].recipient, Recipient::AttendanceOfficer);
}

TEST(Escalation, LateArrivalsFireAgainAtTwentyFour) {
  Absences absences;
  for (int day = 0; day < 24; ++day) {
    const Date date = add_days({2026, 9, 7}, day);
    if (calendar().is_school_day(date)) add_hours(absences, date, 1, 1, AbsenceKind::Late);
    if (calendar().is_school_day(date)) add_hours(absences, date, 2, 2, AbsenceKind::Late);
  }
  // 18 school days × 2 = 36 late registrations → 3 firings.
  EXPECT_EQ(of_rule(run(absences), kRuleLateArrivals).size(), 3U);
}

TEST(Escalation, SixtySickHoursNonConsecutiveNotifyCareCoordinator) {
  Absences absences;
  // 3 sick hours on 20 school days (never consecutive: hours 2, 4, 6).
  Date date{2026, 9, 7};
  for (int days = 0; days < 20; date = *calendar().next_school_day(date), ++days) {
    for (int hour : {2, 4, 6})
      add_hours(absences, date, hour, hour, AbsenceKind::Sick);
    if (days == 18) {
      EXPECT_TRUE(of_rule(run(absences), kRuleSickHours).empty()); // 57 hours
    }
  }
  const auto firings = of_rule(run(absences), kRuleSickHours);
  ASSERT_EQ(firings.size(), 1U);
  EXPECT_EQ(firings[0].evidence.size(), 60U);
  EXPECT_EQ(firings[0].recipient, Recipient::CareCoordinator);
}

TEST(Escalation, SickHoursFireOnlyOncePerSchoolYear) {
  Absences absences;
  Date date{2026, 9, 7};
  for (int days = 0; days < 16; date = *calendar().next_school_day(date), ++days) {
    add_hours(absences, date, 1, 8, AbsenceKind::Sick); // 128 hours
  }
  const auto first = run(absences);
  EXPECT_EQ(of_rule(first, kRuleSickHours).size(), 1U);
  EXPECT_TRUE(of_rule(run(absences, first), kRuleSickHours).empty());
}

// ---- legal reporting duty: 16 hours in 4 school weeks --------------------------------------------

/// 4 unauthorised hours (1-4) on the Monday of each listed week.
Absences mondays(std::initializer_list<Date> weeks, int hours = 4) {
  Absences absences;
  for (const auto& monday : weeks)
    add_hours(absences, monday, 1, hours);
  return absences;
}

TEST(LegalReport, SixteenHoursWithinFourSchoolWeeksMustBeReported) {
  const auto absences = mondays({{2026, 9, 7}, {2026, 9, 14}, {2026, 9, 21}, {2026, 9, 28}});
  const auto firings = of_rule(run(absences), kRuleLegalSixteenHours);
  ASSERT_EQ(firings.size(), 1U);
  EXPECT_EQ(firings[0].evidence.size(), 16U);
  EXPECT_EQ(firings[0].fired_on, (Date{2026, 9, 28}));
  EXPECT_EQ(firings[0].recipient, Recipient::AttendanceOfficer);
  EXPECT_TRUE(of_rule(run(absences), kRuleConsecutiveUnauthorised).empty());
}

TEST(LegalReport, FifteenHoursWithinFourSchoolWeeksAreNotReported) {
  auto absences = mondays({{2026, 9, 7}, {2026, 9, 14}, {2026, 9, 21}, {2026, 9, 28}});
  absences.pop_back();
  EXPECT_TRUE(of_rule(run(absences), kRuleLegalSixteenHours).empty());
}

TEST(LegalReport, SixteenHoursSpreadOverFiveWeeksIsNotReported) {
  Absences absences = mondays({{2026, 9, 7}}, 4);
  for (const Date monday : {Date{2026, 9, 14}, Date{2026, 9, 21}, Date{2026, 9, 28}, Date{2026, 10, 5}}) {
    add_hours(absences, monday, 1, 3);
  }
  ASSERT_EQ(absences.size(), 16U);
  EXPECT_TRUE(of_rule(run(absences), kRuleLegalSixteenHours).empty());
}

TEST(LegalReport, HolidayWeeksDoNotCountTowardsTheFourWeeks) {
  const auto absences = mondays({{2026, 10, 5}, {2026, 10, 12}, {2026, 10, 26}, {2026, 11, 2}});
  EXPECT_EQ(of_rule(run(absences), kRuleLegalSixteenHours).size(), 1U);
}

TEST(LegalReport, ReportedAgainAtEveryFurtherSixteenHours) {
  Absences absences;
  for (const Date monday : {Date{2026, 9, 7}, Date{2026, 9, 14}, Date{2026, 9, 21}, Date{2026, 9, 28}}) {
    for (int day = 0; day < 3; ++day)
      add_hours(absences, add_days(monday, day), 1, 4); // 48 hours
  }
  absences.pop_back(); // 47
  EXPECT_EQ(of_rule(run(absences), kRuleLegalSixteenHours).size(), 2U);
  add_hours(absences, {2026, 9, 30}, 4, 4); // 48
  const auto firings = of_rule(run(absences), kRuleLegalSixteenHours);
  ASSERT_EQ(firings.size(), 3U);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(firings[static_cast<std::size_t>(i)].occurrence, i + 1);
    EXPECT_EQ(firings[static_cast<std::size_t>(i)].evidence.size(), 16U);
  }
  EXPECT_LT(firings[0].evidence.back(), firings[1].evidence.front()); // each counts new hours only
  EXPECT_LT(firings[1].evidence.back(), firings[2].evidence.front());
}

TEST(LegalReport, CannotBeSwitchedOff) {
  auto protocol = default_protocol();
  EXPECT_EQ(protocol.set_enabled(kRuleLegalSixteenHours, false), ProtocolError::LegalRuleRequired);
  EXPECT_EQ(protocol.set_enabled(kRuleLuxeverzuim, false), ProtocolError::LegalRuleRequired);
  EXPECT_TRUE(protocol.find(kRuleLegalSixteenHours)->enabled);
  EXPECT_EQ(protocol.set_enabled("no_such_rule", false), ProtocolError::UnknownRule);
  EXPECT_EQ(protocol.set_enabled(kRuleConsecutiveUnauthorised, false), std::nullopt);
  EXPECT_FALSE(protocol.find(kRuleConsecutiveUnauthorised)->enabled);
  // Even a hand-edited protocol with the legal rule flagged off still reports.
  for (auto& rule : protocol.rules)
    rule.enabled = false;
  const auto absences = mondays({{2026, 9, 7}, {2026, 9, 14}, {2026, 9, 21}, {2026, 9, 28}});
  EXPECT_EQ(of_rule(evaluate(protocol, calendar(), absences, {}, false), kRuleLegalSixteenHours).size(), 1U);
}

TEST(Escalation, DisabledSchoolRuleDoesNotFire) {
  auto protocol = default_protocol();
  ASSERT_EQ(protocol.set_enabled(kRuleConsecutiveUnauthorised, false), std::nullopt);
  Absences absences;
  add_hours(absences, {2026, 9, 7}, 1, 8);
  add_hours(absences, {2026, 9, 8}, 1, 8);
  const auto firings = evaluate(protocol, calendar(), absences, {}, false);
  EXPECT_TRUE(of_rule(firings, kRuleConsecutiveUnauthorised).empty());
  EXPECT_EQ(of_rule(firings, kRuleLegalSixteenHours).size(), 1U);
}

// ---- luxeverzuim ---------------------------------------------------------------------------------

TEST(Luxeverzuim, AbsenceOnDayBeforeHolidayFiresAtOnce) {
  Absences absences;
  add_hours(absences, {2026, 10, 16}, 1, 1);
  const auto firings = of_rule(run(absences), kRuleLuxeverzuim);
  ASSERT_EQ(firings.size(), 1U);
  EXPECT_EQ(firings[0].fired_on, (Date{2026, 10, 16}));
  EXPECT_EQ(firings[0].recipient, Recipient::AttendanceOfficer);
}

TEST(Luxeverzuim, AbsenceOnFirstDayAfterHolidayFires) {
  Absences absences;
  add_hours(absences, {2026, 10, 26}, 1, 8);
  const auto firings = of_rule(run(absences), kRuleLuxeverzuim);
  ASSERT_EQ(firings.size(), 1U);
  EXPECT_EQ(firings[0].evidence.size(), 8U);
}

TEST(Luxeverzuim, OrdinaryDayOnlyFiresWhenMarkedLuxe) {
  Absences absences;
  add_hours(absences, {2026, 10, 14}, 1, 2);
  add_hours(absences, {2026, 10, 15}, 1, 2, AbsenceKind::Authorised);
  absences.back().date = {2026, 10, 16}; // authorised absence before a holiday is no luxeverzuim
  EXPECT_TRUE(of_rule(run(absences), kRuleLuxeverzuim).empty());
  absences.front().marked_luxe = true;
  EXPECT_EQ(of_rule(run(absences), kRuleLuxeverzuim).size(), 1U);
}

// ---- idempotence, incremental evaluation, expertisepunt ------------------------------------------

Absences busy_year() {
  Absences absences;
  Date date{2026, 9, 7};
  for (int days = 0; days < 60; date = *calendar().next_school_day(date), ++days) {
    if (days % 3 == 0) add_hours(absences, date, 1, 4);                    // unauthorised
    if (days % 3 == 1) add_hours(absences, date, 5, 8, AbsenceKind::Sick); // sick
    if (days % 2 == 0) add_hours(absences, date, 1, 1, AbsenceKind::Late); // late
  }
  add_hours(absences, {2026, 10, 16}, 5, 8); // luxeverzuim
  for (int day = 2; day <= 4; ++day)
    add_hours(absences, {2026, 11, day}, 1, 8); // 24 in a row
  add_hours(absences, {2026, 11, 5}, 1, 8, AbsenceKind::Removed);
  std::sort(absences.begin(), absences.end(),
            [](const Absence& a, const Absence& b) { return key_of(a) < key_of(b); });
  return absences;
}

TEST(Escalation, RulesNeverFireTwiceForTheSameEvidence) {
  const auto absences = busy_year();
  const auto firings = run(absences);
  ASSERT_FALSE(firings.empty());
  EXPECT_TRUE(run(absences, firings).empty());
  for (const std::string_view code : {kRuleConsecutiveUnauthorised, kRuleLateArrivals, kRuleSickHours,
                                      kRuleLegalSixteenHours, kRuleLuxeverzuim}) {
    std::vector<AbsenceKey> seen;
    for (const auto& firing : of_rule(firings, code)) {
      for (const auto& key : firing.evidence) {
        EXPECT_EQ(std::count(seen.begin(), seen.end(), key), 0) << code;
        seen.push_back(key);
      }
    }
  }
  EXPECT_EQ(of_rule(firings, kRuleConsecutiveUnauthorised).size(), 1U);
  EXPECT_GE(of_rule(firings, kRuleLuxeverzuim).size(), 1U);
  EXPECT_EQ(of_rule(firings, kRuleSickHours).size(), 1U);
  EXPECT_EQ(of_rule(firings, kRuleLateArrivals).size(), 2U);
  EXPECT_GE(of_rule(firings, kRuleLegalSixteenHours).size(), 2U);
}

TEST(Escalation, IncrementalEvaluationEqualsOneShot) {
  const auto absences = busy_year();
  const auto one_shot = run(absences);
  for (std::size_t split : {absences.size() / 3, absences.size() / 2, absences.size() - 5}) {
    const Absences first_half(absences.begin(), absences.begin() + static_cast<std::ptrdiff_t>(split));
    auto total = run(first_half);
    const auto second = run(absences, total);
    total.insert(total.end(), second.begin(), second.end());
    auto by_rule = [](const Firing& a, const Firing& b) {
      return std::tie(a.rule_code, a.occurrence) < std::tie(b.rule_code, b.occurrence);
    };
    auto expected = one_shot;
    std::sort(total.begin(), total.end(), by_rule);
    std::sort(expected.begin(), expected.end(), by_rule);
    EXPECT_EQ(total, expected) << "split at " << split;
  }
}

TEST(Expertisepunt, ExemptPupilOnlyGetsLegalRules) {
  const auto absences = busy_year();
  const auto firings = run(absences, {}, true);
  ASSERT_FALSE(firings.empty());
  const auto protocol = default_protocol();
  for (const auto& firing : firings)
    EXPECT_TRUE(protocol.find(firing.rule_code)->legal) << firing.rule_code;
  EXPECT_FALSE(of_rule(firings, kRuleLegalSixteenHours).empty());
  EXPECT_FALSE(of_rule(firings, kRuleLuxeverzuim).empty());
}

TEST(Escalation, AbsencesOutsideLessonHoursOrSchoolDaysDoNotCount) {
  Absences absences;
  add_hours(absences, {2026, 10, 19}, 1, 8); // herfstvakantie
  add_hours(absences, {2026, 9, 12}, 1, 8);  // Saturday
  add_hours(absences, {2026, 9, 7}, 9, 20);  // no such lesson hours
  EXPECT_TRUE(run(absences).empty());
}

} // namespace
} // namespace eenplan::domain
