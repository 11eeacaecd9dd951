// Use cases on a pupil's dossier: every one checks the access policy, and every read
// and write of pupil data leaves an audit event.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/access.hpp"
#include "service/audit_log.hpp"
#include "service/context.hpp"
#include "store/database.hpp"
#include "store/records.hpp"

namespace eenplan::service {

struct PupilView {
  store::PupilRecord pupil; // details filled according to scope
  domain::Scope scope = domain::Scope::None;
  bool can_edit = false;
  bool can_add_notes = false;
  bool can_edit_case_team = false;
};

struct PupilListFilter {
  std::string search; // raw text typed by the user
  std::string school_id;
  std::string status;
  int page = 1;
  int page_size = 25;
};

struct PupilListView {
  std::vector<store::PupilRecord> items;
  long long total = 0;
  int page = 1;
  int page_size = 25;
};

/// A validated change; fields left empty stay as they are.
struct PupilPatch {
  std::optional<std::string> given_name, family_name, date_of_birth, postcode, school_pupil_number, status,
      load_capacity, care_history;
  std::optional<std::vector<store::SupportNeedRecord>> support_needs;
  std::optional<std::vector<store::FactorRecord>> factors;
};

struct AuditListView {
  std::vector<store::AuditEventRecord> items;
  long long total = 0;
  int page = 1;
  int page_size = 50;
};

class PupilService {
public:
  PupilService(store::Database& db, AuditLog& audit) : db_(db), audit_(audit) {}

  core::Result<PupilListView> list(const Principal& who, const PupilListFilter& filter,
                                   const RequestContext& ctx);
  core::Result<PupilView> get(const Principal& who, const std::string& pupil_id, const RequestContext& ctx);
  /// VersionConflict carries the current PupilView in Error::current.
  core::Result<PupilView> patch(const Principal& who, const std::string& pupil_id, int expected_version,
                                const PupilPatch& change, const RequestContext& ctx);
  core::Result<std::vector<store::NoteRecord>> notes(const Principal& who, const std::string& pupil_id,
                                                     const RequestContext& ctx);
  core::Result<store::NoteRecord> add_note(const Principal& who, const std::string& pupil_id,
                                           const std::string& kind, const std::string& body,
                                           const RequestContext& ctx);
  core::Result<AuditListView> audit_trail(const Principal& who, const std::string& pupil_id, int page,
                                          int page_size, const RequestContext& ctx);

private:
  store::Database& db_;
  AuditLog& audit_;
};

} // namespace eenplan::service
