#include "service/cli_principal.hpp"

#include "domain/roles.hpp"
#include "store/account_store.hpp"

namespace eenplan::service {

core::Result<Principal> principal_for_username(store::Database& db, const std::string& username) {
  store::Lease lease(db);
  auto user = store::find_user_by_username(lease.sql(), username);
  const auto role = user ? domain::parse_role(user->role) : std::nullopt;
  if (!user || user->disabled || !role) {
    return core::fail(core::ErrorCode::NotFound, "Onbekend of uitgeschakeld account: " + username);
  }
  return Principal{user->id, user->username, user->display_name, *role,
                   store::memberships_of(lease.sql(), user->id)};
}

} // namespace eenplan::service
