// Runs the escalation protocol for a pupil and records what it gives: new escalation signals,
// each with a task for its recipient. Used inside a write transaction by every use case that
// adds absences (import, manual registration, the demo region).
#pragma once

#include <functional>
#include <map>
#include <soci/soci.h>
#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/dates.hpp"
#include "domain/escalation.hpp"
#include "domain/school_calendar.hpp"
#include "store/absence_store.hpp"
#include "store/task_store.hpp"

namespace eenplan::service {

/// The school's protocol: the defaults with the school's own settings applied.
domain::SchoolProtocol school_protocol(soci::session& sql, const std::string& school_id);

class SignalRecorder {
public:
  /// `today` picks the school year; `now` stamps signals and tasks and orders their ids.
  SignalRecorder(soci::session& sql, domain::Date today, core::Instant now);

  /// New signals of the pupil (already recorded, each with its task).
  std::vector<store::SignalRecord> evaluate(const std::string& pupil_id);
  /// For an import, from AbsenceInserter's before_write: the rules for the pupils of `staged`
  /// (every row of this import for them, not yet written) on those rows together with the
  /// absences they already had, the stored row winning where both hold a slot, as the insert
  /// will. `id_of` gives the pupil id of a key. Returns how many signals it recorded.
  std::size_t evaluate_staged(std::span<const store::AbsenceInserter::StagedAbsence> staged,
                              const std::function<const std::string&(long long key)>& id_of);
  const domain::SchoolCalendar& calendar() const { return calendar_; }
  const std::string& school_year() const { return school_year_; }

private:
  /// Runs the rules; the new signals and their tasks wait in pending_* for record_pending.
  void evaluate_one(const std::string& pupil_id, const store::SignalContext& pupil,
                    const std::vector<domain::Absence>& absences);
  /// Writes the pending signals and tasks, many per statement; `on_signal` for each new one.
  void record_pending(const std::function<void(store::SignalRecord&&)>& on_signal);
  const domain::SchoolProtocol& protocol_of(const std::string& school_id);

  soci::session& sql_;
  domain::Date today_;
  std::string now_;
  core::TimeOrderedUuids ids_; // of signals and tasks, all stamped now_
  domain::SchoolCalendar calendar_;
  std::string school_year_;
  std::map<std::string, domain::SchoolProtocol> protocols_;
  std::vector<store::SignalRecord> pending_signals_;
  std::vector<store::TaskRecord> pending_tasks_;
};

} // namespace eenplan::service
