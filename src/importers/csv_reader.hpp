#pragma once
// Streaming RFC 4180 CSV reader with a fixed-size read buffer.
//
// * Reads from a std::istream (or a file descriptor) in chunks of CsvOptions::buffer_size bytes (default 64
// KiB); memory is
//   the buffer plus the current record, independent of the file size.
// * Quoted fields may hold the delimiter, doubled quotes ("") and line breaks. CRLF, LF and bare CR
//   all end a line; a CRLF inside a quoted field is stored as LF.
// * Delimiter ',' or ';': auto-detected from the header line (whichever occurs more often outside
//   quotes; ',' on a tie) unless CsvOptions::delimiter is set.
// * A UTF-8 BOM at the start is skipped (had_bom()).
// * CsvRecord::line is the physical (1-based) line on which the record starts, end_line the line it
//   ends on, so line numbers stay right after multi-line fields.
// * A malformed record (stray quote in an unquoted field, text after a closing quote, unterminated
//   quote at end of input) or one that exceeds max_field_length / max_record_length is returned with
//   status != ok; the reader then resynchronises at the next physical line break.
#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace eenplan::importers {

struct CsvOptions {
  char delimiter = '\0'; // '\0': auto-detect from the header line
  std::size_t buffer_size = std::size_t{64} * 1024;
  std::size_t max_field_length = 4096;
  std::size_t max_record_length = std::size_t{64} * 1024;
};

enum class CsvStatus { ok, stray_quote, text_after_quote, unterminated_quote, field_too_long, line_too_long };

[[nodiscard]] std::string_view csv_status_message(CsvStatus s); // Dutch

class CsvRecord {
public:
  std::size_t line = 0;
  std::size_t end_line = 0;
  CsvStatus status = CsvStatus::ok;

  [[nodiscard]] std::size_t size() const { return ends_.size(); }
  [[nodiscard]] std::string_view field(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(data_).substr(begin, ends_[i] - begin);
  }
  // A line with no characters at all (one empty field).
  [[nodiscard]] bool blank() const { return ends_.size() == 1 && data_.empty(); }

private:
  friend class CsvReader;
  std::string data_;
  std::vector<std::size_t> ends_;
};

class CsvReader {
public:
  explicit CsvReader(std::istream& in, CsvOptions options = {});
  // Reads from a POSIX file descriptor (not closed by the reader).
  explicit CsvReader(int fd, CsvOptions options = {});

  // Reads the next record; false at end of input.
  bool next(CsvRecord& record);

  [[nodiscard]] char delimiter() const { return delimiter_; }
  [[nodiscard]] bool had_bom() const { return had_bom_; }
  // The bytes of the first buffer fill (after the BOM); valid until the second fill. Used for
  // encoding detection.
  [[nodiscard]] std::string_view initial_sample() const { return sample_; }
  // Physical lines consumed so far.
  [[nodiscard]] std::size_t lines_read() const { return line_ - 1; }

private:
  static constexpr int kEof = -1;
  int get() {
    if (pos_ == len_ && !refill()) return kEof;
    return static_cast<unsigned char>(buffer_[pos_++]);
  }
  int peek() {
    if (pos_ == len_ && !refill()) return kEof;
    return static_cast<unsigned char>(buffer_[pos_]);
  }
  std::size_t read_some(char* dst, std::size_t size);
  bool refill();
  void start();
  void skip_rest_of_line();

  std::istream* in_ = nullptr;
  int fd_ = -1;
  bool eof_ = false;
  CsvOptions options_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t len_ = 0;
  std::size_t line_ = 1;
  char delimiter_ = ',';
  bool had_bom_ = false;
  std::string_view sample_;
};

} // namespace eenplan::importers
