// Use cases of the thuiszitter register (M5): list, register by hand or confirm a detected
// candidate, change, escalate, close; candidates from absence data; the SWV's overview and the
// anonymised inspectie registration. Every read and write of a pupil's case is audited; a case
// the user may not see does not exist for them (404).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/homebound.hpp"
#include "service/audit_log.hpp"
#include "service/context.hpp"
#include "store/database.hpp"
#include "store/homebound_settings_store.hpp"
#include "store/homebound_store.hpp"

namespace eenplan::service {

struct HomeboundCaseView {
  store::HomeboundCaseRecord record;
  domain::HomeboundClock clock;
  std::string subcategory;   // "2a", "2b" or ""
  std::string duration_band; // domain::to_string(DurationBand)
  bool review_overdue = false;
  std::vector<store::HomeboundEscalationRecord> escalations; // filled by get()
};

struct HomeboundFilter {
  std::string category;     // '' = all
  std::string clock_status; // '' = all
  std::string state = "open";
  std::string school_id;
};

struct NewHomeboundCase {
  std::string pupil_id;
  domain::HomeboundCategory category = domain::HomeboundCategory::AtRisk;
  domain::Date first_day;
  std::optional<domain::ExemptionKind> exemption_kind;
  std::string contact_name;
  std::optional<domain::Date> review_on;
  domain::OfferKind offer = domain::OfferKind::None;
  std::string offer_note;
  bool detected = false; // confirming a candidate found in the absence data
};

/// Fields left empty stay as they are. The first day never changes: it is the clock.
struct HomeboundCasePatch {
  std::optional<domain::HomeboundCategory> category;
  std::optional<std::optional<domain::ExemptionKind>> exemption_kind; // inner nullopt: clear
  std::optional<std::string> contact_name;
  std::optional<std::optional<domain::Date>> review_on;
  std::optional<domain::OfferKind> offer;
  std::optional<std::string> offer_note;
};

struct HomeboundClosure {
  domain::Date closed_on;
  domain::CloseReason reason = domain::CloseReason::Placed;
  std::string placement; // where the pupil goes to school now; required when placed
};

struct NewEscalation {
  domain::EscalationForum forum = domain::EscalationForum::PlacementMeeting;
  domain::Date escalated_on;
  std::string outcome;
  std::string binding_decision; // Taskforce core group only
};

struct CandidateDismissal {
  std::string pupil_id;
  domain::Date first_day;
  std::string reason;
};

struct HomeboundCandidateView {
  std::string pupil_id, given_name, family_name;
  store::OrganisationRef school;
  domain::HomeboundCandidate candidate;
};

/// Counts for the SWV overview: no names, no ids.
struct HomeboundOverview {
  struct Count {
    std::string key; // category or band code, or "YYYY-MM"
    int value = 0;
  };
  std::vector<Count> open_by_category;
  std::vector<Count> open_by_band;
  struct Month {
    std::string month; // YYYY-MM
    int started = 0;
    int resolved = 0;
  };
  std::vector<Month> months; // the last 12 months, oldest first
  int resolved_total = 0;
  int resolved_within_deadline = 0;
  std::string today;
};

/// One anonymised row of the inspectie registration.
struct InspectionRow {
  std::string row_key, category, subcategory, exemption_kind, first_day, duration_band, school_type, offer,
      state, clock_status, closed_on, close_reason;
};

/// A school's absence trends: counts per quarter, level and year group; no pupil is named.
struct AbsenceTrends {
  store::OrganisationRef school;
  std::vector<store::OrganisationRef> schools; // the schools the user may choose from
  struct Row {
    std::string quarter; // "2026-Q4"
    std::string level;
    int year_group = 0;
    int enrolled_pupils = 0;
    int unauthorised_hours = 0, sick_hours = 0, late = 0, other_hours = 0;
  };
  std::vector<Row> rows; // by quarter, level, year group
};

/// The region's thuiszitter settings: the ones in force and every earlier version.
struct HomeboundSettingsView {
  store::HomeboundSettingsRecord current;
  std::vector<store::HomeboundSettingsRecord> history; // stored versions, newest first
  bool may_edit = false;
};

struct HomeboundSettingsChange {
  domain::HomeboundConfig config;
  std::string reason;
};

class HomeboundService {
public:
  HomeboundService(store::Database& db, AuditLog& audit);

  /// For everyone who works with the register or its overviews, and the SWV-beheerder.
  core::Result<HomeboundSettingsView> settings(const Principal& who);
  /// The SWV-beheerder only; a new version with a reason. VersionConflict carries the current
  /// HomeboundSettingsView in Error::current.
  core::Result<HomeboundSettingsView> change_settings(const Principal& who, int expected_version,
                                                      const HomeboundSettingsChange& change,
                                                      const RequestContext& ctx);

  core::Result<std::vector<HomeboundCaseView>> list(const Principal& who, const HomeboundFilter& filter,
                                                    const RequestContext& ctx);
  core::Result<HomeboundCaseView> get(const Principal& who, const std::string& case_id,
                                      const RequestContext& ctx);
  core::Result<HomeboundCaseView> register_case(const Principal& who, const NewHomeboundCase& input,
                                                const RequestContext& ctx);
  /// VersionConflict carries the current HomeboundCaseView in Error::current.
  core::Result<HomeboundCaseView> patch(const Principal& who, const std::string& case_id,
                                        int expected_version, const HomeboundCasePatch& change,
                                        const RequestContext& ctx);
  core::Result<HomeboundCaseView> close(const Principal& who, const std::string& case_id,
                                        int expected_version, const HomeboundClosure& closure,
                                        const RequestContext& ctx);
  core::Result<HomeboundCaseView> escalate(const Principal& who, const std::string& case_id,
                                           const NewEscalation& input, const RequestContext& ctx);
  core::Result<std::vector<HomeboundCandidateView>> candidates(const Principal& who,
                                                               const RequestContext& ctx);
  core::Result<HomeboundCaseView> dismiss_candidate(const Principal& who, const CandidateDismissal& input,
                                                    const RequestContext& ctx);
  core::Result<HomeboundOverview> overview(const Principal& who, const RequestContext& ctx);
  /// Every case that was open at some time in the quarter (`year`, 1..4), also those closed since.
  core::Result<std::vector<InspectionRow>> inspection_rows(const Principal& who, int year, int quarter,
                                                           const RequestContext& ctx);

  /// `school_id` empty: the first school the user may see. NotFound for a school they may not see.
  core::Result<AbsenceTrends> absence_trends(const Principal& who, const std::string& school_id,
                                             const RequestContext& ctx);

private:
  /// The settings in force, read in the caller's transaction so a request sees one version.
  static domain::HomeboundConfig config_in(soci::session& sql);

  /// One change to a case in one write transaction: the case located for the caller, its version
  /// checked when one is expected (a stale one answers with the case as it is now), then `change`
  /// (its rules and its write), the audit event, and the case as it is afterwards.
  template <class Change>
  core::Result<HomeboundCaseView>
  change_case(const Principal& who, const std::string& case_id, std::optional<int> expected_version,
              const char* audit_action, const char* resource, const RequestContext& ctx, Change&& change);

  store::Database& db_;
  AuditLog& audit_;
  domain::SchoolCalendar calendar_;
};

} // namespace eenplan::service
