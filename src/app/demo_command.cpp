#include "app/demo_command.hpp"

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "core/clock.hpp"
#include "demo/region.hpp"
#include "service/demo_import.hpp"
#include "store/organisation_store.hpp"

namespace eenplan::app {
namespace {

namespace json = boost::json;

/// One login per role is enough to show a newcomer every view of the system.
void print_logins(const json::array& accounts) {
  std::map<std::string, const json::object*> first_per_role;
  for (const auto& a : accounts) {
    const auto& o = a.as_object();
    const std::string role(o.at("role").as_string());
    if (!first_per_role.contains(role)) first_per_role[role] = &o;
  }
  std::cout << "\nDemo-accounts (alle accounts staan in het accountsbestand):\n";
  for (const auto& [role, o] : first_per_role) {
    std::cout << "  " << std::string(o->at("role").as_string()) << ": gebruikersnaam "
              << std::string(o->at("username").as_string()) << "  wachtwoord "
              << std::string(o->at("password").as_string()) << "  ("
              << std::string(o->at("organisation").as_string()) << ")\n";
  }
}

} // namespace

int run_demo(store::Database& db, const DemoOptions& options) {
  {
    store::Lease lease(db);
    if (store::first_region(lease.sql())) {
      if (!options.if_empty) {
        std::cerr << "De database bevat al een regio; de demo wordt alleen in een lege database gemaakt.\n";
        return 1;
      }
      std::cout << "De database bevat al een regio; er is niets aangemaakt.\n";
      if (!options.accounts_out.empty() && std::filesystem::exists(options.accounts_out)) {
        std::ifstream in(options.accounts_out);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        boost::system::error_code ec;
        auto value = json::parse(text, ec);
        if (!ec && value.is_array()) print_logins(value.as_array());
      }
      return 0;
    }
  }
  const auto now = std::chrono::system_clock::now();
  const std::string today = options.today.empty() ? core::local_date_iso(now) : options.today;
  auto region = demo::generate(options.seed, options.pupils, today);
  auto result = service::import_demo_region(db, region, options.seed, now);
  if (!result) {
    std::cerr << "fout: " << result.error().detail << "\n";
    return 1;
  }
  std::cout << "Demoregio '" << region.name << "' aangemaakt: " << result->organisations << " organisaties, "
            << result->accounts << " accounts, " << result->pupils << " leerlingen.\n";
  std::map<std::string, std::string> org_names;
  for (const auto& o : region.organisations)
    org_names[o.key] = o.name;
  json::array accounts;
  for (const auto& a : region.accounts) {
    accounts.push_back(
        json::object{{"username", a.username},
                     {"password", a.password},
                     {"role", domain::to_string(a.role)},
                     {"organisation", a.member_of.empty() ? std::string() : org_names[a.member_of.front()]}});
  }
  if (!options.accounts_out.empty()) {
    if (auto parent = std::filesystem::path(options.accounts_out).parent_path(); !parent.empty()) {
      std::filesystem::create_directories(parent);
    }
    std::ofstream out(options.accounts_out);
    out << json::serialize(accounts) << "\n";
    std::filesystem::permissions(options.accounts_out,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  }
  print_logins(accounts);
  return 0;
}

} // namespace eenplan::app
