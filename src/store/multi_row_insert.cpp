#include "store/multi_row_insert.hpp"

namespace eenplan::store {

std::string values_placeholders(std::size_t rows, std::size_t columns) {
  std::string out;
  out.reserve(rows * columns * 8);
  std::size_t n = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    out += r == 0 ? "(" : ", (";
    for (std::size_t c = 0; c < columns; ++c) {
      if (c > 0) out += ", ";
      out += ":v";
      out += std::to_string(n++);
    }
    out += ')';
  }
  return out;
}

} // namespace eenplan::store
