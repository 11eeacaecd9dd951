// Prepared statements kept per pooled connection, so hot queries are parsed once
// instead of on every request. A cached query is a struct that owns its bound
// variables and its soci::statement; it is built on first use on that connection.
//
// Every user of a cached SELECT must fetch until fetch() returns false: a statement
// left mid-result would keep an old SQLite read snapshot open on the connection.
#pragma once

#include <cstddef>
#include <memory>
#include <soci/soci.h>
#include <vector>

namespace eenplan::store {

class StatementCache {
public:
  struct Entry {
    virtual ~Entry() = default;
  };

  template <typename Query> Query& get(soci::session& sql) {
    // Each kind of query has a fixed slot, numbered on first use: a dossier read looks up
    // several queries, and hashing their type names each time was a measurable part of it.
    static const std::size_t index = next_slot();
    if (index >= entries_.size()) entries_.resize(index + 1);
    auto& slot = entries_[index];
    if (!slot) slot = std::make_unique<Query>(sql);
    return static_cast<Query&>(*slot);
  }

private:
  static std::size_t next_slot();
  std::vector<std::unique_ptr<Entry>> entries_;
};

/// The cache of a pooled connection (registered by Database::open).
StatementCache& statement_cache(soci::session& sql);
void register_statement_cache(soci::session& sql);
void unregister_statement_cache(soci::session& sql);

} // namespace eenplan::store
