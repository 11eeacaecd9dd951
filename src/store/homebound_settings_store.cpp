#include "store/homebound_settings_store.hpp"

namespace eenplan::store {
namespace {

constexpr const char* kSelect =
    "SELECT s.target_weeks, s.at_risk_weeks, s.relative_threshold_weeks, s.threatening_weeks, "
    "s.min_unauthorised_hours, s.data_lag_school_days, s.version, s.reason, s.changed_by, u.display_name, "
    "s.changed_at FROM homebound_settings s JOIN users u ON u.id = s.changed_by WHERE s.region_id = :r "
    "ORDER BY s.version DESC";

int newest_version(soci::session& sql, const std::string& region_id) {
  int version = 1;
  soci::indicator ind = soci::i_null;
  sql << "SELECT MAX(version) FROM homebound_settings WHERE region_id = :r", soci::into(version, ind),
      soci::use(region_id);
  return ind == soci::i_ok ? version : 1;
}

} // namespace

std::string installation_region(soci::session& sql) {
  std::string id;
  soci::indicator ind = soci::i_null;
  sql << "SELECT id FROM regions ORDER BY id LIMIT 1", soci::into(id, ind);
  return sql.got_data() && ind == soci::i_ok ? id : std::string();
}

std::vector<HomeboundSettingsRecord> list_homebound_settings(soci::session& sql,
                                                             const std::string& region_id) {
  std::vector<HomeboundSettingsRecord> out;
  HomeboundSettingsRecord r;
  auto& c = r.config;
  soci::statement st = (sql.prepare << kSelect, soci::into(c.target_weeks), soci::into(c.at_risk_weeks),
                        soci::into(c.relative_threshold_weeks), soci::into(c.threatening_weeks),
                        soci::into(c.min_unauthorised_hours), soci::into(c.data_lag_school_days),
                        soci::into(r.version), soci::into(r.reason), soci::into(r.changed_by),
                        soci::into(r.changed_by_name), soci::into(r.changed_at), soci::use(region_id));
  st.execute();
  while (st.fetch())
    out.push_back(r);
  return out;
}

HomeboundSettingsRecord load_homebound_settings(soci::session& sql, const std::string& region_id) {
  // The list is a handful of rows a year; the newest is the first.
  auto all = list_homebound_settings(sql, region_id);
  return all.empty() ? HomeboundSettingsRecord{} : all.front();
}

bool insert_homebound_settings(soci::session& sql, const std::string& region_id, int expected_version,
                               const HomeboundSettingsRecord& r) {
  if (newest_version(sql, region_id) != expected_version) return false;
  const int next = expected_version + 1;
  const auto& c = r.config;
  // The primary key (region, version) refuses a concurrent writer that read the same version.
  sql << "INSERT INTO homebound_settings (region_id, version, target_weeks, at_risk_weeks, "
         "relative_threshold_weeks, threatening_weeks, min_unauthorised_hours, data_lag_school_days, reason, "
         "changed_by, changed_at) VALUES (:r, :v, :t, :a, :rel, :th, :m, :l, :reason, :by, :at)",
      soci::use(region_id), soci::use(next), soci::use(c.target_weeks), soci::use(c.at_risk_weeks),
      soci::use(c.relative_threshold_weeks), soci::use(c.threatening_weeks),
      soci::use(c.min_unauthorised_hours), soci::use(c.data_lag_school_days), soci::use(r.reason),
      soci::use(r.changed_by), soci::use(r.changed_at);
  return true;
}

} // namespace eenplan::store
