#include "service/case_team_service.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "domain/access.hpp"
#include "domain/case_team.hpp"
#include "domain/case_team_change.hpp"
#include "service/pupil_access.hpp"
#include "store/account_store.hpp"
#include "store/pupil_store.hpp"
#include "store/task_store.hpp"

namespace eenplan::service {
namespace {

using domain::Action;

constexpr std::string_view kMayNotEdit =
    "Alleen de regisseur, de coördinator passend onderwijs van de school en de gekoppelde SWV-consulent "
    "wijzigen de betrokkenen.";
constexpr std::string_view kMayNotView = "U mag de betrokkenen van deze leerling niet inzien.";

core::Result<LocatedPupil> locate(soci::session& sql, const Principal& who, const std::string& pupil_id,
                                  Action action) {
  return locate_pupil_for(sql, who, pupil_id, action,
                          action == Action::EditCaseTeam ? kMayNotEdit : kMayNotView);
}

CaseTeamView view_of(soci::session& sql, const Principal& who, const LocatedPupil& at) {
  return {at.pupil.id, store::load_case_team(sql, at.pupil.id),
          domain::decide(who.actor(), at.relations, Action::EditCaseTeam).allowed};
}

std::vector<domain::CaseTeamEntry> entries_of(const std::vector<store::CaseTeamRecord>& members) {
  std::vector<domain::CaseTeamEntry> out;
  out.reserve(members.size());
  for (const auto& m : members)
    out.push_back({m.user_id, m.case_role, m.is_case_lead});
  return out;
}

/// The refusal: the first rule is the problem's code, every violation a field error.
core::Unexpected refused(const std::vector<domain::CaseTeamViolation>& violations) {
  const auto first = violations.front().rule;
  auto failure = core::violated(domain::code(first), std::string(domain::dutch_message(first)));
  for (const auto& v : violations) {
    failure.error.errors.push_back(
        {v.field, std::string(domain::code(v.rule)), std::string(domain::dutch_message(v.rule))});
  }
  return failure;
}

std::vector<domain::NamedMember> named(const std::vector<store::CaseTeamRecord>& members) {
  std::vector<domain::NamedMember> out;
  out.reserve(members.size());
  for (const auto& m : members)
    out.push_back({m.user_id, m.display_name, m.case_role, m.is_case_lead});
  return out;
}

/// The open tasks of the pupil that the former regisseur holds because they were regisseur
/// (domain::tasks_to_hand_over); none when the regisseur stays.
std::vector<std::string> tasks_moving_with_regie(soci::session& sql, const std::string& pupil_id,
                                                 const domain::CaseTeamDiff& diff) {
  if (diff.case_lead_before.empty() || diff.case_lead_before == diff.case_lead_after) return {};
  std::vector<domain::HeldTask> held;
  for (auto& t : store::list_open_tasks_held_by(sql, pupil_id, diff.case_lead_before)) {
    held.push_back({std::move(t.id), std::move(t.pupil_id), std::move(t.assignee_user_id),
                    std::move(t.status), domain::why_assigned(t.kind, t.signal_recipient)});
  }
  return domain::tasks_to_hand_over(held, pupil_id, diff);
}

/// The audit event's detail: who joined, left or changed, the regisseur before and after and the
/// tasks handed over with regie (ids only: the trail explains the change without copying names
/// or task contents into it).
std::string audit_detail(const domain::CaseTeamDiff& diff, const std::vector<std::string>& handed_over) {
  auto ids = [](const std::vector<std::string>& list) {
    boost::json::array a;
    for (const auto& id : list)
      a.emplace_back(id);
    return a;
  };
  boost::json::object o{
      {"added", ids(diff.added)}, {"removed", ids(diff.removed)}, {"changed", ids(diff.changed)}};
  if (diff.case_lead_before != diff.case_lead_after) {
    o["caseLeadBefore"] = diff.case_lead_before.empty() ? boost::json::value(nullptr)
                                                        : boost::json::value(diff.case_lead_before);
    o["caseLeadAfter"] = diff.case_lead_after;
    o["tasksHandedOver"] = ids(handed_over);
  }
  return boost::json::serialize(o);
}

} // namespace

core::Result<CaseTeamView> CaseTeamService::get(const Principal& who, const std::string& pupil_id,
                                                const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto at = locate(sql, who, pupil_id, Action::ViewCaseTeam);
  if (!at) return core::unexpected(at.error());
  auto view = view_of(sql, who, *at);
  tx.commit();
  audit_.record_reads({audit_event(who, pupil_id, "read", "pupil.case_team", ctx)});
  return view;
}

core::Result<CaseTeamView> CaseTeamService::replace(const Principal& who, const std::string& pupil_id,
                                                    int expected_version,
                                                    const std::vector<domain::CaseTeamEntry>& members,
                                                    const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto at = locate(sql, who, pupil_id, Action::EditCaseTeam);
  if (!at) return core::unexpected(at.error());
  auto current = view_of(sql, who, *at);

  auto conflict = [&](CaseTeamView now) {
    tx.commit();
    // The answer shows the current team: a read, audited as one.
    audit_.record_reads({audit_event(who, pupil_id, "read", "pupil.case_team", ctx)});
    return core::Unexpected{core::Error{core::ErrorCode::VersionConflict,
                                        "Iemand anders heeft de betrokkenen gewijzigd nadat u ze opende.",
                                        {},
                                        0,
                                        std::move(now)}};
  };
  if (current.team.version != expected_version) return conflict(std::move(current));

  const auto before = entries_of(current.team.members);
  if (domain::leaves_team_unchanged(before, members)) {
    // The team as it is (a repeated save, or a pupil without a team yet): nothing to check or
    // change, no new version; the answer is a read.
    tx.commit();
    audit_.record_reads({audit_event(who, pupil_id, "read", "pupil.case_team", ctx)});
    return current;
  }

  std::vector<std::optional<domain::MemberAccount>> accounts;
  accounts.reserve(members.size());
  for (const auto& m : members) {
    auto user = core::is_uuid(m.user_id) ? store::find_user(sql, m.user_id) : std::nullopt;
    auto role = user ? domain::parse_role(user->role) : std::nullopt;
    if (!user || !role) {
      accounts.emplace_back(std::nullopt);
      continue;
    }
    accounts.emplace_back(domain::MemberAccount{user->region_id, *role, user->disabled});
  }
  const auto violations = domain::check_case_team_change(before, members, accounts, at->pupil.region_id);
  if (!violations.empty()) return refused(violations);
  const auto diff = domain::diff_case_team(before, members);
  std::vector<store::CaseTeamRecord> records;
  records.reserve(members.size());
  for (const auto& m : members) {
    store::CaseTeamRecord r;
    r.user_id = m.user_id;
    r.case_role = m.case_role;
    r.is_case_lead = m.is_case_lead;
    records.push_back(std::move(r));
  }
  const std::string at_now = core::format_instant(ctx.now);
  if (!store::replace_case_team(sql, pupil_id, expected_version, records, at_now)) {
    return conflict(view_of(sql, who, *at)); // changed between our read and our write
  }
  // What follows the change goes in with it: the regisseur's open tasks move to the new one, and
  // the timeline says what changed (nothing half-done if any of it fails).
  const auto handed_over = tasks_moving_with_regie(sql, pupil_id, diff);
  const int moved = store::hand_over_tasks(sql, handed_over, diff.case_lead_after);
  CaseTeamView view{pupil_id, store::load_case_team(sql, pupil_id), false};
  store::insert_note(sql,
                     {core::new_uuid(), pupil_id, who.user_id, who.display_name,
                      std::string(domain::to_string(domain::NoteKind::CaseTeamChange)),
                      domain::describe_case_team_change(named(current.team.members), named(view.team.members),
                                                        static_cast<std::size_t>(moved)),
                      at_now});
  auto event = audit_event(who, pupil_id, "update", "pupil.case_team", ctx);
  event.detail = audit_detail(diff, handed_over);
  audit_.append_in(sql, {event});

  // The relation may have changed with the team (a regisseur who handed over, or left): decide
  // again on the new team before answering.
  auto fresh = locate_pupil(sql, who, pupil_id);
  if (fresh) view.can_edit = domain::decide(who.actor(), fresh->relations, Action::EditCaseTeam).allowed;
  tx.commit();
  return view;
}

core::Result<CandidatesView> CaseTeamService::candidates(const Principal& who, const std::string& pupil_id,
                                                         const std::string& query, int limit,
                                                         const RequestContext& /*ctx*/) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto at = locate(sql, who, pupil_id, Action::EditCaseTeam);
  if (!at) return core::unexpected(at.error());
  auto all = store::list_case_team_candidates(sql, at->pupil.region_id);
  tx.commit();
  return match_candidates(std::move(all), query, limit);
}

CandidatesView match_candidates(std::vector<store::CaseTeamCandidateRecord> all, const std::string& query,
                                int limit) {
  const std::string needle = core::fold_for_search(query);
  struct Match {
    std::string key;
    store::CaseTeamCandidateRecord record;
  };
  std::vector<Match> matches;
  for (auto& c : all) {
    std::string key = core::fold_for_search(c.display_name);
    if (!needle.empty() && key.find(needle) == std::string::npos &&
        core::fold_for_search(c.organisation.name).find(needle) == std::string::npos)
      continue;
    matches.push_back({std::move(key), std::move(c)});
  }
  std::ranges::sort(matches, [](const Match& a, const Match& b) {
    return a.key != b.key ? a.key < b.key : a.record.user_id < b.record.user_id;
  });
  CandidatesView view;
  view.total = static_cast<long long>(matches.size());
  view.limit = limit;
  for (std::size_t i = 0; i < matches.size() && i < static_cast<std::size_t>(limit); ++i)
    view.items.push_back(std::move(matches[i].record));
  return view;
}

} // namespace eenplan::service
