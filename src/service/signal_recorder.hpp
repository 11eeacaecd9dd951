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

#include "domain/dates.hpp"
#include "domain/escalation.hpp"
#include "domain/school_calendar.hpp"
#include "store/absence_store.hpp"

namespace eenplan::service {

/// The school's protocol: the defaults with the school's own settings applied.
domain::SchoolProtocol school_protocol(soci::session& sql, const std::string& school_id);

class SignalRecorder {
public:
  /// `today` picks the school year; `now` (RFC 3339) stamps signals and tasks.
  SignalRecorder(soci::session& sql, domain::Date today, std::string now);

  struct PupilRef {
    std::string id;
    long long key = 0; // store::pupil_key
  };

  /// New signals of the pupil (already recorded, each with its task).
  std::vector<store::SignalRecord> evaluate(const std::string& pupil_id);
  /// The same for many pupils, their absences read group by group (an import); returns how many
  /// signals it recorded (not the signals: a large import gives more than memory should hold).
  std::size_t evaluate(std::span<const PupilRef> pupils);

  const domain::SchoolCalendar& calendar() const { return calendar_; }
  const std::string& school_year() const { return school_year_; }

private:
  void evaluate_many(std::span<const PupilRef> pupils,
                     const std::function<void(store::SignalRecord&&)>& on_signal);
  void evaluate_one(const std::string& pupil_id, const std::vector<domain::Absence>& absences,
                    const std::function<void(store::SignalRecord&&)>& on_signal);
  const domain::SchoolProtocol& protocol_of(const std::string& school_id);

  soci::session& sql_;
  domain::Date today_;
  std::string now_;
  domain::SchoolCalendar calendar_;
  std::string school_year_;
  std::map<std::string, domain::SchoolProtocol> protocols_;
};

} // namespace eenplan::service
