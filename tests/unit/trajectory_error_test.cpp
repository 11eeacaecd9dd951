#include "domain/trajectory_error.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>
#include <string_view>

namespace eenplan::domain {
namespace {

bool is_kebab_case(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && text[i + 1] == '-')) return false;
  }
  return true;
}

TEST(TrajectoryError, EveryRuleHasAUniqueKebabCaseCodeAndADutchMessage) {
  std::set<std::string_view> codes;
  for (const TrajectoryRule rule : all_trajectory_rules()) {
    const std::string_view c = code(rule);
    EXPECT_TRUE(is_kebab_case(c)) << c;
    EXPECT_TRUE(codes.insert(c).second) << "duplicate code " << c;
    EXPECT_GE(dutch_message(rule).size(), 10U) << c;
  }
  // The table really covers each rule (a missing row would fall back to the first one).
  EXPECT_EQ(codes.size(), all_trajectory_rules().size());
}

TEST(TrajectoryError, IssueCodesAreStable) {
  EXPECT_EQ(code(TrajectoryRule::EndDateBeyondOneYear), "end-date-beyond-one-year");
  EXPECT_EQ(code(TrajectoryRule::GoalOfOtherOpp), "goal-of-other-opp");
  EXPECT_EQ(code(TrajectoryRule::PhaseOfOtherModel), "phase-of-other-model");
  EXPECT_EQ(code(TrajectoryRule::ProvisionFull), "provision-full");
  EXPECT_EQ(code(TrajectoryRule::StaleVersion), "stale-version");
}

TEST(TrajectoryError, KindsTellTheApiWhichProblemToAnswer) {
  EXPECT_EQ(kind_of(TrajectoryRule::StaleVersion), ProblemKind::StaleVersion);
  EXPECT_EQ(kind_of(TrajectoryRule::ProvisionFull), ProblemKind::Conflict);
  EXPECT_EQ(kind_of(TrajectoryRule::EndDateBeyondOneYear), ProblemKind::InvalidInput);
}

TEST(TrajectoryError, ViolationCarriesFieldAndSpecificsAfterTheMessage) {
  const RuleViolation v = violation(TrajectoryRule::GoalMeasureRequired, "goals[1].measure", "(Doel 2.)");
  EXPECT_EQ(v.code(), "goal-measure-required");
  EXPECT_EQ(v.field, "goals[1].measure");
  EXPECT_EQ(v.message, std::string(dutch_message(TrajectoryRule::GoalMeasureRequired)) + " (Doel 2.)");
  EXPECT_EQ(v.kind(), ProblemKind::InvalidInput);
}

TEST(TrajectoryError, StaleVersionIsRefused) {
  EXPECT_TRUE(check_version(3, 3));
  const auto stale = check_version(4, 3);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().rule, TrajectoryRule::StaleVersion);
}

} // namespace
} // namespace eenplan::domain
