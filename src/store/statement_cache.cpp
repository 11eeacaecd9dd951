#include "store/statement_cache.hpp"

#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <unordered_map>

namespace eenplan::store {
namespace {

struct Registry {
  std::shared_mutex mutex;
  std::unordered_map<soci::session*, std::unique_ptr<StatementCache>> caches;
};

Registry& registry() {
  static Registry r;
  return r;
}

} // namespace

std::size_t StatementCache::next_slot() {
  static std::atomic<std::size_t> next{0};
  return next++;
}

StatementCache& statement_cache(soci::session& sql) {
  auto& r = registry();
  std::shared_lock lock(r.mutex);
  auto it = r.caches.find(&sql);
  if (it == r.caches.end()) throw std::logic_error("connection has no statement cache");
  return *it->second;
}

void register_statement_cache(soci::session& sql) {
  auto& r = registry();
  std::unique_lock lock(r.mutex);
  r.caches[&sql] = std::make_unique<StatementCache>();
}

void unregister_statement_cache(soci::session& sql) {
  auto& r = registry();
  std::unique_lock lock(r.mutex);
  r.caches.erase(&sql);
}

} // namespace eenplan::store
