// libFuzzer target: the absence CSV parser (csv_reader, text_encoding, absence_csv) must never
// crash, hang or read out of bounds, whatever bytes a school's export holds, and what it passes
// on must be valid: a date inside the school year, a lesson hour 1..12, a known pupil.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "importers/absence_csv.hpp"

namespace {

using namespace eenplan::importers;

AbsenceImportOptions options(bool with_index) {
  AbsenceImportOptions o;
  o.first_day = {2026, 8, 17};
  o.last_day = {2027, 7, 9};
  o.batch_size = 7;       // several batches from a small input
  o.csv.buffer_size = 64; // refills in the middle of records
  if (with_index) {
    o.pupil_count = 3;
    o.pupil_index = [](std::string_view nr) -> std::size_t {
      return nr == "1001" ? 0 : nr == "1002" ? 1 : nr == "1003" ? 2 : 3;
    };
  }
  return o;
}

int key(const SimpleDate& d) {
  return d.year * 10000 + d.month * 100 + d.day;
}

void check(std::string_view data, bool with_index) {
  std::istringstream in{std::string(data)};
  AbsenceCsvParser parser(options(with_index));
  std::size_t passed = 0;
  const auto result = parser.parse(in, [&](std::span<const AbsenceRow> rows) {
    for (const auto& r : rows) {
      const int k = key({r.year, r.month, r.day});
      if (k < 20260817 || k > 20270709 || r.lesson_hour < 1 || r.lesson_hour > 12) __builtin_trap();
      if (with_index && r.pupil_index >= 3) __builtin_trap();
      if (r.line < 2) __builtin_trap();
      ++passed;
    }
  });
  if (passed != result.rows) __builtin_trap();
  if (result.errors.size() > result.error_count) __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(text, false);
  check(text, true);
  return 0;
}
