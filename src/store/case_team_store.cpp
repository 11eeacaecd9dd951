#include "store/case_team_store.hpp"

#include <algorithm>
#include <set>

#include "store/pupil_store.hpp"

namespace eenplan::store {

CaseTeamState load_case_team(soci::session& sql, const std::string& pupil_id) {
  CaseTeamState state;
  sql << "SELECT case_team_version FROM pupils WHERE id = :p", soci::use(pupil_id), soci::into(state.version);
  CaseTeamRecord m;
  int lead = 0;
  soci::indicator org_id_ind = soci::i_ok, org_name_ind = soci::i_ok, org_kind_ind = soci::i_ok;
  soci::statement st =
      (sql.prepare << "SELECT c.user_id, u.display_name, u.role, o.id, o.name, o.kind, c.case_role, "
                      "c.is_case_lead FROM case_team_members c JOIN users u ON u.id = c.user_id "
                      "LEFT JOIN organisations o ON o.id = " +
                          primary_organisation_sql("c.user_id") + " WHERE c.pupil_id = :p",
       soci::use(pupil_id), soci::into(m.user_id), soci::into(m.display_name), soci::into(m.role),
       soci::into(m.organisation_id, org_id_ind), soci::into(m.organisation_name, org_name_ind),
       soci::into(m.organisation_kind, org_kind_ind), soci::into(m.case_role), soci::into(lead));
  st.execute();
  while (st.fetch()) {
    if (org_id_ind != soci::i_ok) m.organisation_id.clear();
    if (org_name_ind != soci::i_ok) m.organisation_name.clear();
    if (org_kind_ind != soci::i_ok) m.organisation_kind.clear();
    m.is_case_lead = lead != 0;
    state.members.push_back(m);
  }
  // In C++ rather than SQL: the same order on both databases, whatever their collation.
  std::ranges::stable_sort(state.members, [](const CaseTeamRecord& a, const CaseTeamRecord& b) {
    if (a.is_case_lead != b.is_case_lead) return a.is_case_lead;
    return a.display_name < b.display_name;
  });
  return state;
}

bool replace_case_team(soci::session& sql, const std::string& pupil_id, int expected_version,
                       const std::vector<CaseTeamRecord>& members, const std::string& at) {
  const int next_version = expected_version + 1;
  soci::statement bump = (sql.prepare << "UPDATE pupils SET case_team_version = :next "
                                         "WHERE id = :p AND case_team_version = :expected",
                          soci::use(next_version), soci::use(pupil_id), soci::use(expected_version));
  bump.execute(true);
  if (bump.get_affected_rows() != 1) return false;

  std::set<std::string> staying;
  for (const auto& m : members)
    staying.insert(m.user_id);
  std::vector<std::string> before;
  {
    std::string user;
    soci::statement st = (sql.prepare << "SELECT user_id FROM case_team_members WHERE pupil_id = :p",
                          soci::use(pupil_id), soci::into(user));
    st.execute();
    while (st.fetch())
      before.push_back(user);
  }
  for (const auto& user : before) {
    if (!staying.contains(user)) {
      sql << "DELETE FROM case_team_members WHERE pupil_id = :p AND user_id = :u", soci::use(pupil_id),
          soci::use(user);
    }
  }
  // Nobody is regisseur for a moment inside the transaction, so the one-regisseur index holds at
  // every statement while the flag moves from one member to another.
  sql << "UPDATE case_team_members SET is_case_lead = 0 WHERE pupil_id = :p AND is_case_lead = 1",
      soci::use(pupil_id);
  for (const auto& m : members) {
    if (std::ranges::find(before, m.user_id) == before.end()) {
      insert_case_team_member(sql, pupil_id, m, at);
      continue;
    }
    const int lead = m.is_case_lead ? 1 : 0;
    sql << "UPDATE case_team_members SET case_role = :role, is_case_lead = :lead "
           "WHERE pupil_id = :p AND user_id = :u",
        soci::use(m.case_role), soci::use(lead), soci::use(pupil_id), soci::use(m.user_id);
  }
  return true;
}

std::vector<CaseTeamCandidateRecord> list_case_team_candidates(soci::session& sql,
                                                               const std::string& region_id) {
  std::vector<CaseTeamCandidateRecord> out;
  CaseTeamCandidateRecord c;
  soci::indicator org_id_ind = soci::i_ok, org_name_ind = soci::i_ok, org_kind_ind = soci::i_ok;
  soci::statement st =
      (sql.prepare << "SELECT u.id, u.display_name, u.role, o.id, o.name, o.kind FROM users u "
                      "LEFT JOIN organisations o ON o.id = " +
                          primary_organisation_sql("u.id") +
                          " WHERE u.region_id = :r AND u.disabled = 0 AND u.role <> 'swv_admin'",
       soci::use(region_id), soci::into(c.user_id), soci::into(c.display_name), soci::into(c.role),
       soci::into(c.organisation.id, org_id_ind), soci::into(c.organisation.name, org_name_ind),
       soci::into(c.organisation.kind, org_kind_ind));
  st.execute();
  while (st.fetch()) {
    if (org_id_ind != soci::i_ok) c.organisation = {};
    if (org_name_ind != soci::i_ok) c.organisation.name.clear();
    if (org_kind_ind != soci::i_ok) c.organisation.kind.clear();
    out.push_back(c);
  }
  return out;
}

} // namespace eenplan::store
