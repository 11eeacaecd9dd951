// Absences, absence imports, the schools' escalation protocols, protocol exemptions and
// escalation signals (migrations 0003 and 0004).
#pragma once

#include <memory>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "domain/absence.hpp"
#include "store/database.hpp"

namespace eenplan::store {

/// A pupil of a school as the import resolves it: enrolment school or stamschool.
struct SchoolPupilRecord {
  std::string id;
  std::string school_pupil_number;
};

/// Pupils whose enrolment school or stamschool is `school_id`.
std::vector<SchoolPupilRecord> list_school_pupils(soci::session& sql, const std::string& school_id);

/// A school by id or by BRIN code (the CLI accepts either); kind must be 'school'.
std::optional<std::string> find_school_id(soci::session& sql, const std::string& id_or_brin);

struct AbsenceRecord {
  std::string pupil_id;
  std::string date; // YYYY-MM-DD
  int lesson_hour = 1;
  std::string kind; // domain::to_string(AbsenceKind)
  bool marked_luxe = false;
  std::string remark;
  std::string import_id; // '' when entered by hand
  std::string recorded_by;
  std::string recorded_at;
};

/// Inserts absences in bulk with one prepared statement that is reused for every batch;
/// a row whose (pupil, date, lesson hour) is already registered is skipped, not changed
/// (INSERT … ON CONFLICT DO NOTHING), so an import is idempotent. Lives inside the
/// caller's transaction.
class AbsenceInserter {
public:
  AbsenceInserter(soci::session& sql, const std::string& import_id, const std::string& recorded_by,
                  const std::string& recorded_at);
  ~AbsenceInserter();
  AbsenceInserter(const AbsenceInserter&) = delete;
  AbsenceInserter& operator=(const AbsenceInserter&) = delete;

  /// Stages one row; written when the batch is full or at flush().
  void add(const std::string& pupil_id, const std::string& date, int lesson_hour, const std::string& kind,
           bool marked_luxe, const std::string& remark);
  /// Writes the staged rows; returns how many were new.
  long long flush();
  long long rows_added() const { return added_; }

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  long long added_ = 0;
};

/// For the duration of a large import: a larger SQLite page cache on this connection, so the
/// index pages stay in memory instead of being read again from the file and spilled to the WAL
/// in the middle of the transaction. Restores the previous size; nothing on PostgreSQL.
class BulkLoadCache {
public:
  BulkLoadCache(soci::session& sql, int mebibytes);
  ~BulkLoadCache();
  BulkLoadCache(const BulkLoadCache&) = delete;
  BulkLoadCache& operator=(const BulkLoadCache&) = delete;

private:
  soci::session& sql_;
  bool sqlite_ = false;
  long long previous_ = 0;
};

struct AbsenceImportRecord {
  std::string id, school_id, file_name, layout, encoding;
  long long rows_read = 0;
  long long rows_added = 0;
  std::string imported_by, imported_at;
};
void insert_absence_import(soci::session& sql, const AbsenceImportRecord& record);

/// Absences of one pupil with date in [from, to], by date and lesson hour.
std::vector<AbsenceRecord> list_absences(soci::session& sql, const std::string& pupil_id,
                                         const std::string& from, const std::string& to);
/// Only the kinds the escalation rules count (unauthorised, late, sick), for the evaluation.
std::vector<AbsenceRecord> list_countable_absences(soci::session& sql, const std::string& pupil_id,
                                                   const std::string& from, const std::string& to);

// ---- protocol ----------------------------------------------------------------------------

struct ProtocolRuleRecord {
  std::string rule_code;
  bool enabled = true;
  int threshold = 1;
};
struct SchoolProtocolRecord {
  int version = 1; // 1 when the school never changed its protocol
  std::vector<ProtocolRuleRecord> rules;
};
SchoolProtocolRecord load_school_protocol(soci::session& sql, const std::string& school_id);
/// Replaces the school's rule settings when its version is still `expected_version`; false when
/// someone changed it first. The version becomes expected_version + 1.
bool save_school_protocol(soci::session& sql, const std::string& school_id, int expected_version,
                          const std::vector<ProtocolRuleRecord>& rules, const std::string& updated_by,
                          const std::string& updated_at);

// ---- exemptions --------------------------------------------------------------------------

struct ExemptionRecord {
  std::string id, pupil_id, reason, decided_by, decided_by_name, decided_at;
};
std::optional<ExemptionRecord> active_exemption(soci::session& sql, const std::string& pupil_id);
void insert_exemption(soci::session& sql, const ExemptionRecord& record);
/// Ends the active exemption; false when there is none.
bool end_exemption(soci::session& sql, const std::string& pupil_id, const std::string& ended_at);

// ---- signals -----------------------------------------------------------------------------

struct SignalRecord {
  std::string id, pupil_id, school_year, rule_code;
  int occurrence = 1;
  std::string fired_on, recipient;
  std::string evidence; // JSON array of {"date","lessonHour"}
  std::string created_at;
};
std::vector<SignalRecord> list_signals(soci::session& sql, const std::string& pupil_id,
                                       const std::string& school_year);
/// Every school year, newest first.
std::vector<SignalRecord> list_all_signals(soci::session& sql, const std::string& pupil_id);
/// The evidence column: `[{"date":"2026-11-23","lessonHour":1},…]`.
std::string evidence_json(const std::vector<domain::AbsenceKey>& evidence);
/// Reads what evidence_json wrote; entries it cannot read are skipped.
std::vector<domain::AbsenceKey> parse_evidence_json(std::string_view text);

/// The user id of the pupil's case lead, '' when the case team has none.
std::string case_lead_of(soci::session& sql, const std::string& pupil_id);

/// Inserts unless (pupil, school year, rule, occurrence) is already there; true when inserted.
bool insert_signal(soci::session& sql, const SignalRecord& signal);

} // namespace eenplan::store
