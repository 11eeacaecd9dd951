// The region (tenant) and its organisations.
#pragma once

#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "store/records.hpp"

namespace eenplan::store {

struct RegionRecord {
  std::string id, name, code;
};

void insert_region(soci::session& sql, const RegionRecord& region);
std::optional<RegionRecord> first_region(soci::session& sql);

void insert_organisation(soci::session& sql, const OrganisationRecord& org, const std::string& created_at);
void insert_location(soci::session& sql, const LocationRecord& location);
/// All organisations of a kind ('' = every kind), sorted by name.
std::vector<OrganisationRecord> list_organisations(soci::session& sql, const std::string& kind);
std::optional<OrganisationRecord> find_organisation(soci::session& sql, const std::string& id);
long long count_pupils(soci::session& sql);

} // namespace eenplan::store
