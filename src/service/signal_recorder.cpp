#include "service/signal_recorder.hpp"

#include <algorithm>

#include "core/ids.hpp"
#include "store/task_store.hpp"

namespace eenplan::service {
namespace {

/// Where the task of a signal goes (design: leerplicht of the pupil's municipality; the
/// coordinator of the enrolment school; the mentor = the case lead, else the coordinator).
void assign(store::TaskRecord& task, domain::Recipient recipient, const store::SignalContext& pupil) {
  const auto to_coordinator = [&] {
    task.assignee_organisation_id = pupil.enrolment_school_id;
    task.assignee_role = "school_coordinator";
  };
  switch (recipient) {
  case domain::Recipient::AttendanceOfficer:
    if (pupil.municipality_id.empty()) {
      to_coordinator(); // no municipality known: the school must report it itself
    } else {
      task.assignee_organisation_id = pupil.municipality_id;
      task.assignee_role = "attendance_officer";
    }
    return;
  case domain::Recipient::CareCoordinator: to_coordinator(); return;
  case domain::Recipient::Mentor:
    if (pupil.case_lead.empty()) {
      to_coordinator();
    } else {
      task.assignee_user_id = pupil.case_lead;
    }
    return;
  }
}

/// Five school days after `today` (a week to act), or a week when the school year ends first.
domain::Date due_date(const domain::SchoolCalendar& calendar, domain::Date today) {
  domain::Date due = today;
  for (int i = 0; i < 5; ++i) {
    const auto next = calendar.next_school_day(due);
    if (!next) return domain::add_days(today, 7);
    due = *next;
  }
  return due;
}

} // namespace

domain::SchoolProtocol school_protocol(soci::session& sql, const std::string& school_id) {
  auto protocol = domain::default_protocol();
  const auto stored = store::load_school_protocol(sql, school_id);
  std::vector<domain::RuleSetting> settings;
  for (const auto& r : stored.rules)
    settings.push_back({r.rule_code, r.enabled, r.threshold});
  // Stored settings were validated when saved; one that no longer applies (a rule removed from
  // the defaults) is ignored rather than blocking every evaluation.
  (void)domain::apply_settings(protocol, settings);
  return protocol;
}

SignalRecorder::SignalRecorder(soci::session& sql, domain::Date today, core::Instant now)
    : sql_(sql), today_(today), now_(core::format_instant(now)),
      ids_(std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count()),
      calendar_(domain::school_calendar_for(today)), school_year_(domain::school_year_of(today)) {}

const domain::SchoolProtocol& SignalRecorder::protocol_of(const std::string& school_id) {
  auto it = protocols_.find(school_id);
  if (it == protocols_.end()) it = protocols_.emplace(school_id, school_protocol(sql_, school_id)).first;
  return it->second;
}

std::vector<store::SignalRecord> SignalRecorder::evaluate(const std::string& pupil_id) {
  const long long key = store::pupil_key(sql_, pupil_id);
  std::vector<domain::Absence> absences;
  store::for_each_pupils_absences(sql_, std::span<const long long>(&key, 1),
                                  domain::to_iso(calendar_.first_day()), domain::to_iso(calendar_.last_day()),
                                  store::AbsenceKinds::Countable,
                                  [&](long long, std::span<const store::CountableAbsence> rows) {
                                    // pupil_id stays empty: the rules see one pupil at a time
                                    for (const auto& a : rows)
                                      absences.push_back({{}, a.date, a.lesson_hour, a.kind, a.marked_luxe});
                                  });
  std::vector<store::SignalRecord> created;
  const auto contexts =
      store::signal_contexts(sql_, std::span<const std::string>(&pupil_id, 1), school_year_);
  Evaluation evaluation;
  if (const auto it = contexts.find(pupil_id); it != contexts.end())
    evaluate_one(pupil_id, it->second, protocol_of(it->second.enrolment_school_id), absences, evaluation);
  record(std::move(evaluation), [&](store::SignalRecord&& signal) { created.push_back(std::move(signal)); });
  return created;
}

SignalRecorder::StagedInputs
SignalRecorder::load_staged(std::span<const store::AbsenceInserter::StagedAbsence> staged,
                            const std::function<const std::string&(long long key)>& id_of) {
  StagedInputs in;
  for (const auto& row : staged) // staged is sorted by key
    if (in.keys.empty() || in.keys.back() != row.pupil_key) in.keys.push_back(row.pupil_key);
  // What the pupils already had: every kind, since a stored row keeps its slot whatever comes in.
  in.stored.resize(in.keys.size());
  store::for_each_pupils_absences(sql_, in.keys, domain::to_iso(calendar_.first_day()),
                                  domain::to_iso(calendar_.last_day()), store::AbsenceKinds::All,
                                  [&](long long key, std::span<const store::CountableAbsence> rows) {
                                    const auto at = std::lower_bound(in.keys.begin(), in.keys.end(), key);
                                    if (at == in.keys.end() || *at != key) return;
                                    auto& out = in.stored[static_cast<std::size_t>(at - in.keys.begin())];
                                    for (const auto& a : rows)
                                      out.push_back({{}, a.date, a.lesson_hour, a.kind, a.marked_luxe});
                                  });
  in.ids.reserve(in.keys.size());
  for (const long long key : in.keys)
    in.ids.push_back(id_of(key));
  in.contexts = store::signal_contexts(sql_, in.ids, school_year_);
  for (const auto& [id, context] : in.contexts)
    in.protocols.emplace(context.enrolment_school_id, &protocol_of(context.enrolment_school_id));
  return in;
}

SignalRecorder::Evaluation
SignalRecorder::evaluate_loaded(std::span<const store::AbsenceInserter::StagedAbsence> staged,
                                const StagedInputs& in) {
  Evaluation evaluation;
  std::vector<domain::Absence> merged;
  std::size_t row = 0;
  for (std::size_t k = 0; k < in.keys.size(); ++k) {
    const auto& before = in.stored[k];
    merged.clear();
    merged.reserve(before.size());
    std::size_t b = 0;
    for (; row < staged.size() && staged[row].pupil_key == in.keys[k]; ++row) {
      const auto& s = staged[row];
      if (s.date < calendar_.first_day() || calendar_.last_day() < s.date) continue;
      const domain::AbsenceKey key{s.date, s.lesson_hour};
      for (; b < before.size() && domain::key_of(before[b]) < key; ++b)
        merged.push_back(before[b]);
      if (b < before.size() && domain::key_of(before[b]) == key) continue; // the stored row stays
      merged.push_back({{}, s.date, s.lesson_hour, s.kind, s.marked_luxe});
    }
    merged.insert(merged.end(), before.begin() + static_cast<std::ptrdiff_t>(b), before.end());
    if (const auto it = in.contexts.find(in.ids[k]); it != in.contexts.end())
      evaluate_one(in.ids[k], it->second, *in.protocols.at(it->second.enrolment_school_id), merged,
                   evaluation);
  }
  return evaluation;
}

void SignalRecorder::evaluate_one(const std::string& pupil_id, const store::SignalContext& pupil,
                                  const domain::SchoolProtocol& protocol,
                                  const std::vector<domain::Absence>& absences, Evaluation& out) {
  std::vector<domain::Firing> fired;
  for (const auto& s : pupil.signals) {
    domain::Firing f;
    f.rule_code = s.rule_code;
    f.occurrence = s.occurrence;
    f.evidence = store::parse_evidence_json(s.evidence);
    fired.push_back(std::move(f));
  }
  const auto firings = domain::evaluate(protocol, calendar_, absences, fired, pupil.exempt);
  if (firings.empty()) return;

  const std::string due = domain::to_iso(due_date(calendar_, today_));
  for (const auto& firing : firings) {
    // Ascending ids: an import's signals and tasks go in at the right edge of their indexes.
    store::SignalRecord signal{ids_.next(),
                               pupil_id,
                               school_year_,
                               firing.rule_code,
                               firing.occurrence,
                               domain::to_iso(firing.fired_on),
                               std::string(domain::to_string(firing.recipient)),
                               store::evidence_json(firing.evidence),
                               now_};
    const auto* rule = protocol.find(firing.rule_code);
    store::TaskRecord task;
    task.id = ids_.next();
    task.region_id = pupil.region_id;
    task.pupil_id = pupil_id;
    task.kind = "escalation_signal";
    task.title = rule ? domain::dutch_task_title(*rule) : "Verzuimsignaal";
    task.due_on = due;
    task.source_id = signal.id;
    task.created_at = now_;
    assign(task, firing.recipient, pupil);
    out.signals.push_back(std::move(signal));
    out.tasks.push_back(std::move(task));
  }
}

std::size_t SignalRecorder::record(Evaluation evaluation,
                                   const std::function<void(store::SignalRecord&&)>& on_signal) {
  // A signal recorded meanwhile (same pupil, year, rule, occurrence) is skipped with its task.
  auto inserted = store::insert_signals(sql_, evaluation.signals);
  std::sort(inserted.begin(), inserted.end());
  const auto went_in = [&](const std::string& id) {
    return std::binary_search(inserted.begin(), inserted.end(), id);
  };
  std::erase_if(evaluation.tasks, [&](const store::TaskRecord& t) { return !went_in(t.source_id); });
  store::insert_tasks(sql_, evaluation.tasks);
  if (on_signal) {
    for (auto& signal : evaluation.signals)
      if (went_in(signal.id)) on_signal(std::move(signal));
  }
  return inserted.size();
}

} // namespace eenplan::service
