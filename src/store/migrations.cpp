#include "store/migrations.hpp"

#include <set>
#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "store/trajectory_store.hpp"

namespace eenplan::store {
namespace {

bool applies_to(const std::string& name, Dialect dialect) {
  const bool sqlite_only = name.ends_with(".sqlite.sql");
  const bool pg_only = name.ends_with(".pg.sql");
  if (sqlite_only) return dialect == Dialect::Sqlite;
  if (pg_only) return dialect == Dialect::Postgres;
  return true;
}

} // namespace

int migrate(Database& db) {
  Lease lease(db);
  auto& sql = lease.sql();
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)";
  std::set<std::string> applied;
  {
    std::string name;
    soci::statement st = (sql.prepare << "SELECT name FROM schema_migrations", soci::into(name));
    st.execute();
    while (st.fetch())
      applied.insert(name);
  }
  int ran = 0;
  for (const auto& m : embedded_migrations()) {
    if (applied.contains(m.name) || !applies_to(m.name, db.dialect())) continue;
    Transaction tx(sql, db.dialect(), Transaction::Mode::Write);
    db.exec_script(sql, m.sql);
    sql << "INSERT INTO schema_migrations (name, applied_at) VALUES (:n, CURRENT_TIMESTAMP)",
        soci::use(m.name);
    tx.commit();
    spdlog::info("migration applied: {}", m.name);
    ++ran;
  }
  // The shipped phase models are data the domain defines; inserting the missing ones here (not in
  // SQL) keeps one source for them and gives every migrated database the defaults.
  {
    Transaction tx(sql, db.dialect(), Transaction::Mode::Write);
    seed_default_phase_models(sql, core::format_instant(core::SystemClock{}.now()));
    tx.commit();
  }
  return ran;
}

} // namespace eenplan::store
