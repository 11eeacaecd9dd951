#include "store/organisation_store.hpp"
#include "store/multi_row_insert.hpp"

namespace eenplan::store {
namespace {

constexpr const char* kOrgSelect =
    "SELECT o.id, o.region_id, o.kind, o.name, COALESCE(o.brin, ''), COALESCE(o.school_type, ''), "
    "o.levels, COALESCE(o.board_id, ''), COALESCE(o.municipality_id, ''), COALESCE(m.name, '') "
    "FROM organisations o LEFT JOIN organisations m ON m.id = o.municipality_id ";

void bind_org(soci::statement& st, OrganisationRecord& o) {
  st.exchange(soci::into(o.id));
  st.exchange(soci::into(o.region_id));
  st.exchange(soci::into(o.kind));
  st.exchange(soci::into(o.name));
  st.exchange(soci::into(o.brin));
  st.exchange(soci::into(o.school_type));
  st.exchange(soci::into(o.levels));
  st.exchange(soci::into(o.board_id));
  st.exchange(soci::into(o.municipality_id));
  st.exchange(soci::into(o.municipality_name));
}

} // namespace

void insert_region(soci::session& sql, const RegionRecord& r) {
  sql << "INSERT INTO regions (id, name, code) VALUES (:id, :name, :code)", soci::use(r.id),
      soci::use(r.name), soci::use(r.code);
}

std::optional<RegionRecord> first_region(soci::session& sql) {
  RegionRecord r;
  sql << "SELECT id, name, code FROM regions ORDER BY name LIMIT 1", soci::into(r.id), soci::into(r.name),
      soci::into(r.code);
  if (!sql.got_data()) return std::nullopt;
  return r;
}

void insert_organisation(soci::session& sql, const OrganisationRecord& o, const std::string& created_at) {
  soci::indicator brin_ind = null_if_empty(o.brin);
  soci::indicator type_ind = null_if_empty(o.school_type);
  soci::indicator board_ind = null_if_empty(o.board_id);
  soci::indicator muni_ind = null_if_empty(o.municipality_id);
  sql << "INSERT INTO organisations (id, region_id, kind, name, brin, school_type, levels, board_id, "
         "municipality_id, created_at) VALUES (:id, :region, :kind, :name, :brin, :type, :levels, "
         ":board, :muni, :created)",
      soci::use(o.id), soci::use(o.region_id), soci::use(o.kind), soci::use(o.name),
      soci::use(o.brin, brin_ind), soci::use(o.school_type, type_ind), soci::use(o.levels),
      soci::use(o.board_id, board_ind), soci::use(o.municipality_id, muni_ind), soci::use(created_at);
}

void insert_location(soci::session& sql, const LocationRecord& l) {
  sql << "INSERT INTO locations (id, organisation_id, name, street, house_number, postcode, city) "
         "VALUES (:id, :org, :name, :street, :nr, :pc, :city)",
      soci::use(l.id), soci::use(l.organisation_id), soci::use(l.name), soci::use(l.street),
      soci::use(l.house_number), soci::use(l.postcode), soci::use(l.city);
}

std::vector<OrganisationRecord> list_organisations(soci::session& sql, const std::string& kind) {
  std::vector<OrganisationRecord> out;
  OrganisationRecord o;
  std::string k = kind;
  soci::statement st(sql);
  bind_org(st, o);
  st.exchange(soci::use(k, "k1"));
  st.exchange(soci::use(k, "k2"));
  st.alloc();
  st.prepare(std::string(kOrgSelect) + "WHERE (:k1 = '' OR o.kind = :k2) ORDER BY o.name, o.id");
  st.define_and_bind();
  st.execute(false);
  while (st.fetch())
    out.push_back(o);
  return out;
}

std::optional<OrganisationRecord> find_organisation(soci::session& sql, const std::string& id) {
  OrganisationRecord o;
  std::string key = id;
  soci::statement st(sql);
  bind_org(st, o);
  st.exchange(soci::use(key, "id"));
  st.alloc();
  st.prepare(std::string(kOrgSelect) + "WHERE o.id = :id");
  st.define_and_bind();
  st.execute(false);
  if (!st.fetch()) return std::nullopt;
  return o;
}

long long count_pupils(soci::session& sql) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM pupils", soci::into(n);
  return n;
}

} // namespace eenplan::store
