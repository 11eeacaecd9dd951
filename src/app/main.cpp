// eenplan: one binary with subcommands serve, migrate, demo, user and audit.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <thread>
#include <unistd.h>

#include "api/api.hpp"
#include "app/demo_command.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "http/server.hpp"
#include "service/absence_service.hpp"
#include "service/admin_service.hpp"
#include "service/cli_principal.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace {

using namespace eenplan;

struct Common {
  std::string db_url;
  std::string data_dir = "data";
  unsigned short port = 8080;
  std::string host = "127.0.0.1";
  std::string log_level = "info";

  std::string database_url() const { return db_url.empty() ? "sqlite:" + data_dir + "/eenplan.db" : db_url; }
};

std::unique_ptr<store::Database> open_migrated(const Common& c, std::size_t pool) {
  auto db = store::Database::open(c.database_url(), pool);
  store::migrate(*db);
  return db;
}

int print_error(const core::Error& e) {
  std::cerr << "fout: " << e.detail << "\n";
  for (const auto& f : e.errors)
    std::cerr << "  " << f.name << ": " << f.reason << "\n";
  return 1;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"Eenplan — één kind, één plan"};
  app.require_subcommand(1);
  app.fallthrough();
  Common c;
  app.add_option("--db", c.db_url, "sqlite:PATH or postgresql://… (default sqlite:DATA_DIR/eenplan.db)")
      ->envname("EENPLAN_DATABASE_URL");
  app.add_option("--data-dir", c.data_dir, "Directory for the SQLite database and demo files")
      ->envname("EENPLAN_DATA_DIR");
  app.add_option("--port", c.port, "HTTP port")->envname("EENPLAN_PORT");
  app.add_option("--host", c.host, "Address to listen on")->envname("EENPLAN_HOST");
  app.add_option("--log-level", c.log_level, "trace, debug, info, warn, error")->envname("EENPLAN_LOG_LEVEL");

  auto* serve = app.add_subcommand("serve", "Serve the API and the web UI");
  std::string web_root = "web/dist";
  std::size_t workers = 8;
  bool secure_cookies = false;
  bool access_log = true;
  serve->add_option("--web-root", web_root, "Built web UI")->envname("EENPLAN_WEB_ROOT");
  serve->add_option("--workers", workers, "Worker threads for requests")->envname("EENPLAN_WORKERS");
  serve->add_flag("--secure-cookies", secure_cookies, "Mark cookies Secure (behind TLS)")
      ->envname("EENPLAN_SECURE_COOKIES");
  serve->add_flag("!--no-access-log", access_log, "Do not write the access log");
  bool test_clock = false;
  serve->add_flag("--test-clock", test_clock,
                  "Tests only: PUT /api/v1/test-clock shifts the server's today (never in production)");

  auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations");

  auto* demo = app.add_subcommand("demo", "Create the synthetic demo region in an empty database");
  app::DemoOptions demo_options;
  demo->add_option("--seed", demo_options.seed, "Seed (same seed, same region)");
  demo->add_option("--pupils", demo_options.pupils, "Number of pupils")->check(CLI::Range(0, 1000000));
  demo->add_option("--accounts-out", demo_options.accounts_out, "Write the demo accounts as JSON");
  demo->add_option("--today", demo_options.today, "Date the region is generated for (YYYY-MM-DD)");
  demo->add_flag("--if-empty", demo_options.if_empty,
                 "Do nothing (but print the logins) when the database already has a region");

  auto* user = app.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Add an account");
  service::NewUser new_user;
  user_add->add_option("username", new_user.username)->required();
  user_add->add_option("--name", new_user.display_name, "Display name");
  user_add->add_option("--role", new_user.role, "Role code, e.g. school_coordinator")->required();
  user_add->add_option("--org", new_user.organisations, "Organisation (id, name or BRIN), repeatable");
  user_add->add_option("--linked-school", new_user.linked_schools, "SWV consultant's school, repeatable");
  user_add->add_option("--password", new_user.password, "Password (or EENPLAN_PASSWORD)")
      ->envname("EENPLAN_PASSWORD")
      ->required();
  auto* user_disable = user->add_subcommand("disable", "Disable an account and end its sessions");
  std::string username;
  user_disable->add_option("username", username)->required();
  auto* user_reset = user->add_subcommand("reset-password", "Set a new password and end sessions");
  std::string password;
  user_reset->add_option("username", username)->required();
  user_reset->add_option("--password", password, "New password (or EENPLAN_PASSWORD)")
      ->envname("EENPLAN_PASSWORD")
      ->required();

  auto* audit = app.add_subcommand("audit", "Audit trail");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "Check the hash chain of the audit trail");

  auto* import = app.add_subcommand("import", "Bulk imports from CSV exports");
  import->require_subcommand(1);
  auto* import_absences =
      import->add_subcommand("absences", "Import a school's absence export (all or nothing)");
  std::string import_file, import_school, import_layout, import_as;
  import_absences->add_option("file", import_file, "CSV file")->required();
  import_absences->add_option("--school", import_school, "School: id or BRIN code")->required();
  import_absences->add_option("--layout", import_layout,
                              "canonical, magister or somtoday (default: from the header)");
  import_absences->add_option("--as", import_as, "Username of the school's coordinator")->required();

  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::from_str(c.log_level));

  try {
    if (*serve) {
      if (access_log && ::isatty(STDOUT_FILENO) == 0) {
        // The default console sink flushes every line: one write() per request for the
        // access log. Into a file or pipe the lines are buffered instead and flushed every
        // second, and at once for a warning or error.
        auto logger = std::make_shared<spdlog::logger>(
            "", std::make_shared<spdlog::sinks::ostream_sink_mt>(std::cout, false));
        logger->set_level(spdlog::get_level());
        logger->flush_on(spdlog::level::warn);
        spdlog::set_default_logger(logger);
        spdlog::flush_every(std::chrono::seconds(1));
      }
      // One I/O thread per core: the quick reads run on them (see Api::runs_inline).
      const std::size_t io_threads = std::max(1U, std::thread::hardware_concurrency());
      // Every thread that runs handlers can hold a connection, plus the audit writer and spares.
      auto db = open_migrated(c, workers + io_threads + 4);
      core::SystemClock clock;
      core::OffsetClock shifted(clock);
      api::Api api(*db, clock, {web_root, secure_cookies, access_log, test_clock ? &shifted : nullptr});
      if (test_clock)
        spdlog::warn("Testklok aan: PUT /api/v1/test-clock verzet de datum (alleen voor tests)");
      http::ServerConfig config;
      config.address = c.host;
      config.port = c.port;
      config.io_threads = io_threads;
      config.worker_threads = workers;
      config.run_inline = [&](const http::Request& req) { return api.runs_inline(req); };
      config.body_limit_for = &api::Api::body_limit_for;
      config.common_fields = api::Api::security_fields();
      config.largest_body_limit = api::kImportBodyLimit;
      http::Server server(
          config, [&](http::Request& req, const http::ClientInfo& client) { return api.handle(req, client); },
          [&](http::bhttp::status s, const std::string& detail, unsigned v) {
            return api.refusal(s, detail, v);
          });
      spdlog::info("Eenplan luistert op http://{}:{}", c.host, server.port());
      server.run();
      spdlog::default_logger()->flush();
      return 0;
    }
    if (*migrate) {
      auto db = store::Database::open(c.database_url(), 1);
      const int ran = store::migrate(*db);
      std::cout << "migraties toegepast: " << ran << "\n";
      return 0;
    }
    if (*demo) {
      auto db = open_migrated(c, 2);
      return app::run_demo(*db, demo_options);
    }
    if (*user) {
      auto db = open_migrated(c, 2);
      if (*user_add) {
        auto id = service::add_user(*db, new_user);
        if (!id) return print_error(id.error());
        std::cout << "account aangemaakt: " << new_user.username << " (" << *id << ")\n";
      } else if (*user_disable) {
        if (auto ok = service::disable_user(*db, username); !ok) return print_error(ok.error());
        std::cout << "account uitgeschakeld: " << username << "\n";
      } else if (*user_reset) {
        if (auto ok = service::reset_password(*db, username, password); !ok) return print_error(ok.error());
        std::cout << "wachtwoord opnieuw ingesteld: " << username << "\n";
      }
      return 0;
    }
    if (*import_absences) {
      auto db = open_migrated(c, 2);
      auto who = service::principal_for_username(*db, import_as);
      if (!who) return print_error(who.error());
      const int fd = ::open(import_file.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        std::cerr << "fout: kan " << import_file << " niet openen\n";
        return 1;
      }
      service::AuditLog audit(*db);
      service::AbsenceService absences(*db, audit);
      service::RequestContext ctx{core::new_uuid(), "verzuimregistratie", "cli",
                                  std::chrono::system_clock::now()};
      const std::string name = std::filesystem::path(import_file).filename().string();
      auto report = absences.import(*who, {import_school, name, import_layout}, fd, ctx);
      ::close(fd);
      if (!report) {
        if (const auto* rejection = std::any_cast<service::ImportRejection>(&report.error().current)) {
          std::cerr << "fout: " << report.error().detail << "\n";
          for (const auto& e : rejection->errors)
            std::cerr << "  " << service::line_message(e) << "\n";
          if (rejection->error_count > rejection->errors.size()) {
            std::cerr << "  … en nog " << rejection->error_count - rejection->errors.size() << " fouten\n";
          }
          return 2;
        }
        return print_error(report.error());
      }
      std::cout << "verzuim ingelezen: " << report->rows_read << " regels gelezen, " << report->rows_added
                << " nieuw, " << report->signals_created << " signalen (indeling " << report->layout << ", "
                << report->encoding << ", import " << report->id << ")\n";
      return 0;
    }
    if (*audit_verify) {
      auto db = open_migrated(c, 1);
      store::Lease lease(*db);
      auto check = store::verify_audit_chain(lease.sql());
      if (check.ok) {
        std::cout << "audit trail in orde: " << check.events << " gebeurtenissen, keten sluitend\n";
        return 0;
      }
      std::cout << "audit trail GEBROKEN bij volgnummer " << check.first_bad_seq << ": " << check.problem
                << "\n";
      return 2;
    }
  } catch (const std::exception& e) {
    std::cerr << "fout: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
