#include "service/admin_service.hpp"

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/roles.hpp"
#include "service/auth_service.hpp"
#include "store/account_store.hpp"
#include "store/organisation_store.hpp"

namespace eenplan::service {
namespace {

std::string now_text() {
  return core::format_instant(std::chrono::system_clock::now());
}

core::Result<std::string> resolve_organisation(soci::session& sql, const std::string& ref) {
  for (const auto& o : store::list_organisations(sql, "")) {
    if (o.id == ref || o.name == ref || (!o.brin.empty() && o.brin == ref)) return o.id;
  }
  return core::fail(core::ErrorCode::NotFound, "Organisatie niet gevonden: " + ref);
}

} // namespace

std::vector<store::OrganisationRecord> list_organisations(store::Database& db, const std::string& kind) {
  store::Lease lease(db);
  return store::list_organisations(lease.sql(), kind);
}

core::Result<std::string> add_user(store::Database& db, const NewUser& in) {
  std::vector<core::FieldError> errors;
  if (in.username.empty() || in.username.size() > 64) {
    errors.push_back({"username", "invalid-value", "Gebruikersnaam is verplicht (max. 64 tekens)."});
  }
  if (!domain::parse_role(in.role)) errors.push_back({"role", "invalid-value", "Onbekende rol."});
  if (in.password.size() < kMinPasswordLength) {
    errors.push_back({"password", "too-short", "Wachtwoord moet minstens 12 tekens hebben."});
  }
  if (!errors.empty()) return core::invalid(std::move(errors));
  store::Lease lease(db);
  auto& sql = lease.sql();
  auto region = store::first_region(sql);
  if (!region) return core::fail(core::ErrorCode::NotFound, "Er is nog geen regio; draai eerst 'demo'.");
  if (store::find_user_by_username(sql, in.username)) {
    return core::invalid({{"username", "invalid-value", "Deze gebruikersnaam bestaat al."}});
  }
  store::Transaction tx(sql, db.dialect(), store::Transaction::Mode::Write);
  store::UserRecord user{core::new_uuid(),
                         region->id,
                         in.username,
                         in.display_name.empty() ? in.username : in.display_name,
                         AuthService::hash_password(in.password),
                         in.role,
                         false,
                         now_text()};
  store::insert_user(sql, user);
  for (const auto& ref : in.organisations) {
    auto id = resolve_organisation(sql, ref);
    if (!id) return core::unexpected(id.error());
    store::insert_membership(sql, user.id, *id, "member");
  }
  for (const auto& ref : in.linked_schools) {
    auto id = resolve_organisation(sql, ref);
    if (!id) return core::unexpected(id.error());
    store::insert_membership(sql, user.id, *id, "linked");
  }
  tx.commit();
  return user.id;
}

core::Result<void> disable_user(store::Database& db, const std::string& username) {
  store::Lease lease(db);
  auto& sql = lease.sql();
  auto user = store::find_user_by_username(sql, username);
  if (!user) return core::fail(core::ErrorCode::NotFound, "Gebruiker niet gevonden: " + username);
  store::Transaction tx(sql, db.dialect(), store::Transaction::Mode::Write);
  store::set_user_disabled(sql, username, true);
  store::end_user_sessions(sql, user->id, now_text());
  tx.commit();
  return {};
}

core::Result<void> reset_password(store::Database& db, const std::string& username,
                                  const std::string& password) {
  if (password.size() < kMinPasswordLength) {
    return core::invalid({{"password", "too-short", "Wachtwoord moet minstens 12 tekens hebben."}});
  }
  store::Lease lease(db);
  auto& sql = lease.sql();
  auto user = store::find_user_by_username(sql, username);
  if (!user) return core::fail(core::ErrorCode::NotFound, "Gebruiker niet gevonden: " + username);
  store::Transaction tx(sql, db.dialect(), store::Transaction::Mode::Write);
  store::set_password_hash(sql, username, AuthService::hash_password(password), now_text());
  store::set_user_disabled(sql, username, false);
  store::end_user_sessions(sql, user->id, now_text());
  tx.commit();
  return {};
}

} // namespace eenplan::service
