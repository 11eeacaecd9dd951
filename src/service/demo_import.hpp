// Writes a generated demo region into an empty database, in one transaction.
#pragma once

#include <cstdint>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "demo/region.hpp"
#include "store/database.hpp"

namespace eenplan::service {

struct DemoImportResult {
  int organisations = 0;
  int accounts = 0;
  int pupils = 0;
};

/// Refuses when the database already holds a region (nothing is ever overwritten).
core::Result<DemoImportResult> import_demo_region(store::Database& db, const demo::Region& region,
                                                  std::uint64_t seed, core::Instant now);

} // namespace eenplan::service
