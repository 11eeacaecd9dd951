// Pupils and their dossier parts (guardians, case team, support needs, factors, notes).
#pragma once

#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "store/records.hpp"

namespace eenplan::store {

/// Which pupils a user may be shown in a list: the union of these relations (built by
/// the service from the access policy), narrowed by the search filters.
struct PupilListQuery {
  std::string case_team_user_id;             // '' = relation not granted
  std::vector<std::string> school_ids;       // enrolment or home school in this set
  std::vector<std::string> municipality_ids; // pupil's municipality in this set
  std::string search;                        // already folded; '' = no search
  std::string school_id;                     // filter: enrolment or home school
  std::string status;                        // filter
  int offset = 0;
  int limit = 25;
};

struct PupilPage {
  std::vector<PupilRecord> items;
  long long total = 0;
};

/// SQL for the id of the organisation shown next to a user (`user_column` names the user id).
std::string primary_organisation_sql(const std::string& user_column);

std::optional<PupilRecord> find_pupil(soci::session& sql, const std::string& id);
/// Guardians, case team, support needs and factors (one statement).
void load_pupil_details(soci::session& sql, PupilRecord& pupil);
PupilPage list_pupils(soci::session& sql, const PupilListQuery& query);

/// Relation of one user to one pupil's case team.
struct CaseTeamRelation {
  bool member = false;
  bool lead = false;
};
CaseTeamRelation case_team_relation(soci::session& sql, const std::string& pupil_id,
                                    const std::string& user_id);

struct PupilWithRelation {
  PupilRecord pupil;
  CaseTeamRelation relation; // of the user asked for
};
/// find_pupil and case_team_relation in one statement (the dossier read's first step).
std::optional<PupilWithRelation> find_pupil_for(soci::session& sql, const std::string& id,
                                                const std::string& user_id);

void insert_pupil(soci::session& sql, const PupilRecord& pupil);
/// Updates the pupil's own columns when its version is still `expected_version`;
/// returns false when someone else changed it first.
bool update_pupil(soci::session& sql, const PupilRecord& pupil, int expected_version);

void replace_guardians(soci::session& sql, const std::string& pupil_id,
                       const std::vector<GuardianRecord>& guardians);
void replace_support_needs(soci::session& sql, const std::string& pupil_id,
                           const std::vector<SupportNeedRecord>& needs);
void replace_factors(soci::session& sql, const std::string& pupil_id,
                     const std::vector<FactorRecord>& factors);
void insert_case_team_member(soci::session& sql, const std::string& pupil_id, const CaseTeamRecord& member,
                             const std::string& added_at);

void insert_note(soci::session& sql, const NoteRecord& note);
std::vector<NoteRecord> list_notes(soci::session& sql, const std::string& pupil_id);
std::optional<NoteRecord> find_note(soci::session& sql, const std::string& id);

} // namespace eenplan::store
