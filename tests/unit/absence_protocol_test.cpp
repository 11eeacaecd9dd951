// A school's own protocol settings, the Dutch texts of the rules and the school year of a date.
#include <gtest/gtest.h>

#include "domain/escalation.hpp"
#include "domain/school_calendar.hpp"

namespace eenplan::domain {
namespace {

TEST(ProtocolSettings, SchoolMayRaiseTheLateArrivalsThreshold) {
  auto protocol = default_protocol();
  EXPECT_TRUE(apply_settings(protocol, {{std::string(kRuleLateArrivals), true, 15}}).empty());
  EXPECT_EQ(protocol.find(kRuleLateArrivals)->threshold, 15);
}

TEST(ProtocolSettings, SchoolMaySwitchOffAStandardRule) {
  auto protocol = default_protocol();
  EXPECT_TRUE(apply_settings(protocol, {{std::string(kRuleSickHours), false, 60}}).empty());
  EXPECT_FALSE(protocol.find(kRuleSickHours)->enabled);
}

TEST(ProtocolSettings, SwitchingOffTheLegalSixteenHoursRuleIsRefused) {
  auto protocol = default_protocol();
  const auto errors = apply_settings(protocol, {{std::string(kRuleLegalSixteenHours), false, 16}});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].error, ProtocolError::LegalRuleRequired);
  EXPECT_TRUE(protocol.find(kRuleLegalSixteenHours)->enabled);
}

TEST(ProtocolSettings, SwitchingOffLuxeverzuimIsRefused) {
  auto protocol = default_protocol();
  const auto errors = apply_settings(protocol, {{std::string(kRuleLuxeverzuim), false, 1}});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].error, ProtocolError::LegalRuleRequired);
}

TEST(ProtocolSettings, TheLegalThresholdCannotBeChanged) {
  auto protocol = default_protocol();
  const auto errors = apply_settings(protocol, {{std::string(kRuleLegalSixteenHours), true, 20}});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].error, ProtocolError::InvalidThreshold);
  EXPECT_EQ(protocol.find(kRuleLegalSixteenHours)->threshold, 16);
}

TEST(ProtocolSettings, UnknownRuleAndThresholdOutOfRangeAreReportedWithTheirIndex) {
  auto protocol = default_protocol();
  const auto errors = apply_settings(protocol, {{std::string(kRuleSickHours), true, 50},
                                                {"no_such_rule", true, 3},
                                                {std::string(kRuleLateArrivals), true, 0}});
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].index, 1U);
  EXPECT_EQ(errors[0].error, ProtocolError::UnknownRule);
  EXPECT_EQ(errors[1].index, 2U);
  EXPECT_EQ(errors[1].error, ProtocolError::InvalidThreshold);
  EXPECT_EQ(protocol.find(kRuleSickHours)->threshold, 50) << "valid settings still apply to the copy";
}

TEST(ProtocolSettings, ARaisedThresholdChangesWhenTheRuleFires) {
  auto protocol = default_protocol();
  ASSERT_TRUE(apply_settings(protocol, {{std::string(kRuleLateArrivals), true, 3}}).empty());
  const auto calendar = default_school_calendar_2026_2027();
  std::vector<Absence> late;
  for (int d = 23; d <= 25; ++d)
    late.push_back({"p", {2026, 11, d}, 1, AbsenceKind::Late, false});
  const auto firings = evaluate(protocol, calendar, late, {}, false);
  ASSERT_EQ(firings.size(), 1U);
  EXPECT_EQ(firings[0].rule_code, kRuleLateArrivals);
  EXPECT_EQ(firings[0].evidence.size(), 3U);
}

TEST(ProtocolTexts, DescriptionsAndTaskTitlesNameTheThreshold) {
  for (const auto& rule : default_protocol().rules) {
    SCOPED_TRACE(rule.code);
    EXPECT_FALSE(dutch_description(rule).empty());
    EXPECT_FALSE(dutch_task_title(rule).empty());
  }
  EXPECT_EQ(dutch_task_title(*default_protocol().find(kRuleConsecutiveUnauthorised)),
            "Verzuimsignaal: 16 lesuren achter elkaar ongeoorloofd afwezig");
  EXPECT_NE(dutch_description(*default_protocol().find(kRuleLegalSixteenHours)).find("21a"),
            std::string::npos);
}

TEST(SchoolYear, RunsFromAugustToJuly) {
  EXPECT_EQ(school_year_of({2026, 8, 1}), "2026-2027");
  EXPECT_EQ(school_year_of({2027, 7, 31}), "2026-2027");
  EXPECT_EQ(school_year_of({2027, 8, 1}), "2027-2028");
}

TEST(SchoolYear, TwentySixTwentySevenUsesTheDefaultCalendar) {
  const auto calendar = school_calendar_for({2026, 12, 1});
  EXPECT_EQ(calendar.first_day(), (Date{2026, 8, 17}));
  EXPECT_EQ(calendar.last_day(), (Date{2027, 7, 9}));
  EXPECT_FALSE(calendar.is_school_day({2026, 12, 24})) << "kerstvakantie";
}

TEST(SchoolYear, OtherYearsGetAPlainCalendarFromMidAugustToMidJuly) {
  const auto calendar = school_calendar_for({2027, 10, 1});
  EXPECT_EQ(calendar.first_day(), (Date{2027, 8, 16})) << "third Monday of August 2027";
  EXPECT_EQ(calendar.last_day(), (Date{2028, 7, 14})) << "second Friday of July 2028";
  EXPECT_TRUE(calendar.holidays().empty());
}

} // namespace
} // namespace eenplan::domain
