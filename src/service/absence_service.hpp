// Verzuim use cases: absence imports and manual registration, the escalation protocol per
// school, protocol exemptions (expertisepunt), and the signals and tasks the protocol gives.
//
// Every write evaluates the escalation rules (domain::evaluate) for the pupils it touched and
// records new signals with a task for the recipient, in the same transaction; the unique key of
// a signal (pupil, school year, rule, occurrence) makes sure the same evidence never fires twice.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/escalation.hpp"
#include "importers/absence_csv.hpp"
#include "service/audit_log.hpp"
#include "service/context.hpp"
#include "store/absence_store.hpp"
#include "store/database.hpp"

namespace eenplan::service {

struct AbsenceImportRequest {
  std::string school;    // id, or BRIN code (CLI)
  std::string file_name; // recorded with the import
  std::string layout;    // '' = recognise from the header line
};

struct AbsenceImportReport {
  std::string id;
  std::size_t rows_read = 0;
  long long rows_added = 0;
  std::string layout;
  std::string encoding; // "utf-8" | "windows-1252"
  long long signals_created = 0;
};

/// In Error::current of a rejected import (Error::code ValidationFailed).
struct ImportRejection {
  std::vector<importers::ImportError> errors; // the first max_reported_errors
  std::size_t error_count = 0;
};

/// "Regel 3, kolom datum: ongeldige datum …": the parser's message with its place in the file.
std::string line_message(const importers::ImportError& error);

struct AbsenceListView {
  std::string from, to;
  std::vector<store::AbsenceRecord> items;
};

/// A validated manual registration.
struct ManualAbsence {
  domain::Date date;
  std::vector<int> lesson_hours;
  domain::AbsenceKind kind = domain::AbsenceKind::Unauthorised;
  std::string remark;
  bool marked_luxe = false;
};

struct RegistrationView {
  long long rows_added = 0;
  std::vector<store::SignalRecord> signals;
};

struct ProtocolRuleView {
  domain::EscalationRule rule;
  std::string description; // Dutch
};

struct ProtocolView {
  std::string school_id;
  int version = 1;
  std::vector<ProtocolRuleView> rules;
};

class AbsenceService {
public:
  AbsenceService(store::Database& db, AuditLog& audit) : db_(db), audit_(audit) {}

  /// All or nothing in one write transaction; the rows are staged batch by batch as the parser
  /// reads them (a large file through temporary files, see store::AbsenceInserter), so memory
  /// does not grow with the file; the duplicate check grows with the school, not the file.
  core::Result<AbsenceImportReport> import(const Principal& who, const AbsenceImportRequest& request,
                                           std::istream& csv, const RequestContext& ctx);
  /// Same, reading a file descriptor (the CLI).
  core::Result<AbsenceImportReport> import(const Principal& who, const AbsenceImportRequest& request, int fd,
                                           const RequestContext& ctx);

  /// Absences in [from, to]; defaults: the current school year.
  core::Result<AbsenceListView> list(const Principal& who, const std::string& pupil_id,
                                     std::optional<domain::Date> from, std::optional<domain::Date> to,
                                     const RequestContext& ctx);
  core::Result<RegistrationView> record(const Principal& who, const std::string& pupil_id,
                                        const ManualAbsence& absence, const RequestContext& ctx);
  core::Result<std::vector<store::SignalRecord>> signals(const Principal& who, const std::string& pupil_id,
                                                         const RequestContext& ctx);

  core::Result<ProtocolView> protocol(const Principal& who, const std::string& school_id,
                                      const RequestContext& ctx);
  /// VersionConflict carries the current ProtocolView in Error::current; a refused setting is
  /// ValidationFailed with field errors (code `legal-rule-required` for a legal rule).
  core::Result<ProtocolView> set_protocol(const Principal& who, const std::string& school_id,
                                          int expected_version,
                                          const std::vector<domain::RuleSetting>& settings,
                                          const RequestContext& ctx);

  /// The exemption in force, or nullopt when the pupil follows the school's standard protocol.
  core::Result<std::optional<store::ExemptionRecord>>
  exemption(const Principal& who, const std::string& pupil_id, const RequestContext& ctx);
  core::Result<store::ExemptionRecord> set_exemption(const Principal& who, const std::string& pupil_id,
                                                     const std::string& reason, const RequestContext& ctx);
  core::Result<void> end_exemption(const Principal& who, const std::string& pupil_id,
                                   const RequestContext& ctx);

private:
  template <typename Parse>
  core::Result<AbsenceImportReport> import_with(const Principal& who, const AbsenceImportRequest& request,
                                                const RequestContext& ctx, Parse&& parse);

  store::Database& db_;
  AuditLog& audit_;
};

/// Detail of a ValidationFailed error that refuses a legal rule (the API answers
/// `legal-rule-required` for it).
inline constexpr std::string_view kLegalRuleRequiredDetail =
    "Een wettelijke meldplicht kan niet worden uitgezet of aangepast.";

} // namespace eenplan::service
