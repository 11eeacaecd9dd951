// Numbered, forward-only schema migrations, embedded in the binary at build time.
// A file `NNNN_name.sql` runs on both databases; `NNNN_name.sqlite.sql` / `.pg.sql`
// only on that dialect. Applied ones are recorded in schema_migrations.
#pragma once

#include <string>
#include <vector>

#include "store/database.hpp"

namespace eenplan::store {

struct Migration {
  std::string name;
  std::string sql;
};

const std::vector<Migration>& embedded_migrations();

/// Applies every pending migration, each in its own transaction; returns how many ran.
int migrate(Database& db);

} // namespace eenplan::store
