// Column values for SOCI statements, and many rows in one INSERT statement on PostgreSQL: one
// round trip for up to kMultiRowInsertRows rows instead of one each. Used where an import writes
// thousands of rows of the same shape (escalation signals and their tasks).
#pragma once

#include <cstddef>
#include <soci/soci.h>
#include <string>

namespace eenplan::store {

/// Rows per statement: 100 rows of up to 13 columns stay far below SQLite's 32,766 bound
/// parameters and PostgreSQL's 65,535.
inline constexpr std::size_t kMultiRowInsertRows = 100;

/// PostgreSQL answers every statement over a connection; SQLite runs in the process, where one
/// prepared single-row statement is cheaper than binding hundreds of named values (SOCI binds
/// SQLite parameters by name, a lookup per value).
inline bool round_trips_cost(soci::session& sql) {
  return sql.get_backend_name() == "postgresql";
}

/// "(:v0, :v1, …), (…), …": `rows` groups of `columns` positional placeholders, for
/// "INSERT INTO t (…) VALUES " + this.
std::string values_placeholders(std::size_t rows, std::size_t columns);

/// NULL for an empty optional text column ('' stands for "not set" in the records).
inline soci::indicator null_if_empty(const std::string& s) {
  return s.empty() ? soci::i_null : soci::i_ok;
}

} // namespace eenplan::store
