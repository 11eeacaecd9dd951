#include "domain/case_team_change.hpp"

#include <algorithm>

namespace eenplan::domain {
namespace {

const NamedMember* find_named(const std::vector<NamedMember>& team, std::string_view user_id) {
  const auto it = std::ranges::find(team, user_id, &NamedMember::user_id);
  return it == team.end() ? nullptr : &*it;
}

std::string name_of(const std::vector<NamedMember>& team, std::string_view user_id) {
  const NamedMember* m = find_named(team, user_id);
  return m == nullptr ? std::string() : m->display_name;
}

std::vector<CaseTeamEntry> entries_of(const std::vector<NamedMember>& team) {
  std::vector<CaseTeamEntry> out;
  out.reserve(team.size());
  for (const auto& m : team)
    out.push_back({m.user_id, m.case_role, m.is_case_lead});
  return out;
}

} // namespace

std::string describe_case_team_change(const std::vector<NamedMember>& before,
                                      const std::vector<NamedMember>& after, std::size_t tasks_handed_over) {
  // One diff for the audit event and the timeline: both tell the same change.
  const CaseTeamDiff diff = diff_case_team(entries_of(before), entries_of(after));
  std::vector<std::string> parts;
  for (const auto& id : diff.added) {
    const NamedMember* m = find_named(after, id);
    parts.push_back(m->display_name + " toegevoegd (" + m->case_role + ")");
  }
  for (const auto& id : diff.removed)
    parts.push_back(name_of(before, id) + " verwijderd");
  for (const auto& id : diff.changed) {
    const NamedMember* was = find_named(before, id);
    const NamedMember* is = find_named(after, id);
    if (was->case_role != is->case_role)
      parts.push_back(is->display_name + " is nu " + is->case_role + " (was: " + was->case_role + ")");
  }
  const std::string lead = name_of(after, diff.case_lead_after);
  if (diff.case_lead_before != diff.case_lead_after) {
    if (diff.case_lead_after.empty()) {
      parts.push_back(name_of(before, diff.case_lead_before) + " is geen regisseur meer");
    } else if (diff.case_lead_before.empty()) {
      parts.push_back(lead + " is nu regisseur");
    } else {
      parts.push_back(lead + " is nu regisseur (was: " + name_of(before, diff.case_lead_before) + ")");
    }
  }
  if (tasks_handed_over > 0) {
    parts.push_back(std::to_string(tasks_handed_over) +
                    (tasks_handed_over == 1 ? " open taak" : " open taken") + " overgedragen aan " + lead);
  }
  std::string text = "Betrokkenen gewijzigd: ";
  for (std::size_t i = 0; i < parts.size(); ++i)
    text += (i == 0 ? "" : "; ") + parts[i];
  return text;
}

AssignedBecause why_assigned(std::string_view task_kind, std::string_view signal_recipient) {
  if (task_kind != "escalation_signal") return AssignedBecause::Unknown;
  return signal_recipient == "mentor" ? AssignedBecause::CaseLead : AssignedBecause::Other;
}

std::vector<std::string> tasks_to_hand_over(const std::vector<HeldTask>& held, std::string_view pupil_id,
                                            const CaseTeamDiff& diff) {
  std::vector<std::string> ids;
  if (diff.case_lead_before.empty() || diff.case_lead_after.empty() ||
      diff.case_lead_before == diff.case_lead_after)
    return ids;
  for (const auto& t : held) {
    if (t.pupil_id == pupil_id && t.status == "open" && t.assignee_user_id == diff.case_lead_before &&
        t.because == AssignedBecause::CaseLead)
      ids.push_back(t.id);
  }
  return ids;
}

} // namespace eenplan::domain
