#include "api/json_out.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace eenplan::api {

void JsonText::value(long long number) {
  separate();
  std::array<char, 24> digits{};
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), number).ptr;
  out_.append(digits.data(), end);
  need_comma_ = true;
}

namespace {

bool needs_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

/// True when any of the eight bytes in `word` needs an escape (a byte below 0x20, a quote or a
/// backslash): the usual bit tricks for "has a zero byte" and "has a byte less than n".
bool word_needs_escape(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const auto has_zero = [&](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHigh;
  return (below_space | has_zero(word ^ (kOnes * '"')) | has_zero(word ^ (kOnes * '\\'))) != 0;
}

/// The first byte from `from` that needs an escape, or `end`: eight bytes at a time, since nearly
/// all text needs none and a byte at a time was most of the cost of writing a dossier.
const char* next_to_escape(const char* from, const char* end) {
  while (end - from >= 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, from, sizeof word);
    if (word_needs_escape(word)) break;
    from += 8;
  }
  while (from != end && !needs_escape(static_cast<unsigned char>(*from)))
    ++from;
  return from;
}

} // namespace

void JsonText::quoted(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_.push_back('"');
  const char* run = text.data();
  const char* const end = run + text.size();
  for (;;) {
    const char* next = next_to_escape(run, end);
    out_.append(run, next);
    if (next == end) break;
    const auto c = static_cast<unsigned char>(*next);
    run = next + 1;
    out_.push_back('\\');
    switch (c) {
    case '"': out_.push_back('"'); break;
    case '\\': out_.push_back('\\'); break;
    case '\b': out_.push_back('b'); break;
    case '\f': out_.push_back('f'); break;
    case '\n': out_.push_back('n'); break;
    case '\r': out_.push_back('r'); break;
    case '\t': out_.push_back('t'); break;
    default:
      out_.append("u00");
      out_.push_back(kHex[c >> 4]);
      out_.push_back(kHex[c & 0xF]);
    }
  }
  out_.push_back('"');
}

} // namespace eenplan::api
