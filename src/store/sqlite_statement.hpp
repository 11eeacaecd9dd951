// A prepared statement on the SQLite handle beneath a SOCI session, for the hot paths: the bulk
// writes of an import (absences, escalation signals, their tasks), the audit group commit and the
// dossier read. SOCI binds SQLite parameters by name and copies every string into its own buffer,
// row by row, and converts every column it fetches; here values are bound by position straight
// from the caller's memory and columns are read in place (see bench/RESULTS.md).
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

/// True when the session is on SQLite, where the native statements below can be used.
bool is_sqlite(soci::session& sql);

class SqliteStatement {
public:
  /// Prepares `text` on the session's SQLite connection (the session must be SQLite).
  SqliteStatement(soci::session& sql, const std::string& text);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&&) = delete;

  /// Binds parameter `index` (1-based). Text is not copied: it must stay unchanged until run().
  /// A value stays bound across run() until bound again.
  void bind(int index, std::string_view text);
  /// NULL for empty text ('' stands for "not set" in the records).
  void bind_or_null(int index, std::string_view text);
  void bind(int index, long long value);
  void bind_null(int index);

  /// Steps the statement to its end and resets it; returns the rows it changed.
  long long run();

  /// Steps a query to its next row: true while there is one. After the last row the statement
  /// is reset (its bindings stay), so a query read to its end ends its read of the database.
  bool next_row();
  /// Resets a query that was not read to its end.
  void reset();
  /// A column of the current row (0-based). NULL reads as '' and 0. Text stays valid until the
  /// next step.
  std::string_view text(int column) const;
  long long integer(int column) const;

private:
  void check(int rc) const;

  sqlite_api::sqlite3* db_;
  sqlite_api::sqlite3_stmt* st_ = nullptr;
};

} // namespace eenplan::store
