#pragma once
// Parsing and validation of absence CSV imports (`eenplan import absences FILE`). No database access:
// the caller stores the validated rows; the parser only reads the stream.
//
// All-or-nothing: rows are handed to the batch callback while parsing (so memory stays bounded), but
// the import may only be committed when the returned AbsenceImportResult::ok() is true; the caller
// stages the batches (e.g. in one transaction) and rolls back otherwise.
//
// Idempotence is the storage layer's job (upsert on pupil number + date + lesson hour, the same key the
// duplicate check here uses).
//
// Duplicate detection, when the caller resolves pupils to indexes (AbsenceImportOptions::pupil_index):
// a dense table with the first line of every (pupil, day of the school year, lesson hour), exact and
// bounded by the school's size (2,000 pupils: 31 MiB), whatever the file's size. Otherwise it keeps
// one 64-bit key (hash of pupil number, date, hour) plus a 32-bit line number
// per distinct valid row in an open-addressing table (12 bytes per slot, load factor 3/8..3/4, so
// 16-32 bytes per distinct row; 5 million rows: 2^23 slots = 96 MiB, briefly 1.5x while growing).
// Memory is O(distinct rows); everything else is O(buffer + one record + one batch). A hash collision
// could report a false duplicate; with 64-bit keys the chance is ~n^2/2^65 (below 1e-6 for 5 million
// rows). The "first seen on line" in the message is exact below 2^32 lines.

#include "domain/absence.hpp"
#include "importers/csv_reader.hpp"
#include "importers/text_encoding.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eenplan::importers {

// The domain's kinds; their codes are domain::to_string(kind).
using AbsenceKind = domain::AbsenceKind;

struct AbsenceRow {
  std::string pupil_number;
  int year = 0;
  int month = 0;
  int day = 0;
  int lesson_hour = 0;
  AbsenceKind kind = AbsenceKind::Unauthorised;
  std::string remark;
  std::size_t line = 0;
  std::size_t pupil_index = 0; // AbsenceImportOptions::pupil_index's answer, when it is set
};

enum class ImportErrorCode {
  malformed_line,
  missing_column,
  unknown_layout,
  invalid_date,
  date_outside_school_year,
  invalid_lesson_hour,
  unknown_kind,
  unknown_pupil,
  duplicate_row,
  remark_too_long,
  invalid_encoding,
  empty_file,
};

[[nodiscard]] std::string_view import_error_code_name(ImportErrorCode c); // e.g. "invalid-date"

struct ImportError {
  std::size_t line = 0;
  std::string column; // header name as in the file; empty for errors about the whole line
  ImportErrorCode code = ImportErrorCode::malformed_line;
  std::string message; // Dutch
};

enum class DateFormat { iso, dutch }; // jjjj-mm-dd, dd-mm-jjjj (day and month may have one digit)

struct KindWord {
  std::string text; // compared case-insensitively (ASCII) after trimming spaces
  AbsenceKind kind;
};

// A column layout, as data: a region can add its own.
struct ColumnMapping {
  std::string name;
  std::string pupil_column;
  std::string date_column;
  std::string hour_column;
  std::string kind_column;
  std::string remark_column; // optional in the file
  DateFormat date_format = DateFormat::iso;
  std::vector<KindWord> kinds;
};

[[nodiscard]] ColumnMapping canonical_mapping();
[[nodiscard]] ColumnMapping magister_mapping();
[[nodiscard]] ColumnMapping somtoday_mapping();
[[nodiscard]] std::vector<ColumnMapping> builtin_mappings();

struct SimpleDate {
  int year = 0;
  int month = 0;
  int day = 0;
  friend bool operator==(const SimpleDate&, const SimpleDate&) = default;
};

struct AbsenceImportOptions {
  SimpleDate first_day;
  SimpleDate last_day;
  std::vector<ColumnMapping> mappings = builtin_mappings();
  std::size_t batch_size = 10'000;
  std::size_t max_reported_errors = 1'000;
  std::size_t max_remark_length = 500; // code points
  // Optional: returns whether a pupil number is known. Unset: pupils are not checked.
  std::function<bool(std::string_view)> pupil_exists;
  // Optional, instead of pupil_exists: the pupil's index in [0, pupil_count), or pupil_count when
  // the number is unknown. With it the duplicate check is exact and its memory depends on the
  // school (pupils x days of the school year x 12 hours x 4 bytes), not on the file.
  std::function<std::size_t(std::string_view)> pupil_index;
  std::size_t pupil_count = 0;
  CsvOptions csv;
};

struct AbsenceImportResult {
  std::size_t rows = 0;        // valid data rows
  std::size_t error_count = 0; // all errors, also those beyond max_reported_errors
  std::vector<ImportError> errors;
  std::string layout; // name of the selected mapping
  Encoding encoding = Encoding::undecided;
  char delimiter = ',';
  [[nodiscard]] bool ok() const { return error_count == 0; }
};

using AbsenceBatchCallback = std::function<void(std::span<const AbsenceRow>)>;

class AbsenceCsvParser {
public:
  explicit AbsenceCsvParser(AbsenceImportOptions options);
  AbsenceImportResult parse(std::istream& in, const AbsenceBatchCallback& on_batch);
  // Reads from a POSIX file descriptor (not closed).
  AbsenceImportResult parse(int fd, const AbsenceBatchCallback& on_batch);

private:
  AbsenceImportResult parse(CsvReader& reader, const AbsenceBatchCallback& on_batch);

  AbsenceImportOptions options_;
};

} // namespace eenplan::importers
