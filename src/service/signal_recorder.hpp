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
  /// What the rules need from the database for a group of staged rows.
  struct StagedInputs {
    std::vector<long long> keys;                      // of the pupils in the group, ascending
    std::vector<std::string> ids;                     // their pupil ids, in the same order
    std::vector<std::vector<domain::Absence>> stored; // what each already had
    std::map<std::string, store::SignalContext> contexts;
    std::map<std::string, const domain::SchoolProtocol*> protocols; // by enrolment school
  };
  /// New signals and their tasks, not yet recorded.
  struct Evaluation {
    std::vector<store::SignalRecord> signals;
    std::vector<store::TaskRecord> tasks;
  };
  /// For an import, in three steps so it can overlap them with its writes: the rules for the
  /// pupils of `staged` (every row of this import for them, not yet written) on those rows
  /// together with the absences they already had, the stored row winning where both hold a
  /// slot, as the insert will. `id_of` gives the pupil id of a key. Reads on the session:
  StagedInputs load_staged(std::span<const store::AbsenceInserter::StagedAbsence> staged,
                           const std::function<const std::string&(long long key)>& id_of);
  /// Uses no session and nothing load_staged or record change, so it may run on another thread
  /// while they run; one evaluation at a time (it numbers the new signals and tasks).
  Evaluation evaluate_loaded(std::span<const store::AbsenceInserter::StagedAbsence> staged,
                             const StagedInputs& inputs);
  /// Writes the signals and their tasks on the session (a signal recorded meanwhile is skipped
  /// with its task); `on_signal` for each new one. Returns how many went in.
  std::size_t record(Evaluation evaluation, const std::function<void(store::SignalRecord&&)>& on_signal = {});

  const domain::SchoolCalendar& calendar() const { return calendar_; }
  const std::string& school_year() const { return school_year_; }

private:
  /// Runs the rules for one pupil; the new signals and their tasks go into `out`.
  void evaluate_one(const std::string& pupil_id, const store::SignalContext& pupil,
                    const domain::SchoolProtocol& protocol, const std::vector<domain::Absence>& absences,
                    Evaluation& out);
  const domain::SchoolProtocol& protocol_of(const std::string& school_id);

  soci::session& sql_;
  domain::Date today_;
  std::string now_;
  core::TimeOrderedUuids ids_; // of signals and tasks, all stamped now_
  domain::SchoolCalendar calendar_;
  std::string school_year_;
  std::map<std::string, domain::SchoolProtocol> protocols_;
};

} // namespace eenplan::service
