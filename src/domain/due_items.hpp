// "Mijn taken": what is due for the trajectories, as a pure function of the arrangements,
// evaluations, registrations, OPPs and today. Each item has an owner so a person's list is a filter
// on owner_id; an item is overdue when its date has passed and upcoming within the horizon.
//
// Items: the next evaluation of every active arrangement (its cadence, or the date the last
// evaluation set); the OPP of an active arrangement that was never set (6 weeks after the start,
// rules.md §3); the end date of an active arrangement (the return plan is due); intake and home
// visit tasks of open registrations (one item per owner, seed 000 "Intake en huisbezoek").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/arrangement.hpp"
#include "domain/dates.hpp"
#include "domain/evaluation.hpp"
#include "domain/intake.hpp"
#include "domain/opp.hpp"

namespace eenplan::domain {

enum class DueKind { Evaluation, OppToSet, ArrangementEnd, Intake, HomeVisit };
/// "evaluation" | "opp_to_set" | "arrangement_end" | "intake" | "home_visit"
std::string_view to_string(DueKind kind);

enum class DueStatus { Upcoming, Overdue };
/// "upcoming" | "overdue"
std::string_view to_string(DueStatus status);

struct DueItem {
  DueKind kind = DueKind::Evaluation;
  std::string subject_id; // the arrangement or registration
  std::string pupil_id;
  std::string owner_id;
  Date due;
  DueStatus status = DueStatus::Upcoming;

  friend bool operator==(const DueItem&, const DueItem&) = default;
};

inline constexpr int kDefaultUpcomingDays = 14;

/// Due items sorted by date, then kind, subject and owner. Items due after today + horizon_days are
/// left out; items due before today are overdue; today itself is still upcoming.
std::vector<DueItem> due_items(const std::vector<Arrangement>& arrangements,
                               const std::vector<Evaluation>& evaluations,
                               const std::vector<Registration>& registrations, const std::vector<Opp>& opps,
                               Date today, int horizon_days = kDefaultUpcomingDays);

} // namespace eenplan::domain
