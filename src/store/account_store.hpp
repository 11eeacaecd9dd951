// Users, their organisation memberships, and server-side sessions.
#pragma once

#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "store/records.hpp"

namespace eenplan::store {

std::optional<UserRecord> find_user_by_username(soci::session& sql, const std::string& username);
std::optional<UserRecord> find_user(soci::session& sql, const std::string& id);
/// Every account, sorted by display name (a region has hundreds, not millions).
std::vector<UserRecord> list_users(soci::session& sql);
/// Changes name and disabled flag when the version is still `expected_version`.
bool update_user(soci::session& sql, const std::string& id, const std::string& display_name, bool disabled,
                 int expected_version);
std::vector<MembershipRecord> memberships_of(soci::session& sql, const std::string& user_id);

void insert_user(soci::session& sql, const UserRecord& user);
void insert_membership(soci::session& sql, const std::string& user_id, const std::string& organisation_id,
                       const std::string& relation);
bool set_user_disabled(soci::session& sql, const std::string& username, bool disabled);
bool set_password_hash(soci::session& sql, const std::string& username, const std::string& hash,
                       const std::string& changed_at);

struct SessionRecord {
  std::string token_hash;
  std::string user_id;
  std::string created_at;
  std::string last_seen_at;
  bool ended = false;
};

void insert_session(soci::session& sql, const SessionRecord& session);
std::optional<SessionRecord> find_session(soci::session& sql, const std::string& token_hash);
void touch_session(soci::session& sql, const std::string& token_hash, const std::string& at);
void end_session(soci::session& sql, const std::string& token_hash, const std::string& at);
/// Ends every open session of a user (account disabled or password reset).
void end_user_sessions(soci::session& sql, const std::string& user_id, const std::string& at);

} // namespace eenplan::store
