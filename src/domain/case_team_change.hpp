// What follows a change of the case team: the entry it leaves in the dossier's timeline, and the
// open tasks that move from the former regisseur to the new one.
//
// Both are decided here, pure, so that the service writes them in the change's own transaction and
// the rules are tested without a database.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/case_team.hpp"

namespace eenplan::domain {

/// A member as the timeline names them: the name is already in the dossier, nothing else is added.
struct NamedMember {
  std::string user_id, display_name, case_role;
  bool is_case_lead = false;
};

/// The Dutch timeline entry of a change from `before` to `after`, e.g. "Betrokkenen gewijzigd: Anna
/// de Vries toegevoegd (mentor); Piet Jansen is nu regisseur (was: Karin Bos); 3 open taken
/// overgedragen aan Piet Jansen". Who joined, who left, whose role changed, the regisseur, and how
/// many tasks were handed over (none: not mentioned).
std::string describe_case_team_change(const std::vector<NamedMember>& before,
                                      const std::vector<NamedMember>& after, std::size_t tasks_handed_over);

/// Why a person holds a task, as far as the task itself tells.
enum class AssignedBecause {
  CaseLead, // created for the regisseur: a signal of the absence protocol for "the mentor"
  Other,    // for someone's own duty: leerplicht, the ondersteuningscoördinator
  Unknown,  // the task does not say (a kind that carries no reason)
};

/// Signal tasks say it through their signal's recipient: "mentor" goes to the case lead
/// (service/signal_recorder.cpp), every other recipient is a duty of its own. Other kinds say nothing.
AssignedBecause why_assigned(std::string_view task_kind, std::string_view signal_recipient);

struct HeldTask {
  std::string id, pupil_id, assignee_user_id, status;
  AssignedBecause because = AssignedBecause::Unknown;
};

/// The ids of the tasks that go to the new regisseur with a change: open tasks of this pupil that
/// the former regisseur holds because they were regisseur. Nothing when the regisseur stays the
/// same (or there was none). A task that does not say why it was assigned stays where it is.
std::vector<std::string> tasks_to_hand_over(const std::vector<HeldTask>& held, std::string_view pupil_id,
                                            const CaseTeamDiff& diff);

} // namespace eenplan::domain
