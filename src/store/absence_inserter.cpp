// AbsenceInserter (absence_store.hpp): the bulk write path of absence imports.
//
// Rows are staged compactly and written per batch sorted by the primary key (pupil key, date,
// lesson hour), so consecutive inserts land on the same B-tree pages instead of jumping across
// the table. A load larger than one batch whose pupils are known (expect_keys) is first spread
// over temporary files by key range and then written range by range: each range's part of the
// table fits in the page cache, where batches sorted only among themselves would each touch every
// page of a table larger than the cache (5,000,000 rows: 22 s instead of about 8 s). SQLite: the native
// handle with one prepared statement, its constant columns bound once (SOCI's per-row binding of string
// vectors was a large share of the cost). PostgreSQL: the batch goes in with COPY into a temporary table,
// then one INSERT … SELECT … ON CONFLICT.
#include "store/absence_store.hpp"
#include "store/sqlite_statement.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <soci/postgresql/soci-postgresql.h>
#include <stdexcept>

namespace eenplan::store {
namespace {

/// Rows per batch: large enough that a sorted batch fills B-tree pages in order, small enough
/// that the staging area stays a few MiB.
constexpr std::size_t kBatch = 100'000;
/// Key ranges of a spilled load. Each range is held whole while it is evaluated and written:
/// with 32 ranges a 5,000,000-row import peaked at 204 MB, with 128 at 123 MB, as fast.
constexpr std::size_t kBuckets = 128;

/// One staged row in 24 bytes. Pupil key, date and lesson hour are packed into one integer in
/// that order, so sorting a batch compares one number instead of a key, ten bytes of date text
/// and an hour (sorting 5,000,000 rows took 0.8 s that way).
struct StagedRow {
  std::uint64_t order = 0; // pupil_key << 26 | year << 9 | month << 5 | day, << 5 | lesson_hour
  domain::AbsenceKind kind = domain::AbsenceKind::Unauthorised;
  bool marked_luxe = false;
  std::uint32_t remark_at = 0;
  std::uint32_t remark_size = 0;

  static constexpr int kHourBits = 5;  // lesson hours 1..16
  static constexpr int kDateBits = 21; // year (12 bits), month (4), day (5)

  static std::uint64_t pack(long long pupil_key, domain::Date date, int lesson_hour) {
    const auto d = static_cast<std::uint64_t>((date.year << 9) | (date.month << 5) | date.day);
    return (static_cast<std::uint64_t>(pupil_key) << (kDateBits + kHourBits)) | (d << kHourBits) |
           static_cast<std::uint64_t>(lesson_hour);
  }
  long long pupil_key() const { return static_cast<long long>(order >> (kDateBits + kHourBits)); }
  domain::Date date() const {
    const auto d = static_cast<int>((order >> kHourBits) & ((1U << kDateBits) - 1));
    return {d >> 9, (d >> 5) & 0xF, d & 0x1F};
  }
  int lesson_hour() const { return static_cast<int>(order & ((1U << kHourBits) - 1)); }
  /// The date as YYYY-MM-DD into out[0..9].
  void date_text(char* out) const {
    const domain::Date d = date();
    const auto two = [](char* at, int v) {
      at[0] = static_cast<char>('0' + v / 10);
      at[1] = static_cast<char>('0' + v % 10);
    };
    two(out, d.year / 100);
    two(out + 2, d.year % 100);
    out[4] = '-';
    two(out + 5, d.month);
    out[7] = '-';
    two(out + 8, d.day);
  }

  friend bool operator<(const StagedRow& a, const StagedRow& b) { return a.order < b.order; }
};
static_assert(sizeof(StagedRow) == 24);

constexpr const char* kInsertColumns =
    "INSERT INTO absences (pupil_key, date, lesson_hour, kind, marked_luxe, remark, import_key, "
    "recorded_by, recorded_at) ";

/// COPY text format: backslash, tab and line breaks escaped.
void append_copy_text(std::string& out, std::string_view value) {
  for (const char c : value) {
    switch (c) {
    case '\\': out += "\\\\"; break;
    case '\t': out += "\\t"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    default: out += c;
    }
  }
}

/// Rows per INSERT statement on SQLite. A statement's own cost (its cursor opened, sought from the
/// root and closed, the VDBE started and halted) is paid once for this many rows: 1,000,000 rows
/// in one transaction took 2.3 s one row per statement and 1.0 s with 32 (8: 1.2 s; 100: 1.0 s).
constexpr std::size_t kRowsPerStatement = 32;
/// Columns per row in the statement; the last three are constant for one import.
constexpr int kColumns = 9;

class SqliteWriter {
public:
  SqliteWriter(soci::session& sql, const AbsenceSource& source)
      : source_(source), one_(prepare(sql, 1, source_)), many_(prepare(sql, kRowsPerStatement, source_)) {}
  // The statements point into source_: it must not move.
  SqliteWriter(const SqliteWriter&) = delete;
  SqliteWriter& operator=(const SqliteWriter&) = delete;

  long long write(std::span<const StagedRow> rows, const std::string& remarks) {
    long long added = 0;
    std::size_t at = 0;
    for (; at + kRowsPerStatement <= rows.size(); at += kRowsPerStatement)
      added += step(*many_, rows.subspan(at, kRowsPerStatement), remarks);
    for (; at < rows.size(); ++at)
      added += step(*one_, rows.subspan(at, 1), remarks);
    return added;
  }

private:
  /// INSERT of `rows` rows, the constant columns of every row bound once (they stay bound across
  /// runs, to source_, which the statements do not outlive). Duplicates within one statement go as they would
  /// one by one: the first is kept.
  static std::unique_ptr<SqliteStatement> prepare(soci::session& sql, std::size_t rows,
                                                  const AbsenceSource& source) {
    std::string text = kInsertColumns;
    text += "VALUES ";
    for (std::size_t i = 0; i < rows; ++i)
      text += i == 0 ? "(?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?)";
    text += " ON CONFLICT (pupil_key, date, lesson_hour) DO NOTHING";
    auto st = std::make_unique<SqliteStatement>(sql, text);
    for (std::size_t i = 0; i < rows; ++i) {
      const int base = static_cast<int>(i) * kColumns;
      if (source.import_key != 0) {
        st->bind(base + 7, source.import_key);
        st->bind_null(base + 8);
        st->bind_null(base + 9);
      } else {
        st->bind_null(base + 7);
        st->bind(base + 8, std::string_view(source.recorded_by));
        st->bind(base + 9, std::string_view(source.recorded_at));
      }
    }
    return st;
  }

  /// Binds the rows' own columns into `st` (prepared for exactly rows.size() rows) and runs it;
  /// returns how many were new.
  long long step(SqliteStatement& st, std::span<const StagedRow> rows, const std::string& remarks) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const StagedRow& r = rows[i];
      const int base = static_cast<int>(i) * kColumns;
      char* date = dates_[i].data(); // bound, not copied: stays until the statement has run
      r.date_text(date);
      st.bind(base + 1, r.pupil_key());
      st.bind(base + 2, std::string_view(date, 10));
      st.bind(base + 3, static_cast<long long>(r.lesson_hour()));
      st.bind(base + 4, domain::to_string(r.kind));
      st.bind(base + 5, r.marked_luxe ? 1LL : 0LL);
      st.bind(base + 6, std::string_view(remarks).substr(r.remark_at, r.remark_size));
    }
    return st.run();
  }

  AbsenceSource source_;
  std::array<std::array<char, 10>, kRowsPerStatement> dates_{};
  std::unique_ptr<SqliteStatement> one_;
  std::unique_ptr<SqliteStatement> many_;
};

class PostgresWriter {
public:
  PostgresWriter(soci::session& sql, const AbsenceSource& source)
      : conn_(static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_), source_(source) {
    // Lives for the session (emptied around every batch, so it also works outside a transaction).
    exec("CREATE TEMPORARY TABLE IF NOT EXISTS absence_stage (pupil_key bigint, date text, lesson_hour "
         "integer, kind text, marked_luxe integer, remark text)");
  }

  long long write(std::span<const StagedRow> rows, const std::string& remarks) {
    exec("TRUNCATE absence_stage");
    if (PQresultStatus(owned(PQexec(conn_, "COPY absence_stage FROM STDIN")).get()) != PGRES_COPY_IN)
      fail("COPY");
    std::string buffer;
    buffer.reserve(1 << 20);
    const auto send = [&] {
      if (PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) != 1) fail("COPY data");
      buffer.clear();
    };
    for (const auto& r : rows) {
      std::array<char, 10> date{};
      r.date_text(date.data());
      buffer += std::to_string(r.pupil_key());
      buffer += '\t';
      buffer.append(date.data(), date.size());
      buffer += '\t';
      buffer += std::to_string(r.lesson_hour());
      buffer += '\t';
      buffer += domain::to_string(r.kind);
      buffer += r.marked_luxe ? "\t1\t" : "\t0\t";
      append_copy_text(buffer, std::string_view(remarks).substr(r.remark_at, r.remark_size));
      buffer += '\n';
      if (buffer.size() >= (1U << 20)) send();
    }
    if (!buffer.empty()) send();
    if (PQputCopyEnd(conn_, nullptr) != 1) fail("COPY end");
    for (;;) { // the COPY's result, then nothing
      auto result = owned(PQgetResult(conn_));
      if (!result) break;
      if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) fail("COPY");
    }
    const std::string key = std::to_string(source_.import_key);
    const char* params[3] = {source_.import_key != 0 ? key.c_str() : nullptr,
                             source_.import_key != 0 ? nullptr : source_.recorded_by.c_str(),
                             source_.import_key != 0 ? nullptr : source_.recorded_at.c_str()};
    const std::string text =
        std::string(kInsertColumns) +
        "SELECT pupil_key, date, lesson_hour, kind, marked_luxe, remark, CAST($1 AS bigint), $2, $3 "
        "FROM absence_stage ORDER BY pupil_key, date, lesson_hour "
        "ON CONFLICT (pupil_key, date, lesson_hour) DO NOTHING";
    auto result = owned(PQexecParams(conn_, text.c_str(), 3, nullptr, params, nullptr, nullptr, 0));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) fail("INSERT");
    const long long added = std::stoll(PQcmdTuples(result.get()));
    exec("TRUNCATE absence_stage");
    return added;
  }

private:
  struct Clear {
    void operator()(PGresult* r) const { PQclear(r); }
  };
  static std::unique_ptr<PGresult, Clear> owned(PGresult* r) { return std::unique_ptr<PGresult, Clear>(r); }
  void exec(const char* text) {
    auto result = owned(PQexec(conn_, text));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) fail(text);
  }
  [[noreturn]] void fail(const char* what) const {
    throw std::runtime_error(std::string("postgresql: absence insert (") + what +
                             "): " + PQerrorMessage(conn_));
  }

  PGconn* conn_;
  AbsenceSource source_;
};

} // namespace

/// A temporary file of staged rows, each followed by its remark. Rows are gathered in a buffer of
/// its own and written in large pieces: a call to fwrite per row and remark was 4 % of an import.
class SpillFile {
public:
  SpillFile() : file_(std::tmpfile()) {
    if (file_ == nullptr) throw std::runtime_error("absence inserter: no temporary file");
  }
  ~SpillFile() { std::fclose(file_); }
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  void write(const StagedRow& row, std::string_view remark) {
    const auto* bytes = reinterpret_cast<const char*>(&row);
    buffer_.append(bytes, sizeof row);
    buffer_.append(remark);
    ++rows_;
    if (buffer_.size() >= kBufferBytes) write_buffer();
  }
  /// Appends every row of the file to rows/remarks, reading the file in one piece.
  void read_all(std::vector<StagedRow>& rows, std::string& remarks) {
    write_buffer();
    const long size = std::ftell(file_);
    if (size < 0 || std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0)
      throw std::runtime_error("absence inserter: temporary file not readable");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!bytes.empty() && std::fread(bytes.data(), 1, bytes.size(), file_) != bytes.size())
      throw std::runtime_error("absence inserter: temporary file not read");
    rows.reserve(rows.size() + rows_);
    std::size_t at = 0;
    for (std::size_t n = 0; n < rows_; ++n) {
      StagedRow row;
      if (at + sizeof row > bytes.size())
        throw std::runtime_error("absence inserter: temporary file cut short");
      std::memcpy(&row, bytes.data() + at, sizeof row);
      at += sizeof row;
      if (at + row.remark_size > bytes.size())
        throw std::runtime_error("absence inserter: temporary file cut short");
      row.remark_at = static_cast<std::uint32_t>(remarks.size());
      remarks.append(bytes, at, row.remark_size);
      at += row.remark_size;
      rows.push_back(row);
    }
  }

private:
  static constexpr std::size_t kBufferBytes = std::size_t{64} * 1024;

  void write_buffer() {
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
      throw std::runtime_error("absence inserter: temporary file not written");
    buffer_.clear();
  }

  std::FILE* file_;
  std::string buffer_;
  std::size_t rows_ = 0;
};

struct AbsenceInserter::Group::Rows {
  std::vector<StagedRow> rows;
  std::string remarks;
  std::vector<StagedAbsence> staged;
};

AbsenceInserter::Group::Group() = default;
AbsenceInserter::Group::~Group() = default;
AbsenceInserter::Group::Group(Group&&) noexcept = default;
AbsenceInserter::Group& AbsenceInserter::Group::operator=(Group&&) noexcept = default;

std::span<const AbsenceInserter::StagedAbsence> AbsenceInserter::Group::staged() const {
  if (!rows_) return {};
  return rows_->staged;
}

struct AbsenceInserter::Impl {
  std::vector<StagedRow> rows;
  std::string remarks;
  std::unique_ptr<SqliteWriter> sqlite;
  std::unique_ptr<PostgresWriter> postgres;
  // expect_keys: the pupils' keys, ascending, and each key's range as a table over [low, high]
  // (a key between two expected ones goes with the next), or empty when that would be large.
  std::vector<long long> keys;
  std::vector<std::uint8_t> range_of;
  std::vector<std::unique_ptr<SpillFile>> spill; // per key range, once a load outgrows a batch

  bool written_early = false; // a batch went in before flush(), outside any key range
  std::size_t groups = 0;     // after finish_staging

  long long write(std::span<const StagedRow> sorted, const std::string& in_remarks) {
    return sqlite ? sqlite->write(sorted, in_remarks) : postgres->write(sorted, in_remarks);
  }

  /// A batch written as it is, outside any group (a large load without expect_keys).
  long long write_batch() {
    std::sort(rows.begin(), rows.end());
    const long long n = write(rows, remarks);
    rows.clear();
    remarks.clear();
    return n;
  }

  bool expecting() const { return !keys.empty(); }

  /// The key range of a pupil key: ranges hold equally many of the expected pupils, so a
  /// school's rows spread evenly whatever the spread of its keys.
  std::size_t range(long long key) const {
    if (!range_of.empty()) {
      const long long at = std::clamp(key - keys.front(), 0LL, static_cast<long long>(range_of.size()) - 1);
      return range_of[static_cast<std::size_t>(at)];
    }
    const auto rank =
        static_cast<std::size_t>(std::lower_bound(keys.begin(), keys.end(), key) - keys.begin());
    return std::min(rank, keys.size() - 1) * kBuckets / keys.size();
  }

  void spill_rows() {
    if (spill.empty()) {
      for (std::size_t i = 0; i < kBuckets; ++i)
        spill.push_back(std::make_unique<SpillFile>());
    }
    for (const auto& r : rows)
      spill[range(r.pupil_key())]->write(r, std::string_view(remarks).substr(r.remark_at, r.remark_size));
    rows.clear();
    remarks.clear();
  }
};

AbsenceInserter::AbsenceInserter(soci::session& sql, const AbsenceSource& source)
    : impl_(std::make_unique<Impl>()) {
  if (sql.get_backend_name() == "postgresql") {
    impl_->postgres = std::make_unique<PostgresWriter>(sql, source);
  } else {
    impl_->sqlite = std::make_unique<SqliteWriter>(sql, source);
  }
}

AbsenceInserter::~AbsenceInserter() = default;

void AbsenceInserter::add(long long pupil_key, std::string_view date, int lesson_hour,
                          domain::AbsenceKind kind, bool marked_luxe, std::string_view remark) {
  const auto parsed = date.size() == 10 ? domain::parse_iso_date(date) : std::nullopt;
  if (!parsed) throw std::invalid_argument("absence inserter: date must be YYYY-MM-DD");
  add(pupil_key, *parsed, lesson_hour, kind, marked_luxe, remark);
}

void AbsenceInserter::add(long long pupil_key, domain::Date date, int lesson_hour, domain::AbsenceKind kind,
                          bool marked_luxe, std::string_view remark) {
  // What the packed order holds; the table's own checks are narrower still (lesson hour 1..16).
  if (pupil_key < 0 || pupil_key >= (1LL << 37) || date.year < 1 || date.year > 4095 || lesson_hour < 1 ||
      lesson_hour > 31)
    throw std::invalid_argument("absence inserter: pupil key, date or lesson hour out of range");
  auto& i = *impl_;
  if (i.rows.empty()) i.rows.reserve(kBatch);
  StagedRow row;
  row.order = StagedRow::pack(pupil_key, date, lesson_hour);
  row.kind = kind;
  row.marked_luxe = marked_luxe;
  row.remark_at = static_cast<std::uint32_t>(i.remarks.size());
  row.remark_size = static_cast<std::uint32_t>(remark.size());
  i.remarks.append(remark);
  i.rows.push_back(row);
  if (i.rows.size() < kBatch) return;
  if (i.expecting()) {
    i.spill_rows(); // written at flush(), range by range
  } else {
    added_ += i.write_batch();
    i.written_early = true;
  }
}

void AbsenceInserter::expect_keys(std::span<const long long> keys) {
  auto& i = *impl_;
  i.keys.assign(keys.begin(), keys.end());
  std::sort(i.keys.begin(), i.keys.end());
  i.keys.erase(std::unique(i.keys.begin(), i.keys.end()), i.keys.end());
  i.range_of.clear();
  if (i.keys.empty()) return;
  // A byte per key between the lowest and the highest, when that stays within 4 MiB.
  const long long span = i.keys.back() - i.keys.front() + 1;
  if (span > (1LL << 22)) return;
  std::vector<std::uint8_t> table(static_cast<std::size_t>(span));
  std::size_t rank = 0;
  for (long long key = i.keys.front(); key <= i.keys.back(); ++key) {
    while (i.keys[rank] < key)
      ++rank;
    table[static_cast<std::size_t>(key - i.keys.front())] =
        static_cast<std::uint8_t>(rank * kBuckets / i.keys.size());
  }
  i.range_of = std::move(table);
}

std::size_t AbsenceInserter::finish_staging() {
  auto& i = *impl_;
  if (i.written_early)
    throw std::logic_error("absence inserter: rows were written before flush; call expect_keys first");
  if (!i.spill.empty()) {
    i.spill_rows();
    i.groups = i.spill.size();
  } else {
    i.groups = i.rows.empty() ? 0 : 1;
  }
  return i.groups;
}

/// A key range is read whole: the rows of a school's pupils are bounded by pupils x school days x
/// lesson hours (more would be duplicates, refused), so a range of 1/128 of the school stays small.
AbsenceInserter::Group AbsenceInserter::read_group(std::size_t index) {
  auto& i = *impl_;
  if (index >= i.groups) throw std::out_of_range("absence inserter: no such group");
  Group group;
  group.rows_ = std::make_unique<Group::Rows>();
  auto& g = *group.rows_;
  if (i.spill.empty()) {
    g.rows.swap(i.rows);
    g.remarks.swap(i.remarks);
  } else {
    auto& file = i.spill[index];
    file->read_all(g.rows, g.remarks);
    file.reset(); // its disk space goes now
  }
  std::sort(g.rows.begin(), g.rows.end());
  g.staged.reserve(g.rows.size());
  for (const auto& r : g.rows)
    g.staged.push_back({r.pupil_key(), r.date(), r.lesson_hour(), r.kind, r.marked_luxe});
  return group;
}

long long AbsenceInserter::write(Group group) {
  if (!group.rows_ || group.rows_->rows.empty()) return 0;
  const long long n = impl_->write(group.rows_->rows, group.rows_->remarks);
  added_ += n;
  return n;
}

long long AbsenceInserter::flush() {
  auto& i = *impl_;
  if (i.written_early) { // the rest as one more batch
    const long long n = i.rows.empty() ? 0 : i.write_batch();
    added_ += n;
    return n;
  }
  long long n = 0;
  const std::size_t groups = finish_staging();
  for (std::size_t g = 0; g < groups; ++g)
    n += write(read_group(g));
  return n;
}

} // namespace eenplan::store
