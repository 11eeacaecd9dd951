#include "service/absence_service.hpp"

#include <future>
#include <optional>

#include <algorithm>
#include <chrono>
#include <spdlog/spdlog.h>
#include <unordered_map>

#include "core/helper_thread.hpp"
#include "core/ids.hpp"
#include "domain/access.hpp"
#include "domain/school_calendar.hpp"
#include "service/pupil_access.hpp"
#include "service/signal_recorder.hpp"
#include "store/organisation_store.hpp"
#include "store/pupil_store.hpp"

namespace eenplan::service {
namespace {

using domain::Action;
using domain::Scope;

const char* kSchoolNotFound = "Deze school bestaat niet.";

/// SQLite page cache during an import: holds the absence indexes of a large school's year.
constexpr int kImportCacheMebibytes = 64;

domain::Date today_of(const RequestContext& ctx) {
  return *domain::parse_iso_date(core::local_date_iso(ctx.now));
}

core::Result<LocatedPupil> locate(soci::session& sql, const Principal& who, const std::string& id,
                                  Action action) {
  return locate_pupil_for(sql, who, id, action);
}

/// The school, if it exists; NotFound otherwise.
core::Result<std::string> locate_school(soci::session& sql, const std::string& id_or_brin) {
  if (id_or_brin.empty() || id_or_brin.size() > 64)
    return core::fail(core::ErrorCode::NotFound, kSchoolNotFound);
  auto id = store::find_school_id(sql, id_or_brin);
  if (!id) return core::fail(core::ErrorCode::NotFound, kSchoolNotFound);
  return *id;
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

ProtocolView view_of(const std::string& school_id, int version, const domain::SchoolProtocol& protocol) {
  ProtocolView view{school_id, version, {}};
  for (const auto& rule : protocol.rules)
    view.rules.push_back({rule, domain::dutch_description(rule)});
  return view;
}

} // namespace

std::string line_message(const importers::ImportError& e) {
  std::string place = e.line == 0 ? std::string("Bestand") : "Regel " + std::to_string(e.line);
  if (!e.column.empty()) place += ", kolom " + e.column;
  return place + ": " + e.message;
}

// ---- import --------------------------------------------------------------------------------

namespace {

/// Writes the staged rows group by group, each after the rules ran on it, on two cores: while
/// this thread writes one group (its signals, tasks and absences: the session is this thread's),
/// a helper thread runs the rules on the group whose stored rows this thread has just read, then
/// reads the next group back and sorts it. The rules' reads and the writes concern different
/// pupils, so their order does not change what either sees. Returns the signals recorded.
long long write_evaluated(store::AbsenceInserter& inserter, SignalRecorder& recorder,
                          const std::function<const std::string&(long long key)>& id_of) {
  using Group = store::AbsenceInserter::Group;
  struct Evaluated {
    Group group;
    SignalRecorder::Evaluation evaluation;
  };
  long long signals = 0;
  const auto write = [&](Evaluated& done) {
    signals += static_cast<long long>(recorder.record(std::move(done.evaluation)));
    inserter.write(std::move(done.group));
  };
  const std::size_t groups = inserter.finish_staging();
  if (groups == 0) return 0;
  core::HelperThread helper;
  std::future<Group> next = helper.submit([&inserter] { return inserter.read_group(0); });
  std::optional<Evaluated> previous;
  for (std::size_t i = 0; i < groups; ++i) {
    Group group = next.get();
    const auto inputs = recorder.load_staged(group.staged(), id_of);
    auto evaluation = helper.submit([&] { return recorder.evaluate_loaded(group.staged(), inputs); });
    // The job reads group and inputs: should a write below throw, it must end before they go.
    const core::ScopeExit wait_for_evaluation([&] {
      if (evaluation.valid()) evaluation.wait();
    });
    if (i + 1 < groups) next = helper.submit([&inserter, i] { return inserter.read_group(i + 1); });
    if (previous) write(*previous);
    auto result = evaluation.get(); // before the group moves on
    previous.emplace(Evaluated{std::move(group), std::move(result)});
  }
  write(*previous);
  return signals;
}

} // namespace

template <typename Parse>
core::Result<AbsenceImportReport> AbsenceService::import_with(const Principal& who,
                                                              const AbsenceImportRequest& request,
                                                              const RequestContext& ctx, Parse&& parse) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto school_id = locate_school(sql, request.school);
  if (!school_id) return core::unexpected(school_id.error());
  if (!domain::decide_school(who.actor(), *school_id, domain::SchoolAction::ImportAbsences)) {
    return core::fail(core::ErrorCode::Forbidden,
                      "Alleen de coördinator passend onderwijs van deze school mag verzuim inlezen.");
  }

  importers::AbsenceImportOptions options;
  if (!request.layout.empty()) {
    std::erase_if(options.mappings,
                  [&](const importers::ColumnMapping& m) { return m.name != request.layout; });
    if (options.mappings.empty()) {
      return core::fail(core::ErrorCode::ValidationFailed, "Onbekende indeling: " + request.layout + ".");
    }
  }
  const domain::Date today = today_of(ctx);
  SignalRecorder recorder(sql, today, ctx.now);
  const auto& calendar = recorder.calendar();
  options.first_day = {calendar.first_day().year, calendar.first_day().month, calendar.first_day().day};
  options.last_day = {calendar.last_day().year, calendar.last_day().month, calendar.last_day().day};

  // Pupil numbers of the school → index; rows carry the index, not the number, from here on.
  const auto pupils = store::list_school_pupils(sql, *school_id);
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> by_number;
  by_number.reserve(pupils.size() * 2);
  for (std::size_t i = 0; i < pupils.size(); ++i)
    by_number.emplace(pupils[i].school_pupil_number, i);
  options.pupil_count = pupils.size();
  options.pupil_index = [&](std::string_view number) {
    const auto it = by_number.find(number);
    return it == by_number.end() ? pupils.size() : it->second;
  };

  const auto started = std::chrono::steady_clock::now();
  const auto elapsed_ms = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
        .count();
  };
  AbsenceImportReport report;
  report.id = core::new_uuid();
  // The import goes in first (its rows refer to its key); layout and counts follow at the end.
  const std::string now = core::format_instant(ctx.now);
  const long long import_key = store::insert_absence_import(
      sql, {report.id, *school_id, request.file_name, "", "", 0, 0, who.user_id, now});
  const store::BulkLoadCache cache(sql, kImportCacheMebibytes);
  store::AbsenceInserter inserter(sql, {import_key, "", ""});
  {
    std::vector<long long> keys;
    keys.reserve(pupils.size());
    for (const auto& p : pupils)
      keys.push_back(p.key);
    inserter.expect_keys(keys);
  }
  std::vector<char> touched(pupils.size(), 0);
  importers::AbsenceCsvParser parser(std::move(options));
  const importers::AbsenceImportResult result =
      parse(parser, [&](std::span<const importers::AbsenceRow> rows) {
        for (const auto& row : rows) {
          // The parser passes only rows whose pupil pupil_index found.
          const auto& pupil = pupils[row.pupil_index];
          inserter.add(pupil.key, domain::Date{row.year, row.month, row.day}, row.lesson_hour, row.kind,
                       false, row.remark);
          touched[row.pupil_index] = 1;
        }
      });
  const auto parsed_ms = elapsed_ms();
  if (!result.ok()) {
    ImportRejection rejection{result.errors, result.error_count};
    core::Error error{core::ErrorCode::ValidationFailed,
                      "Het bestand is niet ingelezen; er is niets opgeslagen. " +
                          std::to_string(result.error_count) +
                          (result.error_count == 1 ? " regel bevat een fout." : " regels bevatten een fout."),
                      {},
                      0,
                      std::move(rejection)};
    return core::unexpected(std::move(error)); // the transaction rolls back
  }
  // The rules run range by range on the rows still in hand, before they are written, so the
  // import never reads back what it wrote (on PostgreSQL that was every row over the wire).
  std::unordered_map<long long, std::size_t> by_key;
  by_key.reserve(pupils.size() * 2);
  for (std::size_t i = 0; i < pupils.size(); ++i)
    by_key.emplace(pupils[i].key, i);
  const long long signals = write_evaluated(
      inserter, recorder, [&](long long key) -> const std::string& { return pupils[by_key.at(key)].id; });
  report.rows_read = result.rows;
  report.rows_added = inserter.rows_added();
  report.layout = result.layout;
  report.encoding = result.encoding == importers::Encoding::windows1252 ? "windows-1252" : "utf-8";
  store::finish_absence_import(sql, import_key, report.layout, report.encoding,
                               static_cast<long long>(report.rows_read), report.rows_added);
  report.signals_created = signals;
  const auto written_ms = elapsed_ms();
  // A file imported again adds nothing and touches nobody in the audit trail.
  std::vector<store::AuditEventInput> events;
  if (report.rows_added > 0) {
    for (std::size_t i = 0; i < pupils.size(); ++i) {
      if (touched[i]) events.push_back(audit_event(who, pupils[i].id, "create", "absences", ctx));
    }
  }
  audit_.append_in(sql, events);
  tx.commit();
  // Counts and timings only: no pupil data in the log.
  spdlog::info("absence import {}: {} rows read, {} added, {} signals for {} pupils; parsed after {} ms, "
               "written and evaluated after {} ms, committed after {} ms",
               report.id, report.rows_read, report.rows_added, report.signals_created, events.size(),
               parsed_ms, written_ms, elapsed_ms());
  return report;
}

core::Result<AbsenceImportReport> AbsenceService::import(const Principal& who,
                                                         const AbsenceImportRequest& request,
                                                         std::istream& csv, const RequestContext& ctx) {
  return import_with(who, request, ctx, [&](importers::AbsenceCsvParser& parser, const auto& on_batch) {
    return parser.parse(csv, on_batch);
  });
}

core::Result<AbsenceImportReport> AbsenceService::import(const Principal& who,
                                                         const AbsenceImportRequest& request, int fd,
                                                         const RequestContext& ctx) {
  return import_with(who, request, ctx, [&](importers::AbsenceCsvParser& parser, const auto& on_batch) {
    return parser.parse(fd, on_batch);
  });
}

// ---- one pupil -----------------------------------------------------------------------------

core::Result<AbsenceListView> AbsenceService::list(const Principal& who, const std::string& pupil_id,
                                                   std::optional<domain::Date> from,
                                                   std::optional<domain::Date> to,
                                                   const RequestContext& ctx) {
  const auto calendar = domain::school_calendar_for(today_of(ctx));
  AbsenceListView view;
  view.from = domain::to_iso(from.value_or(calendar.first_day()));
  view.to = domain::to_iso(to.value_or(calendar.last_day()));
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto at = locate(sql, who, pupil_id, Action::ViewAbsences);
  if (!at) return core::unexpected(at.error());
  view.items = store::list_absences(sql, pupil_id, view.from, view.to);
  tx.commit();
  audit_.record_reads({audit_event(who, pupil_id, "read", "absences", ctx)});
  return view;
}

core::Result<RegistrationView> AbsenceService::record(const Principal& who, const std::string& pupil_id,
                                                      const ManualAbsence& absence,
                                                      const RequestContext& ctx) {
  const domain::Date today = today_of(ctx);
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto at = locate(sql, who, pupil_id, Action::RecordAbsences);
  if (!at) return core::unexpected(at.error());
  SignalRecorder recorder(sql, today, ctx.now);
  const auto& calendar = recorder.calendar();
  if (absence.date < calendar.first_day() || absence.date > calendar.last_day() || absence.date > today) {
    core::Error error{core::ErrorCode::ValidationFailed,
                      "De datum valt niet in het huidige schooljaar tot en met vandaag.",
                      {{"date", "out-of-range",
                        "Kies een datum van " + domain::format_dutch(calendar.first_day()) + " tot en met " +
                            domain::format_dutch(std::min(today, calendar.last_day())) + "."}},
                      0,
                      {}};
    return core::unexpected(std::move(error));
  }
  store::AbsenceInserter inserter(sql, {0, who.user_id, core::format_instant(ctx.now)});
  const long long key = store::pupil_key(sql, pupil_id);
  const std::string date = domain::to_iso(absence.date);
  for (int hour : absence.lesson_hours)
    inserter.add(key, date, hour, absence.kind, absence.marked_luxe, absence.remark);
  inserter.flush();
  RegistrationView view;
  view.rows_added = inserter.rows_added();
  if (view.rows_added > 0) view.signals = recorder.evaluate(pupil_id);
  audit_.append_in(sql, {audit_event(who, pupil_id, "create", "absences", ctx)});
  tx.commit();
  return view;
}

core::Result<std::vector<store::SignalRecord>>
AbsenceService::signals(const Principal& who, const std::string& pupil_id, const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  auto at = locate(sql, who, pupil_id, Action::ViewSignals);
  if (!at) return core::unexpected(at.error());
  auto items = store::list_all_signals(sql, pupil_id);
  tx.commit();
  audit_.record_reads({audit_event(who, pupil_id, "read", "escalation_signals", ctx)});
  return items;
}

// ---- protocol ------------------------------------------------------------------------------

core::Result<ProtocolView> AbsenceService::protocol(const Principal& who, const std::string& school_id,
                                                    const RequestContext& /*ctx*/) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  if (!core::is_uuid(school_id)) return core::fail(core::ErrorCode::NotFound, kSchoolNotFound);
  auto id = locate_school(sql, school_id);
  if (!id) return core::unexpected(id.error());
  if (!domain::decide_school(who.actor(), *id, domain::SchoolAction::ViewProtocol)) {
    return core::fail(core::ErrorCode::Forbidden, "U mag het verzuimprotocol van deze school niet inzien.");
  }
  const auto stored = store::load_school_protocol(sql, *id);
  return view_of(*id, stored.version, school_protocol(sql, *id));
}

core::Result<ProtocolView> AbsenceService::set_protocol(const Principal& who, const std::string& school_id,
                                                        int expected_version,
                                                        const std::vector<domain::RuleSetting>& settings,
                                                        const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  if (!core::is_uuid(school_id)) return core::fail(core::ErrorCode::NotFound, kSchoolNotFound);
  auto id = locate_school(sql, school_id);
  if (!id) return core::unexpected(id.error());
  if (!domain::decide_school(who.actor(), *id, domain::SchoolAction::EditProtocol)) {
    return core::fail(
        core::ErrorCode::Forbidden,
        "Alleen de coördinator passend onderwijs van deze school mag het verzuimprotocol wijzigen.");
  }
  const auto stored = store::load_school_protocol(sql, *id);
  if (stored.version != expected_version) {
    core::Error error{core::ErrorCode::VersionConflict,
                      "Iemand anders heeft het verzuimprotocol gewijzigd nadat u het opende.",
                      {},
                      0,
                      view_of(*id, stored.version, school_protocol(sql, *id))};
    return core::unexpected(std::move(error));
  }
  auto protocol = domain::default_protocol();
  const auto refused = domain::apply_settings(protocol, settings);
  if (!refused.empty()) {
    core::Error error{core::ErrorCode::ValidationFailed, "Het verzuimprotocol is niet gewijzigd.", {}, 0, {}};
    bool legal = false;
    for (const auto& r : refused) {
      const std::string at = "rules[" + std::to_string(r.index) + "]";
      switch (r.error) {
      case domain::ProtocolError::UnknownRule:
        error.errors.push_back(
            {at + ".code", "invalid-value", "Onbekende regel: " + settings[r.index].code + "."});
        break;
      case domain::ProtocolError::LegalRuleRequired:
        legal = true;
        error.errors.push_back(
            {at + ".enabled", "invalid-value", "Een wettelijke regel kan niet worden uitgezet."});
        break;
      case domain::ProtocolError::InvalidThreshold: {
        const auto* rule = protocol.find(settings[r.index].code);
        if (rule && rule->legal) legal = true;
        error.errors.push_back({at + ".threshold", "out-of-range",
                                rule && (rule->legal || rule->kind == domain::RuleKind::Luxeverzuim)
                                    ? "De drempel van deze regel ligt vast."
                                    : "De drempel moet tussen 1 en 1000 liggen."});
        break;
      }
      }
    }
    if (legal) error.detail = std::string(kLegalRuleRequiredDetail);
    return core::unexpected(std::move(error));
  }
  // Store every rule that differs from the default; the rest stays default.
  const auto defaults = domain::default_protocol();
  std::vector<store::ProtocolRuleRecord> rows;
  for (const auto& rule : protocol.rules) {
    const auto* standard = defaults.find(rule.code);
    if (standard && standard->enabled == rule.enabled && standard->threshold == rule.threshold) continue;
    rows.push_back({rule.code, rule.enabled, rule.threshold});
  }
  if (!store::save_school_protocol(sql, *id, expected_version, rows, who.user_id,
                                   core::format_instant(ctx.now))) {
    return core::fail(core::ErrorCode::VersionConflict,
                      "Iemand anders heeft het verzuimprotocol gewijzigd nadat u het opende.");
  }
  tx.commit();
  return view_of(*id, expected_version + 1, protocol);
}

// ---- exemptions ----------------------------------------------------------------------------

core::Result<std::optional<store::ExemptionRecord>>
AbsenceService::exemption(const Principal& who, const std::string& pupil_id, const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Read);
  // Whoever may see the signals may see why the standard protocol does not apply (leerplicht too).
  auto at = locate(sql, who, pupil_id, Action::ViewSignals);
  if (!at) return core::unexpected(at.error());
  auto record = store::active_exemption(sql, pupil_id);
  tx.commit();
  audit_.record_reads({audit_event(who, pupil_id, "read", "protocol_exemption", ctx)});
  return record;
}

core::Result<store::ExemptionRecord> AbsenceService::set_exemption(const Principal& who,
                                                                   const std::string& pupil_id,
                                                                   const std::string& reason,
                                                                   const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto at = locate(sql, who, pupil_id, Action::SetProtocolExemption);
  if (!at) return core::unexpected(at.error());
  const std::string now = core::format_instant(ctx.now);
  // A new decision replaces the one in force; the old one stays in the history.
  store::end_exemption(sql, pupil_id, now);
  store::ExemptionRecord record{core::new_uuid(), pupil_id, reason, who.user_id, who.display_name, now};
  store::insert_exemption(sql, record);
  audit_.append_in(sql, {audit_event(who, pupil_id, "create", "protocol_exemption", ctx)});
  tx.commit();
  return record;
}

core::Result<void> AbsenceService::end_exemption(const Principal& who, const std::string& pupil_id,
                                                 const RequestContext& ctx) {
  store::Lease lease(db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_.dialect(), store::Transaction::Mode::Write);
  auto at = locate(sql, who, pupil_id, Action::SetProtocolExemption);
  if (!at) return core::unexpected(at.error());
  if (!store::end_exemption(sql, pupil_id, core::format_instant(ctx.now))) {
    return core::fail(core::ErrorCode::NotFound,
                      "Deze leerling is niet uitgezonderd van het verzuimprotocol.");
  }
  audit_.append_in(sql, {audit_event(who, pupil_id, "update", "protocol_exemption", ctx)});
  tx.commit();
  return {};
}

} // namespace eenplan::service
