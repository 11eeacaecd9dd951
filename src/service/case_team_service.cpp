#include "service/case_team_service.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "domain/access.hpp"
#include "domain/case_team.hpp"
#include "service/pupil_access.hpp"
#include "store/account_store.hpp"

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

/// The audit event's detail: who joined, left or changed, and the regisseur before and after
/// (user ids only: the trail explains the change without copying names into it).
std::string audit_detail(const domain::CaseTeamDiff& diff) {
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
  if (!store::replace_case_team(sql, pupil_id, expected_version, records, core::format_instant(ctx.now))) {
    return conflict(view_of(sql, who, *at)); // changed between our read and our write
  }
  auto event = audit_event(who, pupil_id, "update", "pupil.case_team", ctx);
  event.detail = audit_detail(diff);
  audit_.append_in(sql, {event});

  // The relation may have changed with the team (a regisseur who handed over, or left): decide
  // again on the new team before answering.
  auto fresh = locate_pupil(sql, who, pupil_id);
  CaseTeamView view{pupil_id, store::load_case_team(sql, pupil_id), false};
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
