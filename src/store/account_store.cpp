#include "store/account_store.hpp"

namespace eenplan::store {
namespace {

constexpr const char* kUserColumns = "SELECT id, region_id, username, display_name, password_hash, role, "
                                     "disabled, created_at, version FROM users ";

std::optional<UserRecord> find_user_where(soci::session& sql, const std::string& clause,
                                          const std::string& value) {
  UserRecord u;
  int disabled = 0;
  sql << std::string(kUserColumns) + clause, soci::use(value), soci::into(u.id), soci::into(u.region_id),
      soci::into(u.username), soci::into(u.display_name), soci::into(u.password_hash), soci::into(u.role),
      soci::into(disabled), soci::into(u.created_at), soci::into(u.version);
  if (!sql.got_data()) return std::nullopt;
  u.disabled = disabled != 0;
  return u;
}

} // namespace

std::optional<UserRecord> find_user_by_username(soci::session& sql, const std::string& username) {
  return find_user_where(sql, "WHERE username = :v", username);
}

std::optional<UserRecord> find_user(soci::session& sql, const std::string& id) {
  return find_user_where(sql, "WHERE id = :v", id);
}

std::vector<UserRecord> list_users(soci::session& sql) {
  std::vector<UserRecord> out;
  UserRecord u;
  int disabled = 0;
  soci::statement st = (sql.prepare << std::string(kUserColumns) + "ORDER BY display_name, username",
                        soci::into(u.id), soci::into(u.region_id), soci::into(u.username),
                        soci::into(u.display_name), soci::into(u.password_hash), soci::into(u.role),
                        soci::into(disabled), soci::into(u.created_at), soci::into(u.version));
  st.execute();
  while (st.fetch()) {
    u.disabled = disabled != 0;
    out.push_back(u);
  }
  return out;
}

bool update_user(soci::session& sql, const std::string& id, const std::string& display_name, bool disabled,
                 int expected_version) {
  const int value = disabled ? 1 : 0;
  soci::statement st =
      (sql.prepare << "UPDATE users SET display_name = :n, disabled = :d, version = version + 1 "
                      "WHERE id = :id AND version = :v",
       soci::use(display_name), soci::use(value), soci::use(id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<MembershipRecord> memberships_of(soci::session& sql, const std::string& user_id) {
  std::vector<MembershipRecord> out;
  MembershipRecord m;
  soci::statement st = (sql.prepare << "SELECT m.organisation_id, o.name, o.kind, m.relation "
                                       "FROM memberships m JOIN organisations o ON o.id = m.organisation_id "
                                       "WHERE m.user_id = :u ORDER BY m.relation, o.kind, o.name",
                        soci::use(user_id), soci::into(m.organisation_id), soci::into(m.organisation_name),
                        soci::into(m.organisation_kind), soci::into(m.relation));
  st.execute();
  while (st.fetch())
    out.push_back(m);
  return out;
}

void insert_user(soci::session& sql, const UserRecord& u) {
  const int disabled = u.disabled ? 1 : 0;
  sql << "INSERT INTO users (id, region_id, username, display_name, password_hash, role, disabled, "
         "created_at, password_changed_at) VALUES (:id, :region, :username, :name, :hash, :role, "
         ":disabled, :created, :changed)",
      soci::use(u.id), soci::use(u.region_id), soci::use(u.username), soci::use(u.display_name),
      soci::use(u.password_hash), soci::use(u.role), soci::use(disabled), soci::use(u.created_at),
      soci::use(u.created_at);
}

void insert_membership(soci::session& sql, const std::string& user_id, const std::string& organisation_id,
                       const std::string& relation) {
  sql << "INSERT INTO memberships (user_id, organisation_id, relation) VALUES (:u, :o, :r)",
      soci::use(user_id), soci::use(organisation_id), soci::use(relation);
}

bool set_user_disabled(soci::session& sql, const std::string& username, bool disabled) {
  const int value = disabled ? 1 : 0;
  soci::statement st = (sql.prepare << "UPDATE users SET disabled = :d, version = version + 1 "
                                       "WHERE username = :u",
                        soci::use(value), soci::use(username));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool set_password_hash(soci::session& sql, const std::string& username, const std::string& hash,
                       const std::string& changed_at) {
  soci::statement st = (sql.prepare << "UPDATE users SET password_hash = :h, password_changed_at = :at, "
                                       "version = version + 1 WHERE username = :u",
                        soci::use(hash), soci::use(changed_at), soci::use(username));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void insert_session(soci::session& sql, const SessionRecord& s) {
  sql << "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) "
         "VALUES (:t, :u, :c, :l)",
      soci::use(s.token_hash), soci::use(s.user_id), soci::use(s.created_at), soci::use(s.last_seen_at);
}

std::optional<SessionRecord> find_session(soci::session& sql, const std::string& token_hash) {
  SessionRecord s;
  std::string ended;
  soci::indicator ended_ind = soci::i_null;
  sql << "SELECT token_hash, user_id, created_at, last_seen_at, ended_at FROM sessions "
         "WHERE token_hash = :t",
      soci::use(token_hash), soci::into(s.token_hash), soci::into(s.user_id), soci::into(s.created_at),
      soci::into(s.last_seen_at), soci::into(ended, ended_ind);
  if (!sql.got_data()) return std::nullopt;
  s.ended = ended_ind == soci::i_ok;
  return s;
}

void touch_session(soci::session& sql, const std::string& token_hash, const std::string& at) {
  sql << "UPDATE sessions SET last_seen_at = :at WHERE token_hash = :t AND last_seen_at < :at2",
      soci::use(at), soci::use(token_hash), soci::use(at);
}

void end_session(soci::session& sql, const std::string& token_hash, const std::string& at) {
  sql << "UPDATE sessions SET ended_at = :at WHERE token_hash = :t AND ended_at IS NULL", soci::use(at),
      soci::use(token_hash);
}

void end_user_sessions(soci::session& sql, const std::string& user_id, const std::string& at) {
  sql << "UPDATE sessions SET ended_at = :at WHERE user_id = :u AND ended_at IS NULL", soci::use(at),
      soci::use(user_id);
}

} // namespace eenplan::store
