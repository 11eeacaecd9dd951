// The region's thuiszitter settings (migration 0014): a row per version, only ever inserted.
#pragma once

#include <soci/soci.h>
#include <string>
#include <vector>

#include "domain/homebound.hpp"

namespace eenplan::store {

struct HomeboundSettingsRecord {
  domain::HomeboundConfig config; // the defaults at version 1, which nobody stored
  int version = 1;
  std::string reason;          // why it was changed; '' for the defaults
  std::string changed_by;      // '' for the defaults
  std::string changed_by_name; // joined
  std::string changed_at;      // '' for the defaults
};

/// The id of the installation's region (one SWV per installation); '' before the first import.
std::string installation_region(soci::session& sql);

/// The settings in force: the newest version, or the defaults as version 1.
HomeboundSettingsRecord load_homebound_settings(soci::session& sql, const std::string& region_id);

/// Every stored version, newest first (the defaults are not stored).
std::vector<HomeboundSettingsRecord> list_homebound_settings(soci::session& sql,
                                                             const std::string& region_id);

/// Stores `record` as version expected_version + 1 when the newest version is still
/// `expected_version`; false when it moved.
bool insert_homebound_settings(soci::session& sql, const std::string& region_id, int expected_version,
                               const HomeboundSettingsRecord& record);

} // namespace eenplan::store
