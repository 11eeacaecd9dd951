// Absences, absence imports, the schools' escalation protocols, protocol exemptions and
// escalation signals (migrations 0003, 0004 and 0010: absences are keyed by an integer pupil key).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <soci/soci.h>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/absence.hpp"
#include "store/database.hpp"

namespace eenplan::store {

/// A pupil of a school as the import resolves it: enrolment school or stamschool.
struct SchoolPupilRecord {
  std::string id;
  std::string school_pupil_number;
  long long key = 0; // pupil_keys.pupil_key
};

/// Pupils whose enrolment school or stamschool is `school_id`, each with its pupil key (created
/// here for a pupil that has none yet, so call it inside a write transaction).
std::vector<SchoolPupilRecord> list_school_pupils(soci::session& sql, const std::string& school_id);

/// The pupil's key in the absences table, created when the pupil has none yet (write transaction).
long long pupil_key(soci::session& sql, const std::string& pupil_id);

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

/// Who recorded the rows an inserter writes: an import (its key; the user and instant are the
/// import's), or a person by hand (import_key 0).
struct AbsenceSource {
  long long import_key = 0;
  std::string recorded_by;
  std::string recorded_at;
};

/// Inserts absences in bulk inside the caller's transaction; a row whose (pupil, date, lesson
/// hour) is already registered is skipped, not changed (INSERT … ON CONFLICT DO NOTHING), so an
/// import is idempotent. Rows are staged and written per batch in key order (SQLite: one
/// prepared statement stepped per row on the native handle; PostgreSQL: COPY into a temporary
/// table, then one INSERT … SELECT). The pupil keys must exist (list_school_pupils, pupil_key):
/// the table has no foreign key on them, so they are checked once per pupil, not per row.
class AbsenceInserter {
public:
  AbsenceInserter(soci::session& sql, const AbsenceSource& source);
  ~AbsenceInserter();
  AbsenceInserter(const AbsenceInserter&) = delete;
  AbsenceInserter& operator=(const AbsenceInserter&) = delete;

  /// Stages one row (date YYYY-MM-DD); written when the batch is full or at flush().
  /// std::invalid_argument for a date that is not one.
  void add(long long pupil_key, std::string_view date, int lesson_hour, domain::AbsenceKind kind,
           bool marked_luxe, std::string_view remark);
  void add(long long pupil_key, domain::Date date, int lesson_hour, domain::AbsenceKind kind,
           bool marked_luxe, std::string_view remark);
  /// For a large load: the pupil keys the rows to come belong to. A load larger than one batch
  /// is then spread over temporary files by key range, each range with as many of these pupils,
  /// and written range by range at flush(), so the writes stay within a part of the table that
  /// fits in the page cache and each range held in memory is small.
  void expect_keys(std::span<const long long> keys);
  /// One staged row as Group::staged() shows it.
  struct StagedAbsence {
    long long pupil_key = 0;
    domain::Date date;
    int lesson_hour = 1;
    domain::AbsenceKind kind = domain::AbsenceKind::Unauthorised;
    bool marked_luxe = false;
  };
  /// Writes the staged rows; returns how many were new (of all rows, for a spilled load).
  long long flush();

  /// flush() in steps, for a caller that works on one group while another is written: one key
  /// range of the load, read back and sorted by pupil key, date and lesson hour, holding every
  /// row of this load for its pupils.
  class Group {
  public:
    Group();
    ~Group();
    Group(Group&&) noexcept;
    Group& operator=(Group&&) noexcept;
    /// The rows as the rules see them (valid while the group lives).
    std::span<const StagedAbsence> staged() const;

  private:
    friend class AbsenceInserter;
    struct Rows;
    std::unique_ptr<Rows> rows_;
  };
  /// Ends staging and returns the number of groups; then read_group() and write() each, in any
  /// order. The load must have had expect_keys() or fit in one batch (otherwise a pupil's rows
  /// could already be written, unseen): std::logic_error.
  std::size_t finish_staging();
  /// Reads group `index` back and sorts it. Uses neither the session nor anything write()
  /// uses, so it may run on another thread while another group is written. Each index once.
  Group read_group(std::size_t index);
  /// Writes the group's rows on the session; returns how many were new.
  long long write(Group group);
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
/// Inserts the import (before its rows: they refer to it) and returns its key.
long long insert_absence_import(soci::session& sql, const AbsenceImportRecord& record);
/// What is known once the file is read and its rows are written.
void finish_absence_import(soci::session& sql, long long import_key, const std::string& layout,
                           const std::string& encoding, long long rows_read, long long rows_added);

/// Absences of one pupil with date in [from, to], by date and lesson hour.
std::vector<AbsenceRecord> list_absences(soci::session& sql, const std::string& pupil_id,
                                         const std::string& from, const std::string& to);

/// What the escalation rules count of an absence (a row whose date or kind does not parse is
/// skipped).
struct CountableAbsence {
  domain::Date date;
  int lesson_hour = 1;
  domain::AbsenceKind kind = domain::AbsenceKind::Unauthorised; // unauthorised, late or sick
  bool marked_luxe = false;
};
enum class AbsenceKinds {
  Countable, // unauthorised, late, sick: what the rules count
  All,       // every kind: which slots are taken
};
/// The absences of `kinds` with date in [from, to] of every pupil in `pupil_keys`, in one query
/// ordered by pupil key, date and lesson hour: `on_pupil` is called once per pupil key that has
/// any, with that pupil's absences in order.
void for_each_pupils_absences(
    soci::session& sql, std::span<const long long> pupil_keys, const std::string& from, const std::string& to,
    AbsenceKinds kinds,
    const std::function<void(long long pupil_key, std::span<const CountableAbsence>)>& on_pupil);

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
/// What the escalation rules need of a pupil besides the absences.
struct SignalContext {
  std::string region_id, enrolment_school_id, municipality_id; // municipality '' when unknown
  std::string case_lead;                                       // '' when the case team has none
  bool exempt = false;                                         // out of the standard protocol
  std::vector<SignalRecord> signals;                           // of the school year
};
/// The contexts of many pupils in four queries, whatever their number (an import evaluates
/// thousands; one query each was a round trip each on PostgreSQL). Unknown ids are absent.
std::map<std::string, SignalContext>
signal_contexts(soci::session& sql, std::span<const std::string> pupil_ids, const std::string& school_year);
/// Records the signals, many per statement; returns the ids of those that went in (one already
/// recorded for the same pupil, school year, rule and occurrence is skipped: never twice).
std::vector<std::string> insert_signals(soci::session& sql, std::span<const SignalRecord> signals);
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
