// Changing a pupil's case team (betrokkenen): who may join, the one regisseur, the roles in a case,
// and what a change adds and removes.
//
// A change is checked as a whole: the proposed team against the current one. Handing over regie
// (the regisseur leaves or steps back and someone else takes over) is therefore one change that is
// valid as a whole, never a moment with no regisseur or with two.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pupil.hpp"
#include "domain/roles.hpp"

namespace eenplan::domain {

/// The roles in a case ("rol in dit dossier"), in Dutch as the schools and the demo region say
/// them; the order is the order of the choice list. Who is regisseur is not a role but the case
/// lead flag (glossary: regisseur = case lead).
inline constexpr std::array<std::string_view, 15> kCaseRoles{{
    "coördinator passend onderwijs",
    "intern begeleider",
    "zorgcoördinator",
    "mentor",
    "leerkracht",
    "orthopedagoog",
    "consulent SWV",
    "leerplichtambtenaar",
    "consulent gemeente",
    "medewerker wijkteam",
    "jeugdhulpverlener",
    "zorgaanbieder",
    "schoolmaatschappelijk werker",
    "contactpersoon ouders",
    "anders",
}};

bool is_case_role(std::string_view role);

/// A team beyond this is no longer "the people around one child"; it also bounds the request.
inline constexpr std::size_t kMaxCaseTeamMembers = 20;

enum class CaseTeamRule {
  NoCaseLead,          // "no-case-lead": after the change nobody is regisseur
  CaseLeadRemoved,     // "case-lead-removed": the regisseur leaves and nobody takes over
  TwoCaseLeads,        // "two-case-leads"
  DuplicateMember,     // "duplicate-member"
  UnknownUser,         // "unknown-user": no such account
  MemberOutsideRegion, // "member-outside-region": an account of another samenwerkingsverband
  AdminCannotJoin,     // "admin-cannot-join": the SWV admin reads no dossiers
  AccountDisabled,     // "account-disabled": a blocked account cannot join (one already on it may stay)
  UnknownCaseRole,     // "unknown-case-role": not in kCaseRoles (a member's existing role may stay)
  TooManyMembers,      // "too-many-members": more than kMaxCaseTeamMembers
};

inline constexpr CaseTeamRule kAllCaseTeamRules[] = {
    CaseTeamRule::NoCaseLead,      CaseTeamRule::CaseLeadRemoved, CaseTeamRule::TwoCaseLeads,
    CaseTeamRule::DuplicateMember, CaseTeamRule::UnknownUser,     CaseTeamRule::MemberOutsideRegion,
    CaseTeamRule::AdminCannotJoin, CaseTeamRule::AccountDisabled, CaseTeamRule::UnknownCaseRole,
    CaseTeamRule::TooManyMembers};

/// The stable kebab-case code, e.g. "two-case-leads".
std::string_view code(CaseTeamRule rule);
/// The Dutch message for people.
std::string_view dutch_message(CaseTeamRule rule);

struct CaseTeamViolation {
  CaseTeamRule rule = CaseTeamRule::NoCaseLead;
  /// JSON-style path into the request: "members", "members[2].userId", "members[0].isCaseLead".
  std::string field;

  friend bool operator==(const CaseTeamViolation&, const CaseTeamViolation&) = default;
};

/// What the accounts know about a proposed member.
struct MemberAccount {
  std::string region_id;
  Role role = Role::Teacher;
  bool disabled = false;
};

/// Every rule the proposed team breaks, members in order, then the team as a whole; empty when the
/// change may be made. `accounts[i]` is the account of `proposed[i]` (nullopt: no such account).
/// Precondition: accounts.size() == proposed.size().
[[nodiscard]] std::vector<CaseTeamViolation>
check_case_team_change(const std::vector<CaseTeamEntry>& current, const std::vector<CaseTeamEntry>& proposed,
                       const std::vector<std::optional<MemberAccount>>& accounts,
                       std::string_view pupil_region_id);

/// Who a change adds, removes and changes (by user id; nothing else is needed to explain it).
struct CaseTeamDiff {
  std::vector<std::string> added, removed, changed; // changed: the case role or the regisseur flag
  std::string case_lead_before, case_lead_after;    // '' when none

  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

CaseTeamDiff diff_case_team(const std::vector<CaseTeamEntry>& current,
                            const std::vector<CaseTeamEntry>& proposed);

/// The same members with the same roles and regisseur, in any order (a repeated save): nothing to
/// check or store. A proposal that names someone twice is never unchanged.
bool leaves_team_unchanged(const std::vector<CaseTeamEntry>& current,
                           const std::vector<CaseTeamEntry>& proposed);

} // namespace eenplan::domain
