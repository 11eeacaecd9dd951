// Use cases of a pupil's case team (betrokkenen): read it with its version, replace it as a whole,
// and find the accounts that could join it.
//
// Being on the team opens the dossier (domain/access.*). The policy reads the team from the
// database on every request (store::case_team_relation, store::find_pupil_for) and the session
// cache holds only the user's role and organisations, so whoever is added sees the dossier at
// their next request and whoever is removed loses it at theirs.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/pupil.hpp"
#include "service/audit_log.hpp"
#include "service/context.hpp"
#include "store/case_team_store.hpp"
#include "store/database.hpp"

namespace eenplan::service {

struct CaseTeamView {
  std::string pupil_id;
  store::CaseTeamState team;
  bool can_edit = false; // EditCaseTeam
};

struct CandidatesView {
  std::vector<store::CaseTeamCandidateRecord> items; // at most `limit`, by name
  long long total = 0;                               // all matches
  int limit = 20;
};

/// The accounts of `all` whose name or organisation contains `query` (folded: no accents or case
/// needed; '' matches all), by name, at most `limit`. Serves every picker of people: the case team
/// and the owners of a registration's intake tasks.
CandidatesView match_candidates(std::vector<store::CaseTeamCandidateRecord> all, const std::string& query,
                                int limit);

class CaseTeamService {
public:
  CaseTeamService(store::Database& db, AuditLog& audit) : db_(db), audit_(audit) {}

  core::Result<CaseTeamView> get(const Principal& who, const std::string& pupil_id,
                                 const RequestContext& ctx);

  /// Replaces the team with `members` when its version is still `expected_version`. A refused rule
  /// is RuleViolated with the first rule's code and every violation as a field error;
  /// VersionConflict carries the current CaseTeamView in Error::current. One audit event (update
  /// of pupil.case_team, with the ids added, removed and changed) in the same transaction.
  core::Result<CaseTeamView> replace(const Principal& who, const std::string& pupil_id, int expected_version,
                                     const std::vector<domain::CaseTeamEntry>& members,
                                     const RequestContext& ctx);

  /// Active accounts of the pupil's region that may join (not the SWV admin) whose name or
  /// organisation contains `query` (folded: no accents or case needed); '' lists all. Only for
  /// those who may change the team.
  core::Result<CandidatesView> candidates(const Principal& who, const std::string& pupil_id,
                                          const std::string& query, int limit, const RequestContext& ctx);

private:
  store::Database& db_;
  AuditLog& audit_;
};

} // namespace eenplan::service
