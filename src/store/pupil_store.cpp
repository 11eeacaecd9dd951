#include "store/pupil_store.hpp"
#include "store/multi_row_insert.hpp"

#include <array>

#include "core/ids.hpp"
#include "core/text.hpp"
#include "store/sqlite_statement.hpp"
#include "store/statement_cache.hpp"

namespace eenplan::store {
namespace {

// Every pupil read selects the same columns, joined with the organisations' names.
constexpr const char* kPupilColumns =
    "p.id, p.region_id, p.given_name, p.family_name, p.date_of_birth, p.postcode, "
    "p.school_pupil_number, p.status, p.enrolment_school_id, es.name, es.kind, "
    "COALESCE(p.home_school_id, ''), COALESCE(hs.name, ''), COALESCE(hs.kind, ''), "
    "COALESCE(p.municipality_id, ''), COALESCE(mu.name, ''), COALESCE(mu.kind, ''), "
    "p.load_capacity, p.care_history, p.version, p.created_at, p.updated_at, "
    "COALESCE(p.year_group, 0), p.level ";

constexpr const char* kPupilJoins = "FROM pupils p JOIN organisations es ON es.id = p.enrolment_school_id "
                                    "LEFT JOIN organisations hs ON hs.id = p.home_school_id "
                                    "LEFT JOIN organisations mu ON mu.id = p.municipality_id ";

/// Every column of kPupilColumns, in order, as the field of the record it fills: the one list
/// that both the SOCI binding and the native SQLite read follow.
template <typename Visit> void each_pupil_field(PupilRecord& r, Visit&& visit) {
  visit(r.id);
  visit(r.region_id);
  visit(r.given_name);
  visit(r.family_name);
  visit(r.date_of_birth);
  visit(r.postcode);
  visit(r.school_pupil_number);
  visit(r.status);
  visit(r.enrolment_school.id);
  visit(r.enrolment_school.name);
  visit(r.enrolment_school.kind);
  visit(r.home_school.id);
  visit(r.home_school.name);
  visit(r.home_school.kind);
  visit(r.municipality.id);
  visit(r.municipality.name);
  visit(r.municipality.kind);
  visit(r.load_capacity);
  visit(r.care_history);
  visit(r.version);
  visit(r.created_at);
  visit(r.updated_at);
  visit(r.year_group);
  visit(r.level);
}

/// Binds every column of kPupilColumns into one record, in order.
struct PupilRow {
  PupilRecord r;
  void bind(soci::statement& st) {
    each_pupil_field(r, [&](auto& field) { st.exchange(soci::into(field)); });
  }
};

/// Reads the current row of a native statement into fields, one column after the other.
class NativeColumns {
public:
  explicit NativeColumns(const SqliteStatement& st) : st_(st) {}
  void operator()(std::string& field) { field.assign(st_.text(next_++)); }
  void operator()(int& field) { field = static_cast<int>(st_.integer(next_++)); }

private:
  const SqliteStatement& st_;
  int next_ = 0;
};

/// The WHERE clause of a list query, with its bound values kept alive in `values`.
struct ListWhere {
  std::string sql;
  std::vector<std::pair<std::string, std::string>> values;

  std::string bind(std::string value) {
    std::string name = "v" + std::to_string(values.size());
    values.emplace_back(name, std::move(value));
    return ":" + name;
  }
  std::string in_list(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
      if (!out.empty()) out += ", ";
      out += bind(id);
    }
    return out;
  }
  void use_all(soci::statement& st) {
    for (auto& [name, value] : values)
      st.exchange(soci::use(value, name));
  }
};

ListWhere build_where(const PupilListQuery& q) {
  ListWhere w;
  std::string access;
  auto any = [&](const std::string& clause) { access += access.empty() ? clause : " OR " + clause; };
  if (!q.case_team_user_id.empty()) {
    any("p.id IN (SELECT pupil_id FROM case_team_members WHERE user_id = " + w.bind(q.case_team_user_id) +
        ")");
  }
  if (!q.school_ids.empty()) {
    any("p.enrolment_school_id IN (" + w.in_list(q.school_ids) + ")");
    any("p.home_school_id IN (" + w.in_list(q.school_ids) + ")");
  }
  if (!q.municipality_ids.empty()) {
    any("p.municipality_id IN (" + w.in_list(q.municipality_ids) + ")");
  }
  // No relation at all: an empty list, never everything.
  w.sql = "WHERE (" + (access.empty() ? std::string("1 = 0") : access) + ")";
  if (!q.search.empty()) {
    w.sql += " AND p.search_text LIKE " + w.bind("%" + core::escape_like(q.search) + "%") + " ESCAPE '\\'";
  }
  if (!q.school_id.empty()) {
    const auto a = w.bind(q.school_id);
    const auto b = w.bind(q.school_id);
    w.sql += " AND (p.enrolment_school_id = " + a + " OR p.home_school_id = " + b + ")";
  }
  if (!q.status.empty()) w.sql += " AND p.status = " + w.bind(q.status);
  return w;
}

std::string search_text_of(const PupilRecord& p) {
  return core::fold_for_search(p.given_name + " " + p.family_name + " " + p.school_pupil_number);
}

} // namespace

namespace {

// The organisation shown next to a person: their first 'member' organisation by name,
// municipalities last (a leerplicht officer reads as the RBL office, not the town).
constexpr const char* kPrimaryOrganisation =
    "(SELECT m.organisation_id FROM memberships m JOIN organisations o2 ON o2.id = m.organisation_id "
    "WHERE m.user_id = %USER% AND m.relation = 'member' ORDER BY o2.kind = 'municipality', o2.name LIMIT 1)";

/// Prepares `text` on `st` after its bindings were exchanged.
void prepare(soci::statement& st, const std::string& text) {
  st.alloc();
  st.prepare(text);
  st.define_and_bind();
}

struct FindPupilQuery : StatementCache::Entry {
  std::string key;
  PupilRow row;
  soci::statement st;
  explicit FindPupilQuery(soci::session& sql) : st(sql) {
    row.bind(st);
    st.exchange(soci::use(key, "id"));
    prepare(st, std::string("SELECT ") + kPupilColumns + kPupilJoins + "WHERE p.id = :id");
  }
};

/// The pupil and, in the same statement, the asking user's place on its case team:
/// 0 not on it, 1 member, 2 case lead. Parameters in order: the user, the pupil.
std::string find_pupil_for_user_sql() {
  return std::string("SELECT ") + kPupilColumns +
         ", COALESCE((SELECT 1 + c.is_case_lead FROM case_team_members c "
         "WHERE c.pupil_id = p.id AND c.user_id = :u), 0) " +
         kPupilJoins + "WHERE p.id = :id";
}

struct FindPupilForUserQuery : StatementCache::Entry {
  std::string key, user;
  PupilRow row;
  int relation = 0;
  soci::statement st;
  explicit FindPupilForUserQuery(soci::session& sql) : st(sql) {
    row.bind(st);
    st.exchange(soci::into(relation));
    st.exchange(soci::use(user, "u"));
    st.exchange(soci::use(key, "id"));
    prepare(st, find_pupil_for_user_sql());
  }
};

/// The same statement on SQLite's own handle: every dossier read starts with it.
struct NativeFindPupilForUser : StatementCache::Entry {
  SqliteStatement st;
  explicit NativeFindPupilForUser(soci::session& sql) : st(sql, find_pupil_for_user_sql()) {}
};

struct CaseTeamRelationQuery : StatementCache::Entry {
  std::string pupil, user;
  int lead = 0;
  soci::statement st;
  explicit CaseTeamRelationQuery(soci::session& sql) : st(sql) {
    st.exchange(soci::into(lead));
    st.exchange(soci::use(pupil, "p"));
    st.exchange(soci::use(user, "u"));
    prepare(st, "SELECT is_case_lead FROM case_team_members WHERE pupil_id = :p AND user_id = :u");
  }
};

std::string primary_organisation_of(const std::string& user_column) {
  std::string text = kPrimaryOrganisation;
  text.replace(text.find("%USER%"), 6, user_column);
  return text;
}

/// Guardians, case team, support needs and factors of one pupil, as rows of one shape: `part`
/// says which list a row belongs to, `k1`/`k2` keep each list's own order, c1…c7 are that
/// list's columns. PostgreSQL reads the four parts in one statement (one round trip); SQLite
/// runs them one by one, where each part can take its order from its index instead of sorting.
enum DetailPart { Guardian = 1, CaseTeam = 2, SupportNeed = 3, Factor = 4 };

struct DetailQueryPart {
  std::string select; // the pupil bound as its one parameter
  const char* order;  // within the part
};

std::array<DetailQueryPart, 4> detail_query_parts() {
  // Case team: the lead first (k1 = 0), then by name.
  return {{{"SELECT 1, position, '', id, name, relationship, phone, email, '', '' "
            "FROM guardians WHERE pupil_id = :p1",
            "2"},
           {"SELECT 2, 1 - c.is_case_lead, u.display_name, c.user_id, u.display_name, u.role, "
            "COALESCE(o.id, ''), COALESCE(o.name, ''), COALESCE(o.kind, ''), c.case_role "
            "FROM case_team_members c JOIN users u ON u.id = c.user_id "
            "LEFT JOIN organisations o ON o.id = " +
                primary_organisation_of("c.user_id") + " WHERE c.pupil_id = :p2",
            "2, 3"},
           {"SELECT 3, position, '', id, category, description, '', '', '', '' "
            "FROM support_needs WHERE pupil_id = :p3",
            "2"},
           {"SELECT 4, position, '', id, kind, area, description, '', '', '' "
            "FROM factors WHERE pupil_id = :p4",
            "2"}}};
}

/// Adds one detail row to its list; `column(i)` gives c(i+1) of the row.
template <typename Column> void add_detail(PupilRecord& pupil, int part, int k1, Column&& column) {
  // Braced initialisers evaluate left to right, so the columns are taken in order.
  switch (part) {
  case Guardian: pupil.guardians.push_back({column(0), column(1), column(2), column(3), column(4)}); break;
  case CaseTeam:
    pupil.case_team.push_back(
        {column(0), column(1), column(2), column(3), column(4), column(5), column(6), k1 == 0});
    break;
  case SupportNeed: pupil.support_needs.push_back({column(0), column(1), column(2)}); break;
  case Factor: pupil.factors.push_back({column(0), column(1), column(2), column(3)}); break;
  default: break;
  }
}

struct PupilDetailsQuery : StatementCache::Entry {
  std::string pupil;
  int part = 0, k1 = 0;
  std::string k2;
  std::array<std::string, 7> c;
  soci::statement st;
  explicit PupilDetailsQuery(soci::session& sql) : st(sql) {
    st.exchange(soci::into(part));
    st.exchange(soci::into(k1));
    st.exchange(soci::into(k2));
    for (auto& column : c)
      st.exchange(soci::into(column));
    for (const char* name : {"p1", "p2", "p3", "p4"})
      st.exchange(soci::use(pupil, name));
    std::string text;
    for (const auto& part : detail_query_parts())
      text += (text.empty() ? "" : " UNION ALL ") + part.select;
    prepare(st, text + " ORDER BY 1, 2, 3");
  }
};

struct NativePupilDetails : StatementCache::Entry {
  std::vector<SqliteStatement> parts;
  explicit NativePupilDetails(soci::session& sql) {
    parts.reserve(4);
    for (const auto& part : detail_query_parts())
      parts.emplace_back(sql, part.select + " ORDER BY " + part.order);
  }
};

} // namespace

std::string primary_organisation_sql(const std::string& user_column) {
  return primary_organisation_of(user_column);
}

std::optional<PupilRecord> find_pupil(soci::session& sql, const std::string& id) {
  auto& q = statement_cache(sql).get<FindPupilQuery>(sql);
  q.key = id;
  q.st.execute(false);
  std::optional<PupilRecord> found;
  while (q.st.fetch())
    found = q.row.r;
  return found;
}

void load_pupil_details(soci::session& sql, PupilRecord& pupil) {
  pupil.guardians.clear();
  pupil.case_team.clear();
  pupil.support_needs.clear();
  pupil.factors.clear();
  if (is_sqlite(sql)) {
    for (auto& part : statement_cache(sql).get<NativePupilDetails>(sql).parts) {
      part.bind(1, pupil.id);
      while (part.next_row()) // to the end, which resets the statement
        add_detail(pupil, static_cast<int>(part.integer(0)), static_cast<int>(part.integer(1)),
                   [&](int i) { return std::string(part.text(3 + i)); });
    }
    return;
  }
  auto& q = statement_cache(sql).get<PupilDetailsQuery>(sql);
  q.pupil = pupil.id;
  q.st.execute(false);
  // Moving out of the bound columns is safe: the next fetch assigns them again.
  while (q.st.fetch()) // to the end (statement_cache.hpp)
    add_detail(pupil, q.part, q.k1, [&](int i) { return std::move(q.c[i]); });
}

std::optional<PupilWithRelation> find_pupil_for(soci::session& sql, const std::string& id,
                                                const std::string& user_id) {
  std::optional<PupilWithRelation> found;
  if (is_sqlite(sql)) {
    auto& q = statement_cache(sql).get<NativeFindPupilForUser>(sql).st;
    q.bind(1, user_id);
    q.bind(2, id);
    while (q.next_row()) { // one row at most (by primary key), read to the end
      found.emplace();
      NativeColumns read(q);
      each_pupil_field(found->pupil, read);
      int relation = 0;
      read(relation);
      found->relation = {relation > 0, relation == 2};
    }
    return found;
  }
  auto& q = statement_cache(sql).get<FindPupilForUserQuery>(sql);
  q.key = id;
  q.user = user_id;
  q.st.execute(false);
  while (q.st.fetch())
    // Moved out: the next fetch assigns every bound column again.
    found = PupilWithRelation{std::move(q.row.r), {q.relation > 0, q.relation == 2}};
  return found;
}

PupilPage list_pupils(soci::session& sql, const PupilListQuery& query) {
  PupilPage page;
  auto where = build_where(query);
  {
    soci::statement st(sql);
    st.exchange(soci::into(page.total));
    where.use_all(st);
    st.alloc();
    st.prepare("SELECT COUNT(*) FROM pupils p " + where.sql);
    st.define_and_bind();
    st.execute(true);
  }
  if (page.total == 0) return page;
  PupilRow row;
  int limit = query.limit;
  int offset = query.offset;
  soci::statement st(sql);
  row.bind(st);
  where.use_all(st);
  st.exchange(soci::use(limit, "lim"));
  st.exchange(soci::use(offset, "off"));
  st.alloc();
  st.prepare(std::string("SELECT ") + kPupilColumns + kPupilJoins + where.sql +
             " ORDER BY p.family_name, p.given_name, p.id LIMIT :lim OFFSET :off");
  st.define_and_bind();
  st.execute(false);
  while (st.fetch())
    page.items.push_back(row.r);
  return page;
}

CaseTeamRelation case_team_relation(soci::session& sql, const std::string& pupil_id,
                                    const std::string& user_id) {
  auto& q = statement_cache(sql).get<CaseTeamRelationQuery>(sql);
  q.pupil = pupil_id;
  q.user = user_id;
  q.st.execute(false);
  CaseTeamRelation relation;
  while (q.st.fetch())
    relation = {true, q.lead != 0};
  return relation;
}

void insert_pupil(soci::session& sql, const PupilRecord& p) {
  const std::string search = search_text_of(p);
  const std::string home = p.home_school.id;
  const std::string muni = p.municipality.id;
  soci::indicator home_ind = null_if_empty(home);
  soci::indicator muni_ind = null_if_empty(muni);
  soci::indicator year_ind = p.year_group > 0 ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO pupils (id, region_id, given_name, family_name, search_text, date_of_birth, "
         "postcode, school_pupil_number, status, enrolment_school_id, home_school_id, municipality_id, "
         "load_capacity, care_history, version, created_at, updated_at, year_group, level) VALUES (:id, "
         ":region, :given, :family, :search, :dob, :postcode, :number, :status, :school, :home, :muni, "
         ":load, :care, :version, :created, :updated, :year_group, :level)",
      soci::use(p.id), soci::use(p.region_id), soci::use(p.given_name), soci::use(p.family_name),
      soci::use(search), soci::use(p.date_of_birth), soci::use(p.postcode), soci::use(p.school_pupil_number),
      soci::use(p.status), soci::use(p.enrolment_school.id), soci::use(home, home_ind),
      soci::use(muni, muni_ind), soci::use(p.load_capacity), soci::use(p.care_history), soci::use(p.version),
      soci::use(p.created_at), soci::use(p.updated_at), soci::use(p.year_group, year_ind), soci::use(p.level);
}

bool update_pupil(soci::session& sql, const PupilRecord& p, int expected_version) {
  const std::string search = search_text_of(p);
  const int next_version = expected_version + 1;
  const std::string home = p.home_school.id;
  soci::indicator home_ind = null_if_empty(home);
  soci::statement st =
      (sql.prepare << "UPDATE pupils SET given_name = :given, family_name = :family, search_text = :search, "
                      "date_of_birth = :dob, postcode = :postcode, school_pupil_number = :number, "
                      "status = :status, home_school_id = :home, load_capacity = :load, "
                      "care_history = :care, version = :next, updated_at = :updated "
                      "WHERE id = :id AND version = :expected",
       soci::use(p.given_name), soci::use(p.family_name), soci::use(search), soci::use(p.date_of_birth),
       soci::use(p.postcode), soci::use(p.school_pupil_number), soci::use(p.status),
       soci::use(home, home_ind), soci::use(p.load_capacity), soci::use(p.care_history),
       soci::use(next_version), soci::use(p.updated_at), soci::use(p.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void replace_guardians(soci::session& sql, const std::string& pupil_id,
                       const std::vector<GuardianRecord>& guardians) {
  sql << "DELETE FROM guardians WHERE pupil_id = :p", soci::use(pupil_id);
  int position = 0;
  for (const auto& g : guardians) {
    const std::string id = g.id.empty() ? core::new_uuid() : g.id;
    sql << "INSERT INTO guardians (id, pupil_id, position, name, relationship, phone, email) "
           "VALUES (:id, :p, :pos, :name, :rel, :phone, :email)",
        soci::use(id), soci::use(pupil_id), soci::use(position), soci::use(g.name), soci::use(g.relationship),
        soci::use(g.phone), soci::use(g.email);
    ++position;
  }
}

void replace_support_needs(soci::session& sql, const std::string& pupil_id,
                           const std::vector<SupportNeedRecord>& needs) {
  sql << "DELETE FROM support_needs WHERE pupil_id = :p", soci::use(pupil_id);
  int position = 0;
  for (const auto& n : needs) {
    const std::string id = n.id.empty() ? core::new_uuid() : n.id;
    sql << "INSERT INTO support_needs (id, pupil_id, position, category, description) "
           "VALUES (:id, :p, :pos, :cat, :descr)",
        soci::use(id), soci::use(pupil_id), soci::use(position), soci::use(n.category),
        soci::use(n.description);
    ++position;
  }
}

void replace_factors(soci::session& sql, const std::string& pupil_id,
                     const std::vector<FactorRecord>& factors) {
  sql << "DELETE FROM factors WHERE pupil_id = :p", soci::use(pupil_id);
  int position = 0;
  for (const auto& f : factors) {
    const std::string id = f.id.empty() ? core::new_uuid() : f.id;
    sql << "INSERT INTO factors (id, pupil_id, position, kind, area, description) "
           "VALUES (:id, :p, :pos, :kind, :area, :descr)",
        soci::use(id), soci::use(pupil_id), soci::use(position), soci::use(f.kind), soci::use(f.area),
        soci::use(f.description);
    ++position;
  }
}

void insert_case_team_member(soci::session& sql, const std::string& pupil_id, const CaseTeamRecord& m,
                             const std::string& added_at) {
  const int lead = m.is_case_lead ? 1 : 0;
  sql << "INSERT INTO case_team_members (pupil_id, user_id, case_role, is_case_lead, added_at) "
         "VALUES (:p, :u, :role, :lead, :at)",
      soci::use(pupil_id), soci::use(m.user_id), soci::use(m.case_role), soci::use(lead), soci::use(added_at);
}

void insert_note(soci::session& sql, const NoteRecord& n) {
  sql << "INSERT INTO notes (id, pupil_id, author_id, kind, body, created_at) "
         "VALUES (:id, :p, :a, :kind, :body, :at)",
      soci::use(n.id), soci::use(n.pupil_id), soci::use(n.author_id), soci::use(n.kind), soci::use(n.body),
      soci::use(n.created_at);
}

std::vector<NoteRecord> list_notes(soci::session& sql, const std::string& pupil_id) {
  std::vector<NoteRecord> out;
  NoteRecord n;
  soci::statement st =
      (sql.prepare << "SELECT n.id, n.pupil_id, n.author_id, u.display_name, n.kind, n.body, n.created_at "
                      "FROM notes n JOIN users u ON u.id = n.author_id WHERE n.pupil_id = :p "
                      "ORDER BY n.created_at DESC, n.id DESC",
       soci::use(pupil_id), soci::into(n.id), soci::into(n.pupil_id), soci::into(n.author_id),
       soci::into(n.author_name), soci::into(n.kind), soci::into(n.body), soci::into(n.created_at));
  st.execute();
  while (st.fetch())
    out.push_back(n);
  return out;
}

std::optional<NoteRecord> find_note(soci::session& sql, const std::string& id) {
  NoteRecord n;
  sql << "SELECT n.id, n.pupil_id, n.author_id, u.display_name, n.kind, n.body, n.created_at "
         "FROM notes n JOIN users u ON u.id = n.author_id WHERE n.id = :id",
      soci::use(id), soci::into(n.id), soci::into(n.pupil_id), soci::into(n.author_id),
      soci::into(n.author_name), soci::into(n.kind), soci::into(n.body), soci::into(n.created_at);
  if (!sql.got_data()) return std::nullopt;
  return n;
}

} // namespace eenplan::store
