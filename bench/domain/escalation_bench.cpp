// Google Benchmark of the escalation rules: one pupil's school year of absences evaluated against
// the default protocol, the step the absence import runs for every pupil in the file.
//
//   make bench-domain   (or build/escalation_bench --benchmark_repetitions=5)
//
// The absences are spread like the import benchmark's generated CSV (bench/import): random school
// days and lesson hours 1..12 of school year 2026-2027, 30 % late, 35 % sick, 20 % unauthorised,
// 10 % authorised, 5 % removed from class. 474 absences is the import benchmark's 1,000,000 rows
// over 2,110 pupils, 2,370 its 5,000,000.
#include <benchmark/benchmark.h>

#include <random>
#include <set>
#include <vector>

#include "domain/escalation.hpp"
#include "domain/school_calendar.hpp"

namespace {

using namespace eenplan::domain;

std::vector<Absence> school_year_of_absences(const SchoolCalendar& calendar, std::size_t count) {
  std::vector<Date> days;
  for (Date d = calendar.first_day(); d <= calendar.last_day(); d = add_days(d, 1)) {
    if (calendar.is_school_day(d)) days.push_back(d);
  }
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> day(0, days.size() - 1);
  std::uniform_int_distribution<int> hour(1, 12);
  std::uniform_real_distribution<double> kind(0, 1);
  std::set<AbsenceKey> taken;
  std::vector<Absence> out;
  while (out.size() < count) {
    const AbsenceKey key{days[day(random)], hour(random)};
    if (!taken.insert(key).second) continue;
    const double k = kind(random);
    const AbsenceKind chosen = k < 0.3    ? AbsenceKind::Late
                               : k < 0.65 ? AbsenceKind::Sick
                               : k < 0.85 ? AbsenceKind::Unauthorised
                               : k < 0.95 ? AbsenceKind::Authorised
                                          : AbsenceKind::Removed;
    out.push_back({{}, key.date, key.lesson_hour, chosen, false});
  }
  return out;
}

void BM_EvaluateDefaultProtocol(benchmark::State& state) {
  const auto calendar = default_school_calendar_2026_2027();
  const auto protocol = default_protocol();
  const auto absences = school_year_of_absences(calendar, static_cast<std::size_t>(state.range(0)));
  std::size_t firings = 0;
  for (auto _ : state) {
    auto out = evaluate(protocol, calendar, absences, {}, false);
    firings = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["firings"] = static_cast<double>(firings);
  state.counters["absences/s"] = benchmark::Counter(static_cast<double>(state.iterations() * state.range(0)),
                                                    benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EvaluateDefaultProtocol)->Arg(474)->Arg(2370)->Unit(benchmark::kMicrosecond);

// Re-evaluation after an import that added nothing new: every earlier firing is passed in, so the
// rules must skip all used evidence and fire nothing.
void BM_EvaluateWithEarlierFirings(benchmark::State& state) {
  const auto calendar = default_school_calendar_2026_2027();
  const auto protocol = default_protocol();
  const auto absences = school_year_of_absences(calendar, static_cast<std::size_t>(state.range(0)));
  const auto fired = evaluate(protocol, calendar, absences, {}, false);
  for (auto _ : state) {
    auto out = evaluate(protocol, calendar, absences, fired, false);
    benchmark::DoNotOptimize(out);
  }
  state.counters["earlier_firings"] = static_cast<double>(fired.size());
}
BENCHMARK(BM_EvaluateWithEarlierFirings)->Arg(474)->Arg(2370)->Unit(benchmark::kMicrosecond);

void BM_SchoolWeekIndex(benchmark::State& state) {
  const auto calendar = default_school_calendar_2026_2027();
  Date d = calendar.first_day();
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.school_week_index(d));
    d = d < calendar.last_day() ? add_days(d, 1) : calendar.first_day();
  }
}
BENCHMARK(BM_SchoolWeekIndex);

void BM_IsSchoolDay(benchmark::State& state) {
  const auto calendar = default_school_calendar_2026_2027();
  Date d = calendar.first_day();
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.is_school_day(d));
    d = d < calendar.last_day() ? add_days(d, 1) : calendar.first_day();
  }
}
BENCHMARK(BM_IsSchoolDay);

} // namespace

BENCHMARK_MAIN();
