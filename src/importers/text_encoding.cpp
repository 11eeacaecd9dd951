#include "importers/text_encoding.hpp"

#include <array>
#include <cstdint>

namespace eenplan::importers {
namespace {

// Windows-1252 0x80..0x9F; 0 marks an undefined byte.
constexpr std::array<std::uint16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_code_point(std::uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

} // namespace

std::string_view encoding_name(Encoding e) {
  switch (e) {
  case Encoding::undecided: return "ascii";
  case Encoding::utf8: return "utf-8";
  case Encoding::windows1252: return "windows-1252";
  }
  return "unknown";
}

std::size_t utf8_bom_length(std::string_view bytes) {
  return bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

bool is_ascii(std::string_view bytes) {
  for (const char c : bytes) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool is_valid_utf8(std::string_view bytes, bool allow_truncated_tail) {
  const auto n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
      cp = b0 & 0x1FU;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      cp = b0 & 0x0FU;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      cp = b0 & 0x07U;
    } else {
      return false;
    }
    for (std::size_t k = 1; k < len; ++k) {
      if (i + k >= n) return allow_truncated_tail;
      const auto b = static_cast<unsigned char>(bytes[i + k]);
      if ((b & 0xC0U) != 0x80U) return false;
      cp = (cp << 6) | (b & 0x3FU);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

bool append_windows1252_as_utf8(std::string_view bytes, std::string& out) {
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80 || b >= 0xA0) {
      append_code_point(b, out);
    } else {
      const std::uint16_t cp = kCp1252High[b - 0x80];
      if (cp == 0) return false;
      append_code_point(cp, out);
    }
  }
  return true;
}

std::size_t utf8_length(std::string_view utf8) {
  std::size_t count = 0;
  for (const char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
  }
  return count;
}

Encoding detect_encoding(std::string_view sample, bool had_bom) {
  if (had_bom) return Encoding::utf8;
  if (is_ascii(sample)) return Encoding::undecided;
  return is_valid_utf8(sample, true) ? Encoding::utf8 : Encoding::windows1252;
}

bool EncodingDecoder::decode(std::string_view raw, std::string& scratch, std::string_view& out) {
  if (is_ascii(raw)) {
    out = raw;
    return true;
  }
  if (encoding_ == Encoding::undecided) {
    encoding_ = is_valid_utf8(raw) ? Encoding::utf8 : Encoding::windows1252;
  }
  if (encoding_ == Encoding::utf8) {
    out = raw;
    return is_valid_utf8(raw);
  }
  scratch.clear();
  const bool ok = append_windows1252_as_utf8(raw, scratch);
  out = scratch;
  return ok;
}

} // namespace eenplan::importers
