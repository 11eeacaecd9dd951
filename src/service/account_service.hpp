// Account administration: the SWV admin's use cases (API) and the CLI share these.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "service/context.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace eenplan::service {

/// Minimum password length (OWASP ASVS 2.1.1: at least 12 characters).
inline constexpr std::size_t kMinPasswordLength = 12;

struct AccountView {
  store::UserRecord user;
  std::vector<store::MembershipRecord> memberships;
};

struct NewAccount {
  std::string username;
  std::string display_name;
  std::string role;
  std::string password;
  std::vector<std::string> organisation_ids;
  std::vector<std::string> linked_school_ids;
};

struct AccountChange {
  std::optional<std::string> display_name;
  std::optional<bool> disabled;
};

/// `who` is the acting user; null means the command line (the operator of the server).
/// Through the API only the SWV admin may do any of this.
class AccountService {
public:
  AccountService(store::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  core::Result<std::vector<AccountView>> list(const Principal& who, const std::string& search,
                                              const std::string& role);
  core::Result<AccountView> create(const Principal* who, const NewAccount& account);
  /// VersionConflict carries the current AccountView in Error::current.
  core::Result<AccountView> update(const Principal& who, const std::string& id, int expected_version,
                                   const AccountChange& change);
  /// Sets the password (and enables the account when `enable`), ending every session.
  core::Result<void> set_password(const Principal* who, const std::string& id, const std::string& password,
                                  bool enable = false);
  /// Disables the account and ends every session (command line).
  core::Result<void> disable(const std::string& id);

private:
  store::Database& db_;
  const core::Clock& clock_;
};

} // namespace eenplan::service
