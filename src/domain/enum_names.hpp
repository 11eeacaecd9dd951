// Enum <-> stable string tables, so every enum of the trajectory domain has one
// table that both directions read (the API and the store use the strings, never the numbers).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace eenplan::domain {

template <typename E, std::size_t N> using NameTable = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N> std::string_view name_in(const NameTable<E, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> parse_in(const NameTable<E, N>& table, std::string_view text) {
  for (const auto& [v, name] : table) {
    if (name == text) return v;
  }
  return std::nullopt;
}

} // namespace eenplan::domain
