#include "importers/csv_reader.hpp"

#include "importers/text_encoding.hpp"

#include <algorithm>
#include <cerrno>
#include <cstddef>

#include <unistd.h>

namespace eenplan::importers {

std::string_view csv_status_message(CsvStatus s) {
  switch (s) {
  case CsvStatus::ok: return "";
  case CsvStatus::stray_quote: return "aanhalingsteken midden in een veld zonder aanhalingstekens";
  case CsvStatus::text_after_quote: return "tekst na het afsluitende aanhalingsteken van een veld";
  case CsvStatus::unterminated_quote: return "veld met aanhalingsteken wordt niet afgesloten";
  case CsvStatus::field_too_long: return "veld is te lang";
  case CsvStatus::line_too_long: return "regel is te lang";
  }
  return "onbekende fout";
}

CsvReader::CsvReader(std::istream& in, CsvOptions options)
    : in_(&in), options_(options), buffer_(options.buffer_size < 16 ? 16 : options.buffer_size) {
  start();
}

CsvReader::CsvReader(int fd, CsvOptions options)
    : fd_(fd), options_(options), buffer_(options.buffer_size < 16 ? 16 : options.buffer_size) {
  start();
}

void CsvReader::start() {
  // Fill the whole buffer (a file descriptor may return short reads) so the sample is up to 64 KiB.
  std::size_t filled = 0;
  while (filled < buffer_.size()) {
    const std::size_t n = read_some(buffer_.data() + filled, buffer_.size() - filled);
    if (n == 0) break;
    filled += n;
  }
  pos_ = 0;
  len_ = filled;
  const std::string_view first(buffer_.data(), len_);
  if (utf8_bom_length(first) == 3) {
    had_bom_ = true;
    pos_ = 3;
  }
  sample_ = first.substr(pos_);
  if (options_.delimiter != '\0') {
    delimiter_ = options_.delimiter;
    return;
  }
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  bool quoted = false;
  for (const char c : sample_) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
  }
  delimiter_ = semicolons > commas ? ';' : ',';
}

std::size_t CsvReader::read_some(char* dst, std::size_t size) {
  if (eof_) return 0;
  std::size_t n = 0;
  if (in_ != nullptr) {
    in_->read(dst, static_cast<std::streamsize>(size));
    n = static_cast<std::size_t>(in_->gcount());
  } else {
    for (;;) {
      const ssize_t got = ::read(fd_, dst, size);
      if (got < 0 && errno == EINTR) continue;
      n = got > 0 ? static_cast<std::size_t>(got) : 0; // a read error ends the input
      break;
    }
  }
  if (n == 0) eof_ = true;
  return n;
}

bool CsvReader::refill() {
  pos_ = 0;
  len_ = read_some(buffer_.data(), buffer_.size());
  return len_ > 0;
}

void CsvReader::skip_rest_of_line() {
  for (;;) {
    const int c = get();
    if (c == kEof) return;
    if (c == '\n') {
      ++line_;
      return;
    }
    if (c == '\r') {
      if (peek() == '\n') get();
      ++line_;
      return;
    }
  }
}

bool CsvReader::next(CsvRecord& record) {
  record.data_.clear();
  record.ends_.clear();
  record.status = CsvStatus::ok;
  record.line = line_;
  if (peek() == kEof) return false;

  enum class State { field_start, unquoted, quoted, after_quote };
  State state = State::field_start;
  std::size_t field_begin = 0;
  const auto fail = [&](CsvStatus status, bool skip) {
    record.status = status;
    if (record.ends_.size() < 1) record.ends_.push_back(record.data_.size());
    if (skip) skip_rest_of_line();
    record.end_line = line_ - 1;
    return true;
  };
  const auto end_field = [&] {
    record.ends_.push_back(record.data_.size());
    field_begin = record.data_.size();
  };
  const char delim = delimiter_;

  for (;;) {
    const int c = get();
    if (c == kEof) {
      if (state == State::quoted) {
        ++line_;
        return fail(CsvStatus::unterminated_quote, false);
      }
      end_field();
      record.end_line = line_;
      ++line_;
      return true;
    }
    switch (state) {
    case State::field_start:
      if (c == '"') {
        state = State::quoted;
        continue;
      }
      state = State::unquoted;
      [[fallthrough]];
    case State::unquoted:
    case State::after_quote:
      if (c == delim) {
        end_field();
        state = State::field_start;
        continue;
      }
      if (c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n') get();
        end_field();
        record.end_line = line_;
        ++line_;
        return true;
      }
      if (state == State::after_quote) return fail(CsvStatus::text_after_quote, true);
      if (c == '"') return fail(CsvStatus::stray_quote, true);
      record.data_.push_back(static_cast<char>(c));
      break;
    case State::quoted:
      if (c == '"') {
        if (peek() == '"') {
          get();
          record.data_.push_back('"');
        } else {
          state = State::after_quote;
        }
        continue;
      }
      if (c == '\r' || c == '\n') {
        if (c == '\r' && peek() == '\n') get();
        ++line_;
        record.data_.push_back('\n');
      } else {
        record.data_.push_back(static_cast<char>(c));
      }
      break;
    }
    if (record.data_.size() - field_begin > options_.max_field_length) {
      return fail(CsvStatus::field_too_long, true);
    }
    if (record.data_.size() > options_.max_record_length) return fail(CsvStatus::line_too_long, true);
  }
}

} // namespace eenplan::importers
