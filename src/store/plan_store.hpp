// The pupil's plan (migration 0009): the OPP with every revision, evaluations of arrangements and
// weekly schedules. Append-only where history matters: set revisions, evaluations and schedules are
// never updated; only the current draft revision changes, and only at the version it was read.
#pragma once

#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "domain/evaluation.hpp"
#include "domain/opp.hpp"
#include "domain/weekly_schedule.hpp"

namespace eenplan::store {

struct OppRevisionRecord {
  domain::Opp opp; // id, pupil_id, version, revision, status, content, set_on, first_set_on
  std::string set_by, set_by_name;
  std::string updated_by, updated_by_name, updated_at;
};

/// The id of the pupil's OPP, if it has one.
std::optional<std::string> find_opp_id_of_pupil(soci::session& sql, const std::string& pupil_id);
/// The id of the pupil's OPP when it was ever set ('' otherwise): a new arrangement of the pupil
/// works on it from the start ("één kind, één plan").
std::string set_opp_id_of_pupil(soci::session& sql, const std::string& pupil_id);
/// The pupil of an OPP, if the OPP exists.
std::optional<std::string> pupil_of_opp(soci::session& sql, const std::string& opp_id);
/// Every revision, oldest first (the last one is the current one).
std::vector<OppRevisionRecord> load_opp_revisions(soci::session& sql, const std::string& opp_id);
/// The latest revision.
std::optional<OppRevisionRecord> find_current_opp(soci::session& sql, const std::string& opp_id);
/// The OPPs that were ever set, with only id, pupil and first set date (for due items).
std::vector<domain::Opp> list_opps_first_set(soci::session& sql);

/// A new OPP with its first draft revision.
void insert_opp(soci::session& sql, const domain::Opp& opp, const std::string& by, const std::string& at);
/// A new draft revision of an existing OPP (bijstelling).
void insert_opp_revision(soci::session& sql, const domain::Opp& opp, const std::string& by,
                         const std::string& at);
/// Writes the draft revision `opp.revision` (content, status, set date, version) when it is still
/// a draft at `expected_version`; false when it moved or is set. Setting also records the first set
/// date of the OPP.
bool update_opp_draft(soci::session& sql, const domain::Opp& opp, int expected_version, const std::string& by,
                      const std::string& at);

struct EvaluationRecord {
  domain::Evaluation evaluation;
  std::string pupil_id;
  int opp_revision = 1;
  std::string recorded_by, recorded_by_name, recorded_at;
};

void insert_evaluation(soci::session& sql, const EvaluationRecord& record);
/// The arrangement's evaluations, by date held (then recorded).
std::vector<EvaluationRecord> list_evaluations(soci::session& sql, const std::string& arrangement_id);
/// The latest evaluation of every arrangement that has one (only the fields due items need:
/// arrangement, held on, next date).
std::vector<domain::Evaluation> latest_evaluations(soci::session& sql);

struct ScheduleRecord {
  std::string id, arrangement_id, pupil_id;
  domain::WeeklySchedule schedule;
  std::string evaluation_id; // '' when set outside an evaluation
  std::string recorded_by, recorded_by_name, recorded_at;
};

void insert_schedule(soci::session& sql, const ScheduleRecord& record);
/// The arrangement's schedules by start date, then recorded (a later one with the same start wins).
std::vector<ScheduleRecord> list_schedules(soci::session& sql, const std::string& arrangement_id);

/// What "Mijn taken" needs of one active arrangement the user coordinates: the arrangement's key
/// fields (status, dates, cadence, OPP), its latest evaluation, whether its OPP was ever set, and
/// the pupil's relations for the access check. One query, so the list stays fast for a
/// coordinator of hundreds of pupils.
struct DueArrangementRecord {
  domain::Arrangement arrangement; // only the fields due items read
  std::optional<domain::Evaluation> latest;
  std::optional<domain::Date> opp_first_set_on;
  std::string pupil_display_name, enrolment_school_id, home_school_id, municipality_id;
  bool on_case_team = false, case_lead = false; // of the coordinator
};
std::vector<DueArrangementRecord> list_due_arrangements(soci::session& sql,
                                                        const std::string& coordinator_id);

} // namespace eenplan::store
