// The thuiszitter register: cases, escalations, and the absence days candidates are found in.
// Close-only: there is no delete here, and the database refuses one too (migration 0006).
#pragma once

#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "store/records.hpp"

namespace eenplan::store {

struct HomeboundCaseRecord {
  std::string id;
  std::string region_id;
  std::string pupil_id;
  std::string category;
  std::string exemption_kind; // '' when none
  std::string first_day;
  std::string source; // manual | detected
  std::string offer = "none";
  std::string offer_note;
  std::string contact_name;
  std::string review_on; // '' when none
  std::string state = "open";
  std::string closed_on;    // '' while open
  std::string close_reason; // '' while open
  std::string close_note;
  std::string registered_by;
  std::string registered_by_name; // joined
  std::string registered_at;
  std::string closed_by; // '' while open
  int version = 1;
  std::string updated_at;
  // Joined from the pupil, for the register and the access policy:
  std::string pupil_given_name, pupil_family_name, pupil_status, pupil_date_of_birth;
  OrganisationRef enrolment_school, home_school, municipality;
  std::string school_type; // of the enrolment school
};

struct HomeboundEscalationRecord {
  std::string id, case_id, forum, escalated_on, escalated_by, escalated_by_name, outcome, binding_decision,
      recorded_at;
};

/// Which cases: the union of the access relations (as in PupilListQuery), or the whole region.
struct HomeboundCaseQuery {
  bool whole_region = false;                 // statistics of the SWV (anonymised by the caller)
  std::vector<std::string> school_ids;       // enrolment or home school in this set
  std::vector<std::string> municipality_ids; // pupil's municipality in this set
  std::string category;                      // filter, '' = all
  std::string state;                         // filter, '' = all
  std::string school_id;                     // filter: enrolment or home school
};

std::vector<HomeboundCaseRecord> list_homebound_cases(soci::session& sql, const HomeboundCaseQuery& query);
std::optional<HomeboundCaseRecord> find_homebound_case(soci::session& sql, const std::string& id);
/// Every case of one pupil (open and closed), oldest first.
std::vector<HomeboundCaseRecord> homebound_cases_of_pupil(soci::session& sql, const std::string& pupil_id);

void insert_homebound_case(soci::session& sql, const HomeboundCaseRecord& rec);
/// Updates the mutable columns when the version is still `expected_version`; false otherwise.
bool update_homebound_case(soci::session& sql, const HomeboundCaseRecord& rec, int expected_version);

void insert_homebound_escalation(soci::session& sql, const HomeboundEscalationRecord& rec);
std::vector<HomeboundEscalationRecord> list_homebound_escalations(soci::session& sql,
                                                                  const std::string& case_id);

/// Unauthorised lesson hours per pupil and date since `from` (YYYY-MM-DD), for the pupils the
/// relations cover (as in HomeboundCaseQuery; whole_region ignored here).
struct PupilAbsenceDay {
  std::string pupil_id;
  std::string date;
  int unauthorised_hours = 0;
};
std::vector<PupilAbsenceDay> unauthorised_absence_days(soci::session& sql, const std::string& from,
                                                       const std::vector<std::string>& school_ids,
                                                       const std::vector<std::string>& municipality_ids);

/// Absence counts of one school's enrolled pupils per month, level and year group (for the trends).
struct AbsenceTrendCell {
  std::string month; // YYYY-MM
  std::string level;
  int year_group = 0; // 0 = unknown
  int unauthorised_hours = 0, sick_hours = 0, late = 0, other_hours = 0;
};
std::vector<AbsenceTrendCell> absence_trend_cells(soci::session& sql, const std::string& school_id,
                                                  const std::string& from);

/// Enrolled pupils of the school per level and year group (the denominator of the trends).
struct PupilCountCell {
  std::string level;
  int year_group = 0;
  int pupils = 0;
};
std::vector<PupilCountCell> enrolled_pupil_counts(soci::session& sql, const std::string& school_id);

} // namespace eenplan::store
