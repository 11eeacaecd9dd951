// A prepared statement on the SQLite handle beneath a SOCI session, for the bulk write paths of
// an import (absences, escalation signals, their tasks). SOCI binds SQLite parameters by name
// and copies every string into its own buffer, row by row; here values are bound by position
// straight from the caller's memory, which made SOCI's share of an import's signal writes go
// away (see bench/RESULTS.md, absence import).
#pragma once

#include <soci/soci.h>
#include <string>
#include <string_view>

// The SQLite API as soci-sqlite3.h declares it: inside namespace sqlite_api.
namespace sqlite_api {
struct sqlite3;
struct sqlite3_stmt;
} // namespace sqlite_api

namespace eenplan::store {

class SqliteStatement {
public:
  /// Prepares `text` on the session's SQLite connection (the session must be SQLite).
  SqliteStatement(soci::session& sql, const std::string& text);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  /// Binds parameter `index` (1-based). Text is not copied: it must stay unchanged until run().
  /// A value stays bound across run() until bound again.
  void bind(int index, std::string_view text);
  /// NULL for empty text ('' stands for "not set" in the records).
  void bind_or_null(int index, std::string_view text);
  void bind(int index, long long value);
  void bind_null(int index);

  /// Steps the statement to its end and resets it; returns the rows it changed.
  long long run();

private:
  void check(int rc) const;

  sqlite_api::sqlite3* db_;
  sqlite_api::sqlite3_stmt* st_ = nullptr;
};

} // namespace eenplan::store
