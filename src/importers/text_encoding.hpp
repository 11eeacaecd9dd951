#pragma once
// Text encoding helpers for CSV imports.
//
// Policy (decided per file, see EncodingDecoder):
//  * A UTF-8 byte-order mark decides UTF-8 (the CSV reader strips it).
//  * Otherwise the first 64 KiB (the CSV reader's first buffer fill) is inspected: if it holds non-ASCII
//    bytes and they are valid UTF-8, the file is UTF-8; if they are not valid UTF-8 it is Windows-1252.
//  * If the first 64 KiB is pure ASCII the decision is still open; it is made per line by the first field
//    that holds non-ASCII bytes (valid UTF-8 -> UTF-8, else Windows-1252) and then holds for the rest.
//  * Once UTF-8 is decided, a field that is not valid UTF-8 is an encoding error (mixed files are
//    refused rather than guessed at). Under Windows-1252 the five undefined bytes 0x81, 0x8D, 0x8F, 0x90
//    and 0x9D are encoding errors.
#include <cstddef>
#include <string>
#include <string_view>

namespace eenplan::importers {

enum class Encoding { undecided, utf8, windows1252 };

[[nodiscard]] std::string_view encoding_name(Encoding e);

// Length of a UTF-8 BOM at the start of `bytes` (3 or 0).
[[nodiscard]] std::size_t utf8_bom_length(std::string_view bytes);

[[nodiscard]] bool is_ascii(std::string_view bytes);

// Strict UTF-8 validation (no overlongs, no surrogates, <= U+10FFFF). With `allow_truncated_tail` a
// sequence cut off by the end of `bytes` is accepted (used for the 64 KiB sample).
[[nodiscard]] bool is_valid_utf8(std::string_view bytes, bool allow_truncated_tail = false);

// Appends the UTF-8 encoding of Windows-1252 `bytes` to `out`; false if an undefined byte occurs.
bool append_windows1252_as_utf8(std::string_view bytes, std::string& out);

// Number of code points in valid UTF-8.
[[nodiscard]] std::size_t utf8_length(std::string_view utf8);

// Encoding decision for a sample (the first 64 KiB): utf8, windows1252 or undecided (pure ASCII).
[[nodiscard]] Encoding detect_encoding(std::string_view sample, bool had_bom);

// Stateful per-file decoder implementing the policy above.
class EncodingDecoder {
public:
  explicit EncodingDecoder(Encoding initial = Encoding::undecided) : encoding_(initial) {}

  // Decodes `raw` to UTF-8. Returns a view of `raw` itself (ASCII or UTF-8, no copy) or of `scratch`.
  // Returns false on an encoding error.
  bool decode(std::string_view raw, std::string& scratch, std::string_view& out);

  [[nodiscard]] Encoding encoding() const { return encoding_; }

private:
  Encoding encoding_;
};

} // namespace eenplan::importers
