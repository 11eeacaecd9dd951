#include "store/sqlite_statement.hpp"

#include <soci/sqlite3/soci-sqlite3.h>
#include <stdexcept>
#include <utility>

namespace eenplan::store {

// SQLITE_STATIC names the type unqualified.
using sqlite_api::sqlite3_destructor_type;

bool is_sqlite(soci::session& sql) {
  return sql.get_backend_name() == "sqlite3";
}

SqliteStatement::SqliteStatement(soci::session& sql, const std::string& text)
    : db_(static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_) {
  check(sqlite_api::sqlite3_prepare_v3(db_, text.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &st_, nullptr));
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_), st_(std::exchange(other.st_, nullptr)) {}

SqliteStatement::~SqliteStatement() {
  sqlite_api::sqlite3_finalize(st_);
}

void SqliteStatement::bind(int index, std::string_view text) {
  // A null data pointer would bind NULL; an empty text is ''.
  check(sqlite_api::sqlite3_bind_text(st_, index, text.empty() ? "" : text.data(),
                                      static_cast<int>(text.size()), SQLITE_STATIC));
}

void SqliteStatement::bind_or_null(int index, std::string_view text) {
  if (text.empty()) {
    bind_null(index);
  } else {
    bind(index, text);
  }
}

void SqliteStatement::bind(int index, long long value) {
  check(sqlite_api::sqlite3_bind_int64(st_, index, value));
}

void SqliteStatement::bind_null(int index) {
  check(sqlite_api::sqlite3_bind_null(st_, index));
}

long long SqliteStatement::run() {
  int rc = 0;
  while ((rc = sqlite_api::sqlite3_step(st_)) == SQLITE_ROW) {
  }
  sqlite_api::sqlite3_reset(st_);
  check(rc);
  return sqlite_api::sqlite3_changes(db_);
}

bool SqliteStatement::next_row() {
  const int rc = sqlite_api::sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  sqlite_api::sqlite3_reset(st_);
  check(rc);
  return false;
}

void SqliteStatement::reset() {
  sqlite_api::sqlite3_reset(st_);
}

std::string_view SqliteStatement::text(int column) const {
  // sqlite3_column_text before sqlite3_column_bytes: the length is of the text form.
  const auto* data = sqlite_api::sqlite3_column_text(st_, column);
  if (data == nullptr) return {};
  return {reinterpret_cast<const char*>(data),
          static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(st_, column))};
}

long long SqliteStatement::integer(int column) const {
  return sqlite_api::sqlite3_column_int64(st_, column);
}

void SqliteStatement::check(int rc) const {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string("sqlite: ") + sqlite_api::sqlite3_errmsg(db_));
}

} // namespace eenplan::store
