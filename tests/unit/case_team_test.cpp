// The rules of a case-team change (domain/case_team.*), one test per rule, named after it.
#include "domain/case_team.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace eenplan::domain {
namespace {

constexpr const char* kRegion = "region-1";

CaseTeamEntry member(std::string user, std::string role = "mentor", bool lead = false) {
  return CaseTeamEntry{.user_id = std::move(user), .case_role = std::move(role), .is_case_lead = lead};
}

CaseTeamEntry lead(std::string user, std::string role = "coördinator passend onderwijs") {
  return member(std::move(user), std::move(role), true);
}

MemberAccount account(Role role = Role::Teacher, bool disabled = false, std::string region = kRegion) {
  return MemberAccount{.region_id = std::move(region), .role = role, .disabled = disabled};
}

/// Every proposed member has an ordinary account of the region.
std::vector<std::optional<MemberAccount>> ordinary(std::size_t n) {
  return std::vector<std::optional<MemberAccount>>(n, account());
}

std::vector<CaseTeamViolation> check(const std::vector<CaseTeamEntry>& current,
                                     const std::vector<CaseTeamEntry>& proposed) {
  return check_case_team_change(current, proposed, ordinary(proposed.size()), kRegion);
}

const std::vector<CaseTeamEntry> kTeam{lead("coordinator"), member("mentor"),
                                       member("care", "jeugdhulpverlener")};

TEST(CaseTeam, AValidChangeBreaksNoRule) {
  auto proposed = kTeam;
  proposed.push_back(member("ortho", "orthopedagoog"));
  EXPECT_TRUE(check(kTeam, proposed).empty());
}

TEST(CaseTeam, ExactlyOneRegisseurAfterEveryChange) {
  auto none = kTeam;
  none[0].is_case_lead = false;
  EXPECT_EQ(check(kTeam, none), (std::vector<CaseTeamViolation>{{CaseTeamRule::NoCaseLead, "members"}}));

  auto two = kTeam;
  two[2].is_case_lead = true;
  EXPECT_EQ(check(kTeam, two),
            (std::vector<CaseTeamViolation>{{CaseTeamRule::TwoCaseLeads, "members[2].isCaseLead"}}));

  // Also the first team of a pupil, and an emptied team: a casus always has its regisseur.
  EXPECT_EQ(check({}, {member("mentor")}).front().rule, CaseTeamRule::NoCaseLead);
  EXPECT_EQ(check(kTeam, {}).front().rule, CaseTeamRule::CaseLeadRemoved);
  EXPECT_TRUE(check({}, {lead("mentor", "mentor")}).empty());
}

TEST(CaseTeam, RemovingTheRegisseurRequiresNamingANewOneInTheSameChange) {
  const std::vector<CaseTeamEntry> without_lead{member("mentor"), member("care", "jeugdhulpverlener")};
  EXPECT_EQ(check(kTeam, without_lead),
            (std::vector<CaseTeamViolation>{{CaseTeamRule::CaseLeadRemoved, "members"}}));
  // The hand-over in one change: the old regisseur leaves, youth care takes regie.
  const std::vector<CaseTeamEntry> handed_over{member("mentor"), lead("care", "jeugdhulpverlener")};
  EXPECT_TRUE(check(kTeam, handed_over).empty());
  // Stepping back without leaving is "no regisseur", not "removed".
  auto stepped_back = kTeam;
  stepped_back[0].is_case_lead = false;
  EXPECT_EQ(check(kTeam, stepped_back).front().rule, CaseTeamRule::NoCaseLead);
}

TEST(CaseTeam, NoDuplicateMember) {
  auto twice = kTeam;
  twice.push_back(member("mentor", "leerkracht"));
  EXPECT_EQ(check(kTeam, twice),
            (std::vector<CaseTeamViolation>{{CaseTeamRule::DuplicateMember, "members[3].userId"}}));
}

TEST(CaseTeam, MemberMustHaveAnAccount) {
  auto proposed = kTeam;
  proposed.push_back(member("ghost"));
  auto accounts = ordinary(3);
  accounts.emplace_back(std::nullopt);
  EXPECT_EQ(check_case_team_change(kTeam, proposed, accounts, kRegion),
            (std::vector<CaseTeamViolation>{{CaseTeamRule::UnknownUser, "members[3].userId"}}));
}

TEST(CaseTeam, MemberMustBelongToTheRegion) {
  auto proposed = kTeam;
  proposed.push_back(member("elsewhere"));
  auto accounts = ordinary(3);
  accounts.emplace_back(account(Role::Teacher, false, "region-2"));
  EXPECT_EQ(check_case_team_change(kTeam, proposed, accounts, kRegion),
            (std::vector<CaseTeamViolation>{{CaseTeamRule::MemberOutsideRegion, "members[3].userId"}}));
}

TEST(CaseTeam, AdminCannotJoin) {
  auto proposed = kTeam;
  proposed.push_back(member("admin", "anders"));
  auto accounts = ordinary(3);
  accounts.emplace_back(account(Role::SwvAdmin));
  EXPECT_EQ(check_case_team_change(kTeam, proposed, accounts, kRegion),
            (std::vector<CaseTeamViolation>{{CaseTeamRule::AdminCannotJoin, "members[3].userId"}}));
  // Not even when already on the team from before the rule existed.
  EXPECT_EQ(check_case_team_change(proposed, proposed, accounts, kRegion).front().rule,
            CaseTeamRule::AdminCannotJoin);
}

TEST(CaseTeam, DisabledAccountCannotJoinButMayStay) {
  auto proposed = kTeam;
  proposed.push_back(member("blocked"));
  auto accounts = ordinary(3);
  accounts.emplace_back(account(Role::Teacher, /*disabled=*/true));
  EXPECT_EQ(check_case_team_change(kTeam, proposed, accounts, kRegion),
            (std::vector<CaseTeamViolation>{{CaseTeamRule::AccountDisabled, "members[3].userId"}}));
  EXPECT_TRUE(check_case_team_change(proposed, proposed, accounts, kRegion).empty());
}

TEST(CaseTeam, CaseRoleComesFromTheList) {
  auto proposed = kTeam;
  proposed.push_back(member("ortho", "tovenaar"));
  EXPECT_EQ(check(kTeam, proposed),
            (std::vector<CaseTeamViolation>{{CaseTeamRule::UnknownCaseRole, "members[3].caseRole"}}));
  proposed.back().case_role = "";
  EXPECT_EQ(check(kTeam, proposed).front().rule, CaseTeamRule::UnknownCaseRole);
}

TEST(CaseTeam, ARoleFromBeforeTheListStaysWhileUnchanged) {
  const std::vector<CaseTeamEntry> old{lead("gemeente", "regisseur"), member("mentor")};
  auto proposed = old;
  proposed.push_back(member("ortho", "orthopedagoog"));
  EXPECT_TRUE(check(old, proposed).empty());
  proposed[1].case_role = "regisseur"; // giving someone else the old role is a new, unlisted role
  EXPECT_EQ(check(old, proposed).front().rule, CaseTeamRule::UnknownCaseRole);
}

TEST(CaseTeam, AtMostTwentyMembers) {
  std::vector<CaseTeamEntry> big{lead("u0")};
  for (int i = 1; i <= 20; ++i)
    big.push_back(member("u" + std::to_string(i)));
  EXPECT_EQ(check({}, big), (std::vector<CaseTeamViolation>{{CaseTeamRule::TooManyMembers, "members"}}));
  big.pop_back();
  EXPECT_TRUE(check({}, big).empty());
}

TEST(CaseTeam, EveryBrokenRuleIsReportedAtOnce) {
  const std::vector<CaseTeamEntry> proposed{member("mentor", "toverheks"), member("mentor")};
  const auto found = check(kTeam, proposed);
  EXPECT_EQ(found, (std::vector<CaseTeamViolation>{{CaseTeamRule::UnknownCaseRole, "members[0].caseRole"},
                                                   {CaseTeamRule::DuplicateMember, "members[1].userId"},
                                                   {CaseTeamRule::CaseLeadRemoved, "members"}}));
}

TEST(CaseTeam, TheDiffNamesWhoWasAddedRemovedAndChanged) {
  const std::vector<CaseTeamEntry> proposed{member("coordinator", "coördinator passend onderwijs"),
                                            lead("care", "jeugdhulpverlener"),
                                            member("ortho", "orthopedagoog")};
  const CaseTeamDiff diff = diff_case_team(kTeam, proposed);
  EXPECT_EQ(diff.added, std::vector<std::string>{"ortho"});
  EXPECT_EQ(diff.removed, std::vector<std::string>{"mentor"});
  EXPECT_EQ(diff.changed, (std::vector<std::string>{"coordinator", "care"}));
  EXPECT_EQ(diff.case_lead_before, "coordinator");
  EXPECT_EQ(diff.case_lead_after, "care");
  EXPECT_FALSE(diff.empty());
  EXPECT_TRUE(diff_case_team(kTeam, kTeam).empty());
}

TEST(CaseTeam, TheOrderOfTheMembersIsNoChange) {
  const std::vector<CaseTeamEntry> reordered{kTeam[2], kTeam[0], kTeam[1]};
  EXPECT_TRUE(diff_case_team(kTeam, reordered).empty());
  EXPECT_TRUE(leaves_team_unchanged(kTeam, reordered));
}

TEST(CaseTeam, NamingSomeoneTwiceIsAChangeThatIsChecked) {
  const std::vector<CaseTeamEntry> current{lead("coordinator")};
  const std::vector<CaseTeamEntry> twice{lead("coordinator"), lead("coordinator")};
  EXPECT_TRUE(diff_case_team(current, twice).empty()) << "the diff alone cannot see it";
  EXPECT_FALSE(leaves_team_unchanged(current, twice));
  EXPECT_TRUE(leaves_team_unchanged({}, {})) << "a pupil without a team, saved as it is";
}

TEST(CaseTeam, EveryRuleHasAUniqueCodeAndADutchMessage) {
  std::set<std::string_view> codes;
  for (CaseTeamRule rule : kAllCaseTeamRules) {
    EXPECT_TRUE(codes.insert(code(rule)).second) << code(rule);
    EXPECT_FALSE(dutch_message(rule).empty()) << code(rule);
  }
  EXPECT_EQ(code(CaseTeamRule::NoCaseLead), "no-case-lead");
  EXPECT_EQ(code(CaseTeamRule::TwoCaseLeads), "two-case-leads");
  EXPECT_EQ(code(CaseTeamRule::DuplicateMember), "duplicate-member");
  EXPECT_EQ(code(CaseTeamRule::UnknownUser), "unknown-user");
}

TEST(CaseTeam, RuleCodesAgreeWithTheStoredTeamCheck) {
  // validate_case_team (domain/pupil.hpp) guards a stored team; a change uses the same codes.
  EXPECT_EQ(to_string(CaseTeamError::NoCaseLead), code(CaseTeamRule::NoCaseLead));
  EXPECT_EQ(to_string(CaseTeamError::TwoCaseLeads), code(CaseTeamRule::TwoCaseLeads));
  EXPECT_EQ(to_string(CaseTeamError::DuplicateMember), code(CaseTeamRule::DuplicateMember));
}

TEST(CaseTeam, TheRolesInUseByTheDemoRegionAreListed) {
  for (const char* role :
       {"intern begeleider", "zorgcoördinator", "coördinator passend onderwijs", "leerkracht", "mentor",
        "consulent SWV", "orthopedagoog", "jeugdhulpverlener", "leerplichtambtenaar", "consulent gemeente"})
    EXPECT_TRUE(is_case_role(role)) << role;
  EXPECT_FALSE(is_case_role("Mentor")) << "exact values, as stored";
}

} // namespace
} // namespace eenplan::domain
