// One database (SQLite file or PostgreSQL server) behind a pool of SOCI sessions.
#pragma once

#include <memory>
#include <soci/soci.h>
#include <string>
#include <string_view>

namespace eenplan::store {

enum class Dialect { Sqlite, Postgres };

class Database {
public:
  /// `url` is `sqlite:PATH` or `postgresql://...`; throws std::runtime_error on failure.
  static std::unique_ptr<Database> open(const std::string& url, std::size_t pool_size);

  Dialect dialect() const { return dialect_; }
  soci::connection_pool& pool() { return *pool_; }
  std::size_t pool_size() const { return pool_size_; }

  /// Runs a multi-statement SQL script natively (migrations).
  void exec_script(soci::session& sql, const std::string& script);

  ~Database();

private:
  Database(Dialect dialect, std::size_t pool_size);
  Dialect dialect_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
};

/// A session leased from the pool for one unit of work.
/// The pooled connection itself (not a proxy session), so per-connection state such as
/// the statement cache stays with it.
class Lease {
public:
  explicit Lease(Database& db) : db_(db), position_(db.pool().lease()), sql_(db.pool().at(position_)) {}
  ~Lease() { db_.pool().give_back(position_); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  soci::session& sql() { return sql_; }
  Database& db() { return db_; }

private:
  Database& db_;
  std::size_t position_;
  soci::session& sql_;
};

/// BEGIN (IMMEDIATE on SQLite for writers, so the write lock is taken up front and
/// two writers never deadlock) … COMMIT; rolls back when destroyed uncommitted.
class Transaction {
public:
  enum class Mode { Read, Write };
  Transaction(soci::session& sql, Dialect dialect, Mode mode);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

private:
  soci::session& sql_;
  bool open_ = true;
};

/// libpq key=value connection info for a postgresql:// URL.
std::string postgres_conninfo(std::string_view url);

/// Parses `sqlite:PATH`, returns the path (empty if the url is not sqlite).
std::string sqlite_path(std::string_view url);

} // namespace eenplan::store
