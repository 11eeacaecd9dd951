#include "core/text.hpp"

#include <cstdint>

namespace eenplan::core {
namespace {

/// Base letter of the Latin-1 and Latin Extended-A letters used in Dutch, Turkish,
/// Polish and other names in the region; 0 when unknown.
char fold_code_point(std::uint32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (cp >= 0xC0 && cp <= 0xFF) {
    static constexpr char kLatin1[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
                                      "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
    const char c = kLatin1[cp - 0xC0];
    return (c == '*' || c == '/') ? '\0' : c;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    static constexpr char kExtA[] = "aaaaaaccccccccdddd"    // 0100-0111
                                    "eeeeeeeeeegggggggg"    // 0112-0123
                                    "hhhhiiiiiiiiiijjjj"    // 0124-0135 (incl. IJ ligature as j)
                                    "kkkllllllllllnnnnn"    // 0136-0147
                                    "nnnnoooooooorrrrrr"    // 0148-0159
                                    "ssssssssttttttuuuu"    // 015A-016B
                                    "uuuuuuuuwwyyyzzzzzzs"; // 016C-017F
    return kExtA[cp - 0x100];
  }
  return 0;
}

} // namespace

std::string fold_for_search(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = 0;
    std::size_t len = 1;
    if (b < 0x80) {
      cp = b;
    } else if ((b & 0xE0) == 0xC0 && i + 1 < s.size()) {
      cp = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      len = 2;
    } else if ((b & 0xF0) == 0xE0 && i + 2 < s.size()) {
      len = 3;
      cp = 0xFFFF; // outside the folded ranges: kept verbatim below
    } else if ((b & 0xF8) == 0xF0 && i + 3 < s.size()) {
      len = 4;
      cp = 0xFFFF;
    }
    const char folded = fold_code_point(cp);
    if (folded != 0) {
      out.push_back(folded);
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string escape_like(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

} // namespace eenplan::core
