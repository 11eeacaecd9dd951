#include "domain/due_items.hpp"

#include <algorithm>
#include <tuple>

#include "domain/enum_names.hpp"

namespace eenplan::domain {
namespace {

constexpr NameTable<DueKind, 5> kKindCodes{{
    {DueKind::Evaluation, "evaluation"},
    {DueKind::OppToSet, "opp_to_set"},
    {DueKind::ArrangementEnd, "arrangement_end"},
    {DueKind::Intake, "intake"},
    {DueKind::HomeVisit, "home_visit"},
}};

constexpr NameTable<DueStatus, 2> kStatusCodes{{
    {DueStatus::Upcoming, "upcoming"},
    {DueStatus::Overdue, "overdue"},
}};

struct Collector {
  Date today;
  Date horizon;
  std::vector<DueItem> items;

  void add(DueKind kind, const std::string& subject, const std::string& pupil, const std::string& owner,
           Date due) {
    if (due > horizon) return;
    items.push_back(
        {kind, subject, pupil, owner, due, due < today ? DueStatus::Overdue : DueStatus::Upcoming});
  }
};

bool opp_ever_set(const std::vector<Opp>& opps, const std::string& opp_id) {
  if (opp_id.empty()) return false;
  return std::ranges::any_of(opps, [&](const Opp& opp) { return opp.id == opp_id && opp.first_set_on; });
}

bool registration_open(const Registration& registration) {
  return registration.status != RegistrationStatus::Refused &&
         registration.status != RegistrationStatus::Withdrawn;
}

} // namespace

std::string_view to_string(DueKind kind) {
  return name_in(kKindCodes, kind);
}
std::string_view to_string(DueStatus status) {
  return name_in(kStatusCodes, status);
}

std::vector<DueItem> due_items(const std::vector<Arrangement>& arrangements,
                               const std::vector<Evaluation>& evaluations,
                               const std::vector<Registration>& registrations, const std::vector<Opp>& opps,
                               Date today, int horizon_days) {
  Collector out{today, add_days(today, horizon_days), {}};
  for (const Arrangement& arrangement : arrangements) {
    if (arrangement.status != ArrangementStatus::Active) continue;
    const std::string& owner = arrangement.coordinator_id;
    out.add(DueKind::Evaluation, arrangement.id, arrangement.pupil_id, owner,
            next_evaluation_due(arrangement, evaluations));
    if (!opp_ever_set(opps, arrangement.opp_id)) {
      out.add(DueKind::OppToSet, arrangement.id, arrangement.pupil_id, owner,
              opp_deadline(arrangement.start));
    }
    out.add(DueKind::ArrangementEnd, arrangement.id, arrangement.pupil_id, owner, arrangement.end);
  }
  for (const Registration& registration : registrations) {
    if (!registration_open(registration)) continue;
    for (const IntakeTask& task : registration.tasks) {
      if (task.done_on) continue;
      const DueKind kind = task.kind == IntakeTaskKind::Intake ? DueKind::Intake : DueKind::HomeVisit;
      for (const std::string& owner : task.owner_ids)
        out.add(kind, registration.id, registration.pupil_id, owner, task.due);
    }
  }
  std::ranges::sort(out.items, [](const DueItem& a, const DueItem& b) {
    return std::tie(a.due, a.kind, a.subject_id, a.owner_id) <
           std::tie(b.due, b.kind, b.subject_id, b.owner_id);
  });
  return std::move(out.items);
}

} // namespace eenplan::domain
