#include "service/admin_service.hpp"

#include "store/account_store.hpp"
#include "store/organisation_store.hpp"

namespace eenplan::service {
namespace {

core::Result<std::vector<std::string>> resolve_organisations(store::Database& db,
                                                             const std::vector<std::string>& refs) {
  store::Lease lease(db);
  const auto all = store::list_organisations(lease.sql(), "");
  std::vector<std::string> ids;
  for (const auto& ref : refs) {
    auto it = std::find_if(all.begin(), all.end(), [&](const store::OrganisationRecord& o) {
      return o.id == ref || o.name == ref || (!o.brin.empty() && o.brin == ref);
    });
    if (it == all.end()) return core::fail(core::ErrorCode::NotFound, "Organisatie niet gevonden: " + ref);
    ids.push_back(it->id);
  }
  return ids;
}

core::Result<std::string> user_id_of(store::Database& db, const std::string& username) {
  store::Lease lease(db);
  auto user = store::find_user_by_username(lease.sql(), username);
  if (!user) return core::fail(core::ErrorCode::NotFound, "Gebruiker niet gevonden: " + username);
  return user->id;
}

} // namespace

std::vector<store::OrganisationRecord> list_organisations(store::Database& db, const std::string& kind) {
  store::Lease lease(db);
  return store::list_organisations(lease.sql(), kind);
}

core::Result<std::string> add_user(store::Database& db, const NewUser& in) {
  auto organisations = resolve_organisations(db, in.organisations);
  if (!organisations) return core::unexpected(organisations.error());
  auto schools = resolve_organisations(db, in.linked_schools);
  if (!schools) return core::unexpected(schools.error());
  core::SystemClock clock;
  AccountService accounts(db, clock);
  auto created =
      accounts.create(nullptr, {in.username, in.display_name.empty() ? in.username : in.display_name, in.role,
                                in.password, *organisations, *schools});
  if (!created) return core::unexpected(created.error());
  return created->user.id;
}

core::Result<void> disable_user(store::Database& db, const std::string& username) {
  auto id = user_id_of(db, username);
  if (!id) return core::unexpected(id.error());
  core::SystemClock clock;
  return AccountService(db, clock).disable(*id);
}

core::Result<void> reset_password(store::Database& db, const std::string& username,
                                  const std::string& password) {
  auto id = user_id_of(db, username);
  if (!id) return core::unexpected(id.error());
  core::SystemClock clock;
  return AccountService(db, clock).set_password(nullptr, *id, password, true);
}

} // namespace eenplan::service
