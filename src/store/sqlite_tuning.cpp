// Process-wide SQLite settings, applied once before the first connection opens.
#include <mutex>
#include <sqlite3.h>

namespace eenplan::store {

void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Memory statistics take one global mutex on every allocation inside SQLite; with
    // many request threads that mutex becomes the bottleneck. We never read them.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    // Each connection is used by one thread at a time (leased from the pool), so the
    // per-connection mutexes of serialized mode are not needed.
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  });
}

} // namespace eenplan::store
