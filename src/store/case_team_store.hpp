// A pupil's case team as one versioned whole (migration 0012), and the accounts that may join it.
#pragma once

#include <soci/soci.h>
#include <string>
#include <vector>

#include "store/records.hpp"

namespace eenplan::store {

struct CaseTeamState {
  int version = 1;
  std::vector<CaseTeamRecord> members; // the regisseur first, then by name
};

CaseTeamState load_case_team(soci::session& sql, const std::string& pupil_id);

/// Makes `members` the pupil's case team when the team's version is still `expected_version`, and
/// moves the version on; false (nothing changed) when someone else changed the team first. Members
/// who stay keep the date they joined. Call inside a write transaction; the one-regisseur index
/// never sees two regisseurs on the way.
bool replace_case_team(soci::session& sql, const std::string& pupil_id, int expected_version,
                       const std::vector<CaseTeamRecord>& members, const std::string& at);

/// An account that could join a case team: active, of the region, not the SWV admin.
struct CaseTeamCandidateRecord {
  std::string user_id, display_name, role;
  OrganisationRef organisation; // first membership; id '' if none
};

/// Every such account of the region (unsorted; the caller filters and orders).
std::vector<CaseTeamCandidateRecord> list_case_team_candidates(soci::session& sql,
                                                               const std::string& region_id);

} // namespace eenplan::store
