#include "store/database.hpp"
#include "store/statement_cache.hpp"

#include <filesystem>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>
#include <stdexcept>

namespace eenplan::store {

void configure_sqlite_once(); // sqlite_tuning.cpp

std::string sqlite_path(std::string_view url) {
  constexpr std::string_view kPrefix = "sqlite:";
  if (url.substr(0, kPrefix.size()) != kPrefix) return {};
  return std::string(url.substr(kPrefix.size()));
}

namespace {

std::string percent_decode(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size()) {
      out.push_back(static_cast<char>(std::stoi(std::string(in.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(in[i]);
    }
  }
  return out;
}

std::string quote_conninfo(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

} // namespace

/// SOCI rewrites URI-style connection strings, so a postgresql:// URL is turned into
/// libpq's key=value form here: postgresql://user:password@host:port/dbname?key=value&…
std::string postgres_conninfo(std::string_view url) {
  url.remove_prefix(url.find("://") + 3);
  std::string params;
  if (auto q = url.find('?'); q != std::string_view::npos) {
    std::string_view query = url.substr(q + 1);
    url = url.substr(0, q);
    while (!query.empty()) {
      auto amp = query.find('&');
      auto pair = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
      auto eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      params +=
          " " + std::string(pair.substr(0, eq)) + "=" + quote_conninfo(percent_decode(pair.substr(eq + 1)));
    }
  }
  std::string out;
  std::string_view dbname;
  if (auto slash = url.find('/'); slash != std::string_view::npos) {
    dbname = url.substr(slash + 1);
    url = url.substr(0, slash);
  }
  if (auto at = url.rfind('@'); at != std::string_view::npos) {
    auto userinfo = url.substr(0, at);
    url = url.substr(at + 1);
    auto colon = userinfo.find(':');
    out += "user=" + quote_conninfo(percent_decode(userinfo.substr(0, colon)));
    if (colon != std::string_view::npos) {
      out += " password=" + quote_conninfo(percent_decode(userinfo.substr(colon + 1)));
    }
  }
  if (!url.empty()) {
    auto colon = url.rfind(':');
    const bool has_port = colon != std::string_view::npos && url.find(']') == std::string_view::npos;
    out += " host=" + quote_conninfo(percent_decode(has_port ? url.substr(0, colon) : url));
    if (has_port) out += " port=" + quote_conninfo(std::string(url.substr(colon + 1)));
  }
  if (!dbname.empty()) out += " dbname=" + quote_conninfo(percent_decode(dbname));
  return out + params;
}

Database::Database(Dialect dialect, std::size_t pool_size)
    : dialect_(dialect), pool_size_(pool_size), pool_(std::make_unique<soci::connection_pool>(pool_size)) {}

Database::~Database() {
  // Cached statements must go before the connections they were prepared on.
  for (std::size_t i = 0; i < pool_size_; ++i)
    unregister_statement_cache(pool_->at(i));
}

std::unique_ptr<Database> Database::open(const std::string& url, std::size_t pool_size) {
  if (pool_size == 0) pool_size = 1;
  if (auto path = sqlite_path(url); !path.empty()) {
    configure_sqlite_once();
    if (auto parent = std::filesystem::path(path).parent_path(); !parent.empty()) {
      std::filesystem::create_directories(parent);
    }
    std::unique_ptr<Database> db(new Database(Dialect::Sqlite, pool_size));
    for (std::size_t i = 0; i < pool_size; ++i) {
      soci::session& s = db->pool_->at(i);
      s.open(soci::sqlite3, "db=\"" + path + "\" timeout=30");
      // Durability first: WAL for concurrent readers, a full fsync on every commit,
      // and foreign keys, which SQLite leaves off unless asked.
      s << "PRAGMA journal_mode=WAL";
      s << "PRAGMA synchronous=FULL";
      s << "PRAGMA foreign_keys=ON";
      s << "PRAGMA busy_timeout=30000";
      register_statement_cache(s);
    }
    return db;
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    std::unique_ptr<Database> db(new Database(Dialect::Postgres, pool_size));
    for (std::size_t i = 0; i < pool_size; ++i) {
      db->pool_->at(i).open(soci::postgresql, postgres_conninfo(url));
      db->pool_->at(i) << "SET client_min_messages TO WARNING";
      register_statement_cache(db->pool_->at(i));
    }
    return db;
  }
  throw std::runtime_error("database url must start with sqlite: or postgresql://");
}

void Database::exec_script(soci::session& sql, const std::string& script) {
  if (dialect_ == Dialect::Sqlite) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    char* message = nullptr;
    if (sqlite_api::sqlite3_exec(backend->conn_, script.c_str(), nullptr, nullptr, &message) != 0) {
      std::string text = message ? message : "unknown sqlite error";
      sqlite_api::sqlite3_free(message);
      throw std::runtime_error("sqlite: " + text);
    }
    return;
  }
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  PGresult* result = PQexec(backend->conn_, script.c_str());
  const auto status = PQresultStatus(result);
  std::string text = PQresultErrorMessage(result);
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    throw std::runtime_error("postgresql: " + text);
  }
}

namespace {

/// Transaction control statements, prepared once per connection (they run on every request).
template <const char* Text> struct ControlStatement : StatementCache::Entry {
  soci::statement st;
  explicit ControlStatement(soci::session& sql) : st(sql) {
    st.alloc();
    st.prepare(Text);
    st.define_and_bind();
  }
};

constexpr char kBegin[] = "BEGIN";
constexpr char kBeginImmediate[] = "BEGIN IMMEDIATE";
constexpr char kCommit[] = "COMMIT";
constexpr char kRollback[] = "ROLLBACK";

template <const char* Text> void run_control(soci::session& sql) {
  statement_cache(sql).get<ControlStatement<Text>>(sql).st.execute(true);
}

} // namespace

Transaction::Transaction(soci::session& sql, Dialect dialect, Mode mode) : sql_(sql) {
  if (dialect == Dialect::Sqlite && mode == Mode::Write) {
    run_control<kBeginImmediate>(sql_);
  } else {
    run_control<kBegin>(sql_);
  }
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    run_control<kRollback>(sql_);
  } catch (const std::exception& e) {
    spdlog::error("rollback failed: {}", e.what());
  }
}

void Transaction::commit() {
  run_control<kCommit>(sql_);
  open_ = false;
}

} // namespace eenplan::store
