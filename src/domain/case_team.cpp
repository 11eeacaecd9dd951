#include "domain/case_team.hpp"

#include <algorithm>
#include <set>

namespace eenplan::domain {
namespace {

struct RuleText {
  CaseTeamRule rule;
  std::string_view code;
  std::string_view message;
};

constexpr std::array<RuleText, 10> kRuleTexts{{
    {CaseTeamRule::NoCaseLead, "no-case-lead",
     "Wijs één betrokkene aan als regisseur: een casus heeft altijd precies één regisseur."},
    {CaseTeamRule::CaseLeadRemoved, "case-lead-removed",
     "U verwijdert de regisseur. Wijs in dezelfde wijziging een nieuwe regisseur aan."},
    {CaseTeamRule::TwoCaseLeads, "two-case-leads", "Er kan maar één regisseur zijn. Kies één van hen."},
    {CaseTeamRule::DuplicateMember, "duplicate-member", "Deze persoon staat al bij de betrokkenen."},
    {CaseTeamRule::UnknownUser, "unknown-user", "Deze persoon heeft geen account in Eenplan."},
    {CaseTeamRule::MemberOutsideRegion, "member-outside-region",
     "Deze persoon werkt niet voor dit samenwerkingsverband en kan geen betrokkene worden."},
    {CaseTeamRule::AdminCannotJoin, "admin-cannot-join",
     "De SWV-beheerder beheert accounts en ziet geen dossiers, en kan dus geen betrokkene zijn."},
    {CaseTeamRule::AccountDisabled, "account-disabled",
     "Het account van deze persoon is geblokkeerd; een geblokkeerd account kan niet worden toegevoegd."},
    {CaseTeamRule::UnknownCaseRole, "unknown-case-role", "Kies een rol uit de lijst."},
    {CaseTeamRule::TooManyMembers, "too-many-members", "Een casus heeft hoogstens 20 betrokkenen."},
}};

const RuleText& text_of(CaseTeamRule rule) {
  for (const RuleText& t : kRuleTexts) {
    if (t.rule == rule) return t;
  }
  return kRuleTexts[0]; // unreachable: every rule has a row (checked by a unit test)
}

const CaseTeamEntry* find_member(const std::vector<CaseTeamEntry>& team, std::string_view user_id) {
  const auto it = std::ranges::find(team, user_id, &CaseTeamEntry::user_id);
  return it == team.end() ? nullptr : &*it;
}

std::string case_lead_of(const std::vector<CaseTeamEntry>& team) {
  const auto it = std::ranges::find_if(team, &CaseTeamEntry::is_case_lead);
  return it == team.end() ? std::string() : it->user_id;
}

std::string member_field(std::size_t index, std::string_view name) {
  return "members[" + std::to_string(index) + "]." + std::string(name);
}

} // namespace

bool is_case_role(std::string_view role) {
  return std::ranges::find(kCaseRoles, role) != kCaseRoles.end();
}

std::string_view code(CaseTeamRule rule) {
  return text_of(rule).code;
}

std::string_view dutch_message(CaseTeamRule rule) {
  return text_of(rule).message;
}

std::vector<CaseTeamViolation>
check_case_team_change(const std::vector<CaseTeamEntry>& current, const std::vector<CaseTeamEntry>& proposed,
                       const std::vector<std::optional<MemberAccount>>& accounts,
                       std::string_view pupil_region_id) {
  std::vector<CaseTeamViolation> found;
  std::set<std::string_view> seen;
  std::vector<std::size_t> leads;
  for (std::size_t i = 0; i < proposed.size(); ++i) {
    const CaseTeamEntry& m = proposed[i];
    const CaseTeamEntry* before = find_member(current, m.user_id);
    const std::optional<MemberAccount>& account = i < accounts.size() ? accounts[i] : std::nullopt;
    const std::string user_field = member_field(i, "userId");
    if (!seen.insert(m.user_id).second) {
      found.push_back({CaseTeamRule::DuplicateMember, user_field});
    } else if (!account) {
      found.push_back({CaseTeamRule::UnknownUser, user_field});
    } else if (account->region_id != pupil_region_id) {
      found.push_back({CaseTeamRule::MemberOutsideRegion, user_field});
    } else if (account->role == Role::SwvAdmin) {
      // Also when already on the team (data from before this rule): the admin never sees dossiers.
      found.push_back({CaseTeamRule::AdminCannotJoin, user_field});
    } else if (account->disabled && before == nullptr) {
      found.push_back({CaseTeamRule::AccountDisabled, user_field});
    }
    // A role from before the controlled list stays as long as nobody changes it.
    const bool kept_role = before != nullptr && before->case_role == m.case_role;
    if (!is_case_role(m.case_role) && !kept_role)
      found.push_back({CaseTeamRule::UnknownCaseRole, member_field(i, "caseRole")});
    if (m.is_case_lead) leads.push_back(i);
  }

  if (proposed.size() > kMaxCaseTeamMembers) found.push_back({CaseTeamRule::TooManyMembers, "members"});
  if (leads.empty()) {
    const std::string lead_before = case_lead_of(current);
    const bool lead_left = !lead_before.empty() && find_member(proposed, lead_before) == nullptr;
    found.push_back({lead_left ? CaseTeamRule::CaseLeadRemoved : CaseTeamRule::NoCaseLead, "members"});
  }
  for (std::size_t k = 1; k < leads.size(); ++k)
    found.push_back({CaseTeamRule::TwoCaseLeads, member_field(leads[k], "isCaseLead")});
  return found;
}

CaseTeamDiff diff_case_team(const std::vector<CaseTeamEntry>& current,
                            const std::vector<CaseTeamEntry>& proposed) {
  CaseTeamDiff diff;
  for (const CaseTeamEntry& m : proposed) {
    const CaseTeamEntry* before = find_member(current, m.user_id);
    if (before == nullptr) {
      diff.added.push_back(m.user_id);
    } else if (before->case_role != m.case_role || before->is_case_lead != m.is_case_lead) {
      diff.changed.push_back(m.user_id);
    }
  }
  for (const CaseTeamEntry& m : current) {
    if (find_member(proposed, m.user_id) == nullptr) diff.removed.push_back(m.user_id);
  }
  diff.case_lead_before = case_lead_of(current);
  diff.case_lead_after = case_lead_of(proposed);
  return diff;
}

bool leaves_team_unchanged(const std::vector<CaseTeamEntry>& current,
                           const std::vector<CaseTeamEntry>& proposed) {
  // Equal sizes and nobody added, removed or changed: then nobody can be named twice either, as
  // every current member (stored once each) must appear among as many proposed entries.
  return current.size() == proposed.size() && diff_case_team(current, proposed).empty();
}

} // namespace eenplan::domain
