// libFuzzer target: the parsing of pupil changes (PATCH body) and new notes must never
// crash, hang or read out of bounds, whatever bytes arrive.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "api/pupil_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const eenplan::domain::Date today{2026, 11, 23};
  auto patch = eenplan::api::parse_pupil_patch(body, today);
  if (patch && patch->postcode) {
    // A postcode that passed must be canonical: "1234 AB".
    if (patch->postcode->size() != 7 || (*patch->postcode)[4] != ' ') __builtin_trap();
  }
  (void)eenplan::api::parse_new_note(body);
  return 0;
}
