#include "importers/absence_csv.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace eenplan::importers {
namespace {

constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

// Parses 1..max_digits decimal digits from the front of s.
std::optional<int> take_number(std::string_view& s, std::size_t min_digits, std::size_t max_digits) {
  std::size_t n = 0;
  int v = 0;
  while (n < s.size() && n < max_digits && s[n] >= '0' && s[n] <= '9') {
    v = v * 10 + (s[n] - '0');
    ++n;
  }
  if (n < min_digits) return std::nullopt;
  s.remove_prefix(n);
  return v;
}

bool take_char(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

std::optional<SimpleDate> parse_date(std::string_view s, DateFormat format) {
  std::optional<int> y;
  std::optional<int> m;
  std::optional<int> d;
  if (format == DateFormat::iso) {
    y = take_number(s, 4, 4);
    if (!y || !take_char(s, '-')) return std::nullopt;
    m = take_number(s, 1, 2);
    if (!m || !take_char(s, '-')) return std::nullopt;
    d = take_number(s, 1, 2);
  } else {
    d = take_number(s, 1, 2);
    if (!d || !take_char(s, '-')) return std::nullopt;
    m = take_number(s, 1, 2);
    if (!m || !take_char(s, '-')) return std::nullopt;
    y = take_number(s, 4, 4);
  }
  if (!y || !m || !d || !s.empty()) return std::nullopt;
  if (*m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) return std::nullopt;
  return SimpleDate{*y, *m, *d};
}

int date_key(const SimpleDate& d) {
  return d.year * 10000 + d.month * 100 + d.day;
}

std::string format_date(const SimpleDate& d) {
  std::array<char, 16> buf{};
  const auto two = [](int v, char* p) {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
  };
  two(d.day, buf.data());
  buf[2] = '-';
  two(d.month, buf.data() + 3);
  buf[5] = '-';
  two(d.year / 100, buf.data() + 6);
  two(d.year % 100, buf.data() + 8);
  return std::string(buf.data(), 10);
}

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

std::uint64_t row_key(std::string_view pupil, int date, int hour) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : pupil) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h = mix(h ^ (static_cast<std::uint64_t>(date) << 8U) ^ static_cast<std::uint64_t>(hour));
  return h == 0 ? 1 : h; // 0 marks an empty slot
}

// Open-addressing (linear probing) set of 64-bit keys with the line each was first seen on.
// Load factor <= 3/4; 12 bytes per slot.
class KeySet {
public:
  KeySet() : keys_(1U << 12U, 0), lines_(1U << 12U, 0) {}

  // Inserts key; returns 0 if new, else the line where it was first seen.
  std::size_t insert(std::uint64_t key, std::size_t line) {
    if ((size_ + 1) * 4 > keys_.size() * 3) grow();
    const std::size_t slot = find(key);
    if (keys_[slot] == key) return lines_[slot];
    keys_[slot] = key;
    lines_[slot] = static_cast<std::uint32_t>(line);
    ++size_;
    return 0;
  }

private:
  std::size_t find(std::uint64_t key) const {
    const std::size_t mask = keys_.size() - 1;
    std::size_t i = static_cast<std::size_t>(key) & mask;
    while (keys_[i] != 0 && keys_[i] != key)
      i = (i + 1) & mask;
    return i;
  }
  void grow() {
    std::vector<std::uint64_t> old_keys(keys_.size() * 2, 0);
    std::vector<std::uint32_t> old_lines(lines_.size() * 2, 0);
    std::swap(old_keys, keys_);
    std::swap(old_lines, lines_);
    for (std::size_t i = 0; i < old_keys.size(); ++i) {
      if (old_keys[i] == 0) continue;
      const std::size_t slot = find(old_keys[i]);
      keys_[slot] = old_keys[i];
      lines_[slot] = old_lines[i];
    }
  }

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> lines_;
  std::size_t size_ = 0;
};

/// Days since 1970-01-01 (proleptic Gregorian), for the dense duplicate table.
long day_number(const SimpleDate& d) {
  const int y = d.month <= 2 ? d.year - 1 : d.year;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (d.month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long>(era) * 146097 + doe - 719468;
}

/// The first line of every (pupil, day, lesson hour 1..12) of the school year; 0 = not seen.
class SlotTable {
public:
  static constexpr std::size_t kHours = 12;
  /// At most 256 MiB; a larger school year falls back to the KeySet.
  static constexpr std::size_t kMaxSlots = std::size_t{64} << 20U;

  SlotTable(std::size_t pupils, const SimpleDate& first, const SimpleDate& last)
      : first_(day_number(first)),
        days_(static_cast<std::size_t>(std::max(0L, day_number(last) - first_ + 1))) {
    if (pupils == 0 || days_ == 0 || pupils > kMaxSlots / kHours / days_) return;
    lines_.assign(pupils * days_ * kHours, 0);
  }
  bool usable() const { return !lines_.empty(); }

  /// Records the line; returns 0 if new, else the line where it was first seen. The date is
  /// within [first, last] and the hour within 1..12 (validated before).
  std::size_t insert(std::size_t pupil, const SimpleDate& date, int hour, std::size_t line) {
    const auto day = static_cast<std::size_t>(day_number(date) - first_);
    auto& slot = lines_[(pupil * days_ + day) * kHours + static_cast<std::size_t>(hour - 1)];
    if (slot != 0) return slot;
    slot = static_cast<std::uint32_t>(line);
    return 0;
  }

private:
  long first_;
  std::size_t days_;
  std::vector<std::uint32_t> lines_;
};

struct Columns {
  std::size_t pupil = kNoColumn;
  std::size_t date = kNoColumn;
  std::size_t hour = kNoColumn;
  std::size_t kind = kNoColumn;
  std::size_t remark = kNoColumn;
};

class Run {
public:
  Run(const AbsenceImportOptions& options, AbsenceImportResult& result)
      : options_(options), result_(result) {}

  void error(std::size_t line, std::string column, ImportErrorCode code, std::string message) {
    ++result_.error_count;
    if (result_.errors.size() < options_.max_reported_errors) {
      result_.errors.push_back(ImportError{line, std::move(column), code, std::move(message)});
    }
  }

private:
  const AbsenceImportOptions& options_;
  AbsenceImportResult& result_;
};

} // namespace

std::string_view import_error_code_name(ImportErrorCode c) {
  switch (c) {
  case ImportErrorCode::malformed_line: return "malformed-line";
  case ImportErrorCode::missing_column: return "missing-column";
  case ImportErrorCode::unknown_layout: return "unknown-layout";
  case ImportErrorCode::invalid_date: return "invalid-date";
  case ImportErrorCode::date_outside_school_year: return "date-outside-school-year";
  case ImportErrorCode::invalid_lesson_hour: return "invalid-lesson-hour";
  case ImportErrorCode::unknown_kind: return "unknown-kind";
  case ImportErrorCode::unknown_pupil: return "unknown-pupil";
  case ImportErrorCode::duplicate_row: return "duplicate-row";
  case ImportErrorCode::remark_too_long: return "remark-too-long";
  case ImportErrorCode::invalid_encoding: return "invalid-encoding";
  case ImportErrorCode::empty_file: return "empty-file";
  }
  return "unknown";
}

ColumnMapping canonical_mapping() {
  return ColumnMapping{"canonical",
                       "leerlingnummer",
                       "datum",
                       "lesuur",
                       "soort",
                       "opmerking",
                       DateFormat::iso,
                       {{"ongeoorloofd", AbsenceKind::Unauthorised},
                        {"ziek", AbsenceKind::Sick},
                        {"te laat", AbsenceKind::Late},
                        {"verwijderd", AbsenceKind::Removed},
                        {"geoorloofd", AbsenceKind::Authorised}}};
}

ColumnMapping magister_mapping() {
  return ColumnMapping{"magister",
                       "Stamnr",
                       "Datum",
                       "Lesuur",
                       "Verzuimsoort",
                       "Omschrijving",
                       DateFormat::dutch,
                       {{"Ongeoorloofd afwezig", AbsenceKind::Unauthorised},
                        {"Ziek", AbsenceKind::Sick},
                        {"Te laat", AbsenceKind::Late},
                        {"Verwijderd uit de les", AbsenceKind::Removed},
                        {"Geoorloofd afwezig", AbsenceKind::Authorised}}};
}

ColumnMapping somtoday_mapping() {
  return ColumnMapping{"somtoday",
                       "leerling_nummer",
                       "begindatum",
                       "lesuur",
                       "absentiereden",
                       "toelichting",
                       DateFormat::iso,
                       {{"ONGEOORLOOFD", AbsenceKind::Unauthorised},
                        {"ZIEK", AbsenceKind::Sick},
                        {"TELAAT", AbsenceKind::Late},
                        {"VERWIJDERD", AbsenceKind::Removed},
                        {"GEOORLOOFD", AbsenceKind::Authorised}}};
}

std::vector<ColumnMapping> builtin_mappings() {
  return {canonical_mapping(), magister_mapping(), somtoday_mapping()};
}

AbsenceCsvParser::AbsenceCsvParser(AbsenceImportOptions options) : options_(std::move(options)) {}

AbsenceImportResult AbsenceCsvParser::parse(std::istream& in, const AbsenceBatchCallback& on_batch) {
  CsvReader reader(in, options_.csv);
  return parse(reader, on_batch);
}

AbsenceImportResult AbsenceCsvParser::parse(int fd, const AbsenceBatchCallback& on_batch) {
  CsvReader reader(fd, options_.csv);
  return parse(reader, on_batch);
}

AbsenceImportResult AbsenceCsvParser::parse(CsvReader& reader, const AbsenceBatchCallback& on_batch) {
  AbsenceImportResult result;
  Run run(options_, result);
  result.delimiter = reader.delimiter();
  EncodingDecoder decoder(detect_encoding(reader.initial_sample(), reader.had_bom()));
  std::string scratch;

  CsvRecord record;
  if (!reader.next(record) || (record.blank() && record.status == CsvStatus::ok)) {
    run.error(1, "", ImportErrorCode::empty_file, "het bestand is leeg");
    return result;
  }
  if (record.status != CsvStatus::ok) {
    run.error(record.line, "", ImportErrorCode::malformed_line,
              "kopregel onleesbaar: " + std::string(csv_status_message(record.status)));
    return result;
  }

  // ---- header: select the mapping -------------------------------------------------------------
  std::vector<std::string> header;
  for (std::size_t i = 0; i < record.size(); ++i) {
    std::string_view text;
    if (!decoder.decode(record.field(i), scratch, text)) {
      run.error(record.line, "", ImportErrorCode::invalid_encoding, "kopregel heeft een onbekende tekenset");
      return result;
    }
    header.emplace_back(trim(text));
  }
  const auto find_column = [&](const std::string& name) {
    if (name.empty()) return kNoColumn;
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (iequals(header[i], name)) return i;
    }
    return kNoColumn;
  };
  const ColumnMapping* mapping = nullptr;
  Columns cols;
  const ColumnMapping* best = nullptr;
  int best_found = 0;
  for (const ColumnMapping& m : options_.mappings) {
    const Columns c{find_column(m.pupil_column), find_column(m.date_column), find_column(m.hour_column),
                    find_column(m.kind_column), find_column(m.remark_column)};
    const int found = static_cast<int>(c.pupil != kNoColumn) + static_cast<int>(c.date != kNoColumn) +
                      static_cast<int>(c.hour != kNoColumn) + static_cast<int>(c.kind != kNoColumn);
    if (found == 4) {
      mapping = &m;
      cols = c;
      break;
    }
    if (found > best_found) {
      best_found = found;
      best = &m;
    }
  }
  if (mapping == nullptr) {
    if (best != nullptr && best_found >= 2) {
      for (const std::string* name :
           {&best->pupil_column, &best->date_column, &best->hour_column, &best->kind_column}) {
        if (find_column(*name) == kNoColumn) {
          run.error(record.line, *name, ImportErrorCode::missing_column,
                    "kolom '" + *name + "' ontbreekt (indeling " + best->name + ")");
        }
      }
    } else {
      run.error(record.line, "", ImportErrorCode::unknown_layout,
                "onbekende indeling: de kopregel past bij geen bekende kolomindeling");
    }
    return result;
  }
  result.layout = mapping->name;
  const std::size_t width = header.size();

  // ---- data rows -------------------------------------------------------------------------------
  std::vector<AbsenceRow> batch(std::max<std::size_t>(options_.batch_size, 1));
  std::size_t filled = 0;
  KeySet seen;
  SlotTable slots(options_.pupil_index ? options_.pupil_count : 0, options_.first_day, options_.last_day);
  std::string remark_scratch;
  const int first = date_key(options_.first_day);
  const int last = date_key(options_.last_day);
  const std::string range = format_date(options_.first_day) + " t/m " + format_date(options_.last_day);
  std::size_t data_lines = 0;

  const auto flush = [&] {
    if (filled > 0 && on_batch) on_batch(std::span<const AbsenceRow>(batch.data(), filled));
    filled = 0;
  };

  while (reader.next(record)) {
    const std::size_t line = record.line;
    if (record.status != CsvStatus::ok) {
      ++data_lines;
      run.error(line, "", ImportErrorCode::malformed_line, std::string(csv_status_message(record.status)));
      continue;
    }
    if (record.blank()) continue;
    ++data_lines;
    if (record.size() != width) {
      run.error(line, "", ImportErrorCode::malformed_line,
                "regel heeft " + std::to_string(record.size()) + " velden, de kopregel " +
                    std::to_string(width));
      continue;
    }
    bool row_ok = true;
    const auto field = [&](std::size_t col, std::string& buf, std::string_view& out) {
      if (decoder.decode(record.field(col), buf, out)) return true;
      run.error(line, header[col], ImportErrorCode::invalid_encoding,
                "ongeldige tekens: het bestand is geen geldige " +
                    std::string(encoding_name(decoder.encoding())));
      row_ok = false;
      return false;
    };
    AbsenceRow& row = batch[filled];
    std::string_view text;

    // pupil
    const bool pupil_decoded = field(cols.pupil, scratch, text);
    if (pupil_decoded) {
      text = trim(text);
      if (text.empty()) {
        run.error(line, header[cols.pupil], ImportErrorCode::malformed_line, "leerlingnummer ontbreekt");
        row_ok = false;
      } else if (options_.pupil_index) {
        row.pupil_index = options_.pupil_index(text);
        if (row.pupil_index >= options_.pupil_count) {
          run.error(line, header[cols.pupil], ImportErrorCode::unknown_pupil,
                    "onbekende leerling '" + std::string(text) + "'");
          row_ok = false;
        }
      } else if (options_.pupil_exists && !options_.pupil_exists(text)) {
        run.error(line, header[cols.pupil], ImportErrorCode::unknown_pupil,
                  "onbekende leerling '" + std::string(text) + "'");
        row_ok = false;
      }
      row.pupil_number.assign(text);
    }
    // date
    std::optional<SimpleDate> date;
    if (field(cols.date, scratch, text)) {
      date = parse_date(trim(text), mapping->date_format);
      if (!date) {
        run.error(line, header[cols.date], ImportErrorCode::invalid_date,
                  "ongeldige datum '" + std::string(trim(text)) + "' (verwacht " +
                      (mapping->date_format == DateFormat::iso ? "jjjj-mm-dd" : "dd-mm-jjjj") + ")");
        row_ok = false;
      } else if (date_key(*date) < first || date_key(*date) > last) {
        run.error(line, header[cols.date], ImportErrorCode::date_outside_school_year,
                  "datum " + format_date(*date) + " valt buiten het schooljaar (" + range + ")");
        row_ok = false;
      }
    }
    // lesson hour
    int hour = 0;
    if (field(cols.hour, scratch, text)) {
      std::string_view digits = trim(text);
      const auto value = take_number(digits, 1, 2);
      if (!value || !digits.empty() || *value < 1 || *value > 12) {
        run.error(line, header[cols.hour], ImportErrorCode::invalid_lesson_hour,
                  "ongeldig lesuur '" + std::string(trim(text)) + "' (1 t/m 12)");
        row_ok = false;
      } else {
        hour = *value;
      }
    }
    // kind
    if (field(cols.kind, scratch, text)) {
      const std::string_view word = trim(text);
      const auto it = std::find_if(mapping->kinds.begin(), mapping->kinds.end(),
                                   [&](const KindWord& k) { return iequals(k.text, word); });
      if (it == mapping->kinds.end()) {
        run.error(line, header[cols.kind], ImportErrorCode::unknown_kind,
                  "onbekende verzuimsoort '" + std::string(word) + "'");
        row_ok = false;
      } else {
        row.kind = it->kind;
      }
    }
    // remark
    row.remark.clear();
    if (cols.remark != kNoColumn && field(cols.remark, remark_scratch, text)) {
      text = trim(text);
      const std::size_t length = utf8_length(text);
      if (length > options_.max_remark_length) {
        run.error(line, header[cols.remark], ImportErrorCode::remark_too_long,
                  "opmerking is te lang (" + std::to_string(length) + " tekens, maximaal " +
                      std::to_string(options_.max_remark_length) + ")");
        row_ok = false;
      } else {
        row.remark.assign(text);
      }
    }
    if (!row_ok) continue;
    const std::size_t earlier = slots.usable()
                                    ? slots.insert(row.pupil_index, *date, hour, line)
                                    : seen.insert(row_key(row.pupil_number, date_key(*date), hour), line);
    if (earlier != 0) {
      run.error(line, "", ImportErrorCode::duplicate_row,
                "dubbele regel: leerling " + row.pupil_number + ", " + format_date(*date) + ", lesuur " +
                    std::to_string(hour) + " staat ook op regel " + std::to_string(earlier));
      continue;
    }
    row.year = date->year;
    row.month = date->month;
    row.day = date->day;
    row.lesson_hour = hour;
    row.line = line;
    ++result.rows;
    if (++filled == batch.size()) flush();
  }
  flush();
  result.encoding = decoder.encoding();
  if (data_lines == 0) run.error(1, "", ImportErrorCode::empty_file, "het bestand bevat geen gegevensregels");
  return result;
}

} // namespace eenplan::importers
