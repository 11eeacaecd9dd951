// Organisations (no personal data), and the command line's account commands, which
// name organisations and users by name and call the AccountService.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "service/account_service.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace eenplan::service {

std::vector<store::OrganisationRecord> list_organisations(store::Database& db, const std::string& kind);

struct NewUser {
  std::string username;
  std::string display_name;
  std::string role;
  std::string password;
  std::vector<std::string> organisations;  // ids, names or BRIN codes: member of
  std::vector<std::string> linked_schools; // ids, names or BRIN codes (swv_consultant)
};

core::Result<std::string> add_user(store::Database& db, const NewUser& user);
core::Result<void> disable_user(store::Database& db, const std::string& username);
core::Result<void> reset_password(store::Database& db, const std::string& username,
                                  const std::string& password);

} // namespace eenplan::service
