#pragma once

#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace eenplan::app {

struct DemoOptions {
  std::uint64_t seed = 42;
  int pupils = 3000;
  std::string accounts_out;
  std::string today; // '' = today
  bool if_empty = false;
};

int run_demo(store::Database& db, const DemoOptions& options);

} // namespace eenplan::app
