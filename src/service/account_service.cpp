#include "service/account_service.hpp"

#include <algorithm>

#include "core/ids.hpp"
#include "core/text.hpp"
#include "domain/pupil.hpp"
#include "domain/roles.hpp"
#include "service/auth_service.hpp"
#include "store/account_store.hpp"
#include "store/organisation_store.hpp"

namespace eenplan::service {
namespace {

core::Result<void> require_admin(const Principal* who) {
  if (who == nullptr || who->role == domain::Role::SwvAdmin) return {};
  return core::fail(core::ErrorCode::Forbidden, "Alleen de SWV-beheerder beheert accounts.");
}

const char* kUnknownUser = "Dit account bestaat niet.";

bool valid_username(const std::string& u) {
  if (u.size() < 3 || u.size() > 64) return false;
  return std::all_of(u.begin(), u.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

AccountView view_of(soci::session& sql, store::UserRecord user) {
  auto memberships = store::memberships_of(sql, user.id);
  return {std::move(user), std::move(memberships)};
}

std::vector<core::FieldError> check_password(const std::string& password) {
  if (password.size() < kMinPasswordLength) {
    return {{"password", "too-short", "Het wachtwoord moet minstens 12 tekens hebben."}};
  }
  if (password.size() > 1024) return {{"password", "too-long", "Het wachtwoord is te lang."}};
  return {};
}

} // namespace

core::Result<std::vector<AccountView>> AccountService::list(const Principal& who, const std::string& search,
                                                            const std::string& role) {
  if (auto ok = require_admin(&who); !ok) return core::unexpected(ok.error());
  store::Lease lease(db_);
  const auto needle = core::fold_for_search(search);
  std::vector<AccountView> out;
  for (auto& user : store::list_users(lease.sql())) {
    if (!role.empty() && user.role != role) continue;
    if (!needle.empty() &&
        core::fold_for_search(user.username + " " + user.display_name).find(needle) == std::string::npos) {
      continue;
    }
    out.push_back(view_of(lease.sql(), std::move(user)));
  }
  return out;
}

core::Result<AccountView> AccountService::create(const Principal* who, const NewAccount& in) {
  if (auto ok = require_admin(who); !ok) return core::unexpected(ok.error());
  std::vector<core::FieldError> errors;
  if (!valid_username(in.username)) {
    errors.push_back({"username", "invalid-value",
                      "Gebruik 3 tot 64 kleine letters, cijfers, punten, streepjes of liggende streepjes."});
  }
  if (auto problem = domain::check_text(in.display_name, {1, 100, false})) {
    errors.push_back(
        {"displayName", std::string(domain::to_string(*problem)), "Vul een naam in (max. 100 tekens)."});
  }
  const auto role = domain::parse_role(in.role);
  if (!role) errors.push_back({"role", "invalid-value", "Onbekende rol."});
  for (auto& e : check_password(in.password))
    errors.push_back(std::move(e));
  if (in.organisation_ids.empty()) {
    errors.push_back({"organisationIds", "required", "Kies minstens één organisatie."});
  }
  if (role && *role != domain::Role::SwvConsultant && !in.linked_school_ids.empty()) {
    errors.push_back(
        {"linkedSchoolIds", "invalid-value", "Alleen een SWV-consulent wordt aan scholen gekoppeld."});
  }
  store::Lease lease(db_);
  auto& sql = lease.sql();
  auto region = store::first_region(sql);
  if (!region) return core::fail(core::ErrorCode::NotFound, "Er is nog geen regio.");
  for (std::size_t i = 0; i < in.organisation_ids.size(); ++i) {
    if (!core::is_uuid(in.organisation_ids[i]) || !store::find_organisation(sql, in.organisation_ids[i])) {
      errors.push_back(
          {"organisationIds[" + std::to_string(i) + "]", "invalid-value", "Onbekende organisatie."});
    }
  }
  for (std::size_t i = 0; i < in.linked_school_ids.size(); ++i) {
    auto org = core::is_uuid(in.linked_school_ids[i]) ? store::find_organisation(sql, in.linked_school_ids[i])
                                                      : std::nullopt;
    if (!org || org->kind != "school") {
      errors.push_back(
          {"linkedSchoolIds[" + std::to_string(i) + "]", "invalid-value", "Dit is geen school."});
    }
  }
  if (valid_username(in.username) && store::find_user_by_username(sql, in.username)) {
    errors.push_back({"username", "duplicate", "Deze gebruikersnaam bestaat al."});
  }
  if (!errors.empty()) return core::invalid(std::move(errors));
  const auto now = core::format_instant(clock_.now());
  store::UserRecord user{core::new_uuid(),
                         region->id,
                         in.username,
                         in.display_name,
                         AuthService::hash_password(in.password),
                         in.role,
                         false,
                         now,
                         1};
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  store::insert_user(sql, user);
  for (const auto& id : in.organisation_ids)
    store::insert_membership(sql, user.id, id, "member");
  for (const auto& id : in.linked_school_ids)
    store::insert_membership(sql, user.id, id, "linked");
  tx.commit();
  return view_of(sql, std::move(user));
}

core::Result<AccountView> AccountService::update(const Principal& who, const std::string& id,
                                                 int expected_version, const AccountChange& change) {
  if (auto ok = require_admin(&who); !ok) return core::unexpected(ok.error());
  if (change.disabled.value_or(false) && id == who.user_id) {
    return core::invalid({{"disabled", "invalid-value", "U kunt uw eigen account niet uitschakelen."}});
  }
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto user = core::is_uuid(id) ? store::find_user(sql, id) : std::nullopt;
  if (!user) return core::fail(core::ErrorCode::NotFound, kUnknownUser);
  if (user->version != expected_version) {
    core::Error error{core::ErrorCode::VersionConflict,
                      "Iemand anders heeft dit account gewijzigd.",
                      {},
                      0,
                      view_of(sql, *user)};
    return core::unexpected(std::move(error));
  }
  const std::string name = change.display_name.value_or(user->display_name);
  const bool disabled = change.disabled.value_or(user->disabled);
  store::update_user(sql, id, name, disabled, expected_version);
  if (disabled && !user->disabled) store::end_user_sessions(sql, id, core::format_instant(clock_.now()));
  auto fresh = store::find_user(sql, id);
  auto view = view_of(sql, std::move(*fresh));
  tx.commit();
  return view;
}

core::Result<void> AccountService::set_password(const Principal* who, const std::string& id,
                                                const std::string& password, bool enable) {
  if (auto ok = require_admin(who); !ok) return core::unexpected(ok.error());
  if (auto errors = check_password(password); !errors.empty()) return core::invalid(std::move(errors));
  store::Lease lease(db_);
  auto& sql = lease.sql();
  auto user = core::is_uuid(id) ? store::find_user(sql, id) : std::nullopt;
  if (!user) return core::fail(core::ErrorCode::NotFound, kUnknownUser);
  const auto now = core::format_instant(clock_.now());
  const auto hash = AuthService::hash_password(password);
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  store::set_password_hash(sql, user->username, hash, now);
  if (enable) store::set_user_disabled(sql, user->username, false);
  store::end_user_sessions(sql, id, now);
  tx.commit();
  return {};
}

core::Result<void> AccountService::disable(const std::string& id) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  auto user = store::find_user(sql, id);
  if (!user) return core::fail(core::ErrorCode::NotFound, kUnknownUser);
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  store::set_user_disabled(sql, user->username, true);
  store::end_user_sessions(sql, id, core::format_instant(clock_.now()));
  tx.commit();
  return {};
}

} // namespace eenplan::service
