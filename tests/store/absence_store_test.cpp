// Absence imports, signals and tasks on both databases: SQLite always, PostgreSQL when
// EENPLAN_PG_URL is set (scripts/with-postgres).
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "service/absence_service.hpp"
#include "service/audit_log.hpp"
#include "service/signal_recorder.hpp"
#include "store/absence_store.hpp"
#include "store/account_store.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/organisation_store.hpp"
#include "store/pupil_store.hpp"
#include "store/task_store.hpp"

using namespace eenplan;

namespace {

std::string url_for(const std::string& backend) {
  if (backend == "sqlite") {
    auto path = std::filesystem::temp_directory_path() / ("eenplan-absence-" + core::new_uuid() + ".db");
    return "sqlite:" + path.string();
  }
  const char* pg = std::getenv("EENPLAN_PG_URL");
  return pg ? pg : "";
}

/// 1 December 2026, 10:00 UTC: a Tuesday in school year 2026-2027.
core::Instant december_first() {
  using namespace std::chrono;
  return sys_days{year{2026} / 12 / 1} + hours{10};
}

class AbsenceStoreTest : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    url_ = url_for(GetParam());
    if (url_.empty()) GTEST_SKIP() << "EENPLAN_PG_URL not set";
    if (GetParam() == "postgres") {
      auto admin = store::Database::open(url_, 1);
      store::Lease lease(*admin);
      lease.sql() << "DROP SCHEMA public CASCADE";
      lease.sql() << "CREATE SCHEMA public";
    }
    db_ = store::Database::open(url_, 3);
    store::migrate(*db_);
    audit_ = std::make_unique<service::AuditLog>(*db_);
    service_ = std::make_unique<service::AbsenceService>(*db_, *audit_);
    seed();
  }
  void TearDown() override {
    service_.reset();
    audit_.reset();
    db_.reset();
    if (GetParam() == "sqlite" && !url_.empty()) {
      const auto path = store::sqlite_path(url_);
      for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    }
  }

  std::string at() { return core::format_instant(december_first()); }

  std::string org(const std::string& kind, const std::string& name, const std::string& brin,
                  const std::string& municipality) {
    store::Lease lease(*db_);
    store::OrganisationRecord o;
    o.id = core::new_uuid();
    o.region_id = region_;
    o.kind = kind;
    o.name = name;
    o.brin = brin;
    o.school_type = kind == "school" ? "vo" : "";
    o.municipality_id = municipality;
    store::insert_organisation(lease.sql(), o, at());
    return o.id;
  }

  std::string pupil(const std::string& number, const std::string& school) {
    store::PupilRecord p;
    p.id = core::new_uuid();
    p.region_id = region_;
    p.given_name = "Sem";
    p.family_name = "de Vries";
    p.date_of_birth = "2012-03-02";
    p.postcode = "8011 AB";
    p.school_pupil_number = number;
    p.status = "enrolled";
    p.enrolment_school.id = school;
    p.municipality.id = municipality_;
    p.created_at = p.updated_at = at();
    store::Lease lease(*db_);
    store::insert_pupil(lease.sql(), p);
    return p.id;
  }

  void seed() {
    {
      store::Lease lease(*db_);
      region_ = core::new_uuid();
      store::insert_region(lease.sql(), {region_, "SWV Test", "SWV 99-01"});
    }
    municipality_ = org("municipality", "Gemeente Testdorp", "", "");
    school_ = org("school", "Het Kompas", "22BB", municipality_);
    other_school_ = org("school", "De Regenboog", "11AA", municipality_);
    store::Lease lease(*db_);
    coordinator_.user_id = core::new_uuid();
    store::insert_user(lease.sql(), {coordinator_.user_id, region_, "coordinator.kompas", "Anna Coördinator",
                                     "hash", "school_coordinator", false, at()});
    store::insert_membership(lease.sql(), coordinator_.user_id, school_, "member");
    coordinator_.role = domain::Role::SchoolCoordinator;
    coordinator_.display_name = "Anna Coördinator";
    coordinator_.memberships = store::memberships_of(lease.sql(), coordinator_.user_id);
    ctx_.request_id = core::new_uuid();
    ctx_.now = december_first();
  }

  core::Result<service::AbsenceImportReport> import(const std::string& csv) {
    std::istringstream in(csv);
    return service_->import(coordinator_, {school_, "test.csv", ""}, in, ctx_);
  }

  long long count(const std::string& table) {
    store::Lease lease(*db_);
    long long n = 0;
    lease.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
  }

  /// 16 unauthorised hours: Monday 23 and Tuesday 24 November 2026, hours 1-8.
  static std::string sixteen_hours(const std::string& number) {
    std::string csv = "leerlingnummer,datum,lesuur,soort,opmerking\n";
    for (const char* day : {"2026-11-23", "2026-11-24"})
      for (int h = 1; h <= 8; ++h)
        csv += number + "," + day + "," + std::to_string(h) + ",ongeoorloofd,\n";
    return csv;
  }

  std::string url_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<service::AuditLog> audit_;
  std::unique_ptr<service::AbsenceService> service_;
  std::string region_, municipality_, school_, other_school_;
  service::Principal coordinator_;
  service::RequestContext ctx_;
};

TEST_P(AbsenceStoreTest, ImportingTheSameFileTwiceAddsNoRowsSignalsOrTasks) {
  const auto id = pupil("1001", school_);
  const auto first = import(sixteen_hours("1001"));
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(first->rows_read, 16U);
  EXPECT_EQ(first->rows_added, 16);
  EXPECT_EQ(first->layout, "canonical");
  const long long signals = count("escalation_signals");
  EXPECT_GE(signals, 1) << "16 consecutive unauthorised hours fire at least the consecutive-hours rule";
  EXPECT_EQ(first->signals_created, signals);
  EXPECT_EQ(count("tasks"), signals);

  const auto second = import(sixteen_hours("1001"));
  ASSERT_TRUE(second) << second.error().detail;
  EXPECT_EQ(second->rows_read, 16U);
  EXPECT_EQ(second->rows_added, 0);
  EXPECT_EQ(second->signals_created, 0);
  EXPECT_EQ(count("absences"), 16);
  EXPECT_EQ(count("escalation_signals"), signals);
  EXPECT_EQ(count("tasks"), signals);
  EXPECT_EQ(count("absence_imports"), 2);
  (void)id;
}

TEST_P(AbsenceStoreTest, AStoredAbsenceKeepsItsSlotWhenTheImportBringsAnotherKind) {
  pupil("1001", school_);
  // Monday 23 November, hour 8 was registered as authorised; the file says unauthorised there too,
  // which would make 16 consecutive unauthorised hours. The stored row stays, so nothing fires.
  ASSERT_TRUE(import("leerlingnummer,datum,lesuur,soort,opmerking\n1001,2026-11-23,8,geoorloofd,\n"));
  const auto result = import(sixteen_hours("1001"));
  ASSERT_TRUE(result) << result.error().detail;
  EXPECT_EQ(result->rows_added, 15);
  EXPECT_EQ(result->signals_created, 0);
  EXPECT_EQ(count("escalation_signals"), 0);
}

TEST_P(AbsenceStoreTest, EarlierAbsencesCountTogetherWithTheImportedOnes) {
  pupil("1001", school_);
  // Monday's eight hours in one file, Tuesday's in the next: the second import completes 16.
  const std::string header = "leerlingnummer,datum,lesuur,soort,opmerking\n";
  std::string monday = header, tuesday = header;
  for (int h = 1; h <= 8; ++h) {
    monday += "1001,2026-11-23," + std::to_string(h) + ",ongeoorloofd,\n";
    tuesday += "1001,2026-11-24," + std::to_string(h) + ",ongeoorloofd,\n";
  }
  const auto first = import(monday);
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(first->signals_created, 0);
  const auto second = import(tuesday);
  ASSERT_TRUE(second) << second.error().detail;
  EXPECT_GE(second->signals_created, 1) << "8 stored and 8 imported hours are 16 consecutive hours";
}

TEST_P(AbsenceStoreTest, ABadRowLaterInTheFileStoresNothing) {
  // Many good rows first (more than one batch of 10,000 holds), then one wrong date at the end.
  std::string csv = "leerlingnummer,datum,lesuur,soort,opmerking\n";
  int rows = 0;
  for (int p = 1001; p <= 1010; ++p) {
    pupil(std::to_string(p), school_);
    for (domain::Date d{2026, 8, 17}; d <= domain::Date{2026, 11, 27}; d = domain::add_days(d, 1)) {
      for (int h = 1; h <= 12; ++h, ++rows)
        csv += std::to_string(p) + "," + domain::to_iso(d) + "," + std::to_string(h) + ",ziek,\n";
    }
  }
  ASSERT_GT(rows, 10'000);
  csv += "1001,2026-13-01,1,ziek,\n";
  const auto result = import(csv);
  ASSERT_FALSE(result);
  const auto* rejection = std::any_cast<service::ImportRejection>(&result.error().current);
  ASSERT_NE(rejection, nullptr);
  EXPECT_EQ(rejection->error_count, 1U);
  EXPECT_EQ(rejection->errors.at(0).line, static_cast<std::size_t>(rows + 2));
  EXPECT_EQ(count("absences"), 0);
  EXPECT_EQ(count("absence_imports"), 0);
  EXPECT_EQ(count("escalation_signals"), 0);
  EXPECT_EQ(count("tasks"), 0);
}

TEST_P(AbsenceStoreTest, PupilOfAnotherSchoolIsUnknownInThisSchoolsImport) {
  pupil("1001", school_);
  pupil("2002", other_school_);
  const auto result = import("leerlingnummer,datum,lesuur,soort,opmerking\n1001,2026-11-23,1,ziek,\n"
                             "2002,2026-11-23,1,ziek,\n");
  ASSERT_FALSE(result);
  const auto* rejection = std::any_cast<service::ImportRejection>(&result.error().current);
  ASSERT_NE(rejection, nullptr);
  ASSERT_EQ(rejection->errors.size(), 1U);
  EXPECT_EQ(rejection->errors[0].code, importers::ImportErrorCode::unknown_pupil);
  EXPECT_EQ(rejection->errors[0].line, 3U);
  EXPECT_EQ(count("absences"), 0);
}

TEST_P(AbsenceStoreTest, StamschoolPupilIsResolvedWithinTheHomeSchool) {
  const auto id = pupil("3003", other_school_);
  {
    store::Lease lease(*db_);
    lease.sql() << "UPDATE pupils SET home_school_id = :s WHERE id = :p", soci::use(school_), soci::use(id);
  }
  const auto result = import("leerlingnummer,datum,lesuur,soort,opmerking\n3003,2026-11-23,1,ziek,\n");
  ASSERT_TRUE(result) << result.error().detail;
  store::Lease lease(*db_);
  EXPECT_EQ(store::list_absences(lease.sql(), id, "2026-08-01", "2027-07-31").size(), 1U);
}

TEST_P(AbsenceStoreTest, LeerplichtTaskGoesToTheAttendanceOfficerRoleOfTheMunicipality) {
  const auto id = pupil("1001", school_);
  ASSERT_TRUE(import(sixteen_hours("1001")));
  store::Lease lease(*db_);
  std::string org, role, title;
  lease.sql() << "SELECT t.assignee_organisation_id, t.assignee_role, t.title FROM tasks t "
                 "JOIN escalation_signals s ON s.id = t.source_id "
                 "WHERE s.pupil_id = :p AND s.rule_code = 'consecutive_unauthorised_16'",
      soci::into(org), soci::into(role), soci::into(title), soci::use(id);
  EXPECT_EQ(org, municipality_);
  EXPECT_EQ(role, "attendance_officer");
  EXPECT_NE(title.find("16 lesuren"), std::string::npos) << title;
}

TEST_P(AbsenceStoreTest, OneAuditEventPerAffectedPupilInTheImportTransaction) {
  const auto a = pupil("1001", school_);
  const auto b = pupil("1002", school_);
  pupil("1003", school_);
  const long long before = count("audit_events");
  ASSERT_TRUE(import("leerlingnummer,datum,lesuur,soort,opmerking\n1001,2026-11-23,1,ziek,\n"
                     "1001,2026-11-23,2,ziek,\n1002,2026-11-23,1,te laat,\n"));
  EXPECT_EQ(count("audit_events"), before + 2);
  store::Lease lease(*db_);
  for (const auto& id : {a, b}) {
    long long n = 0;
    lease.sql() << "SELECT COUNT(*) FROM audit_events WHERE pupil_id = :p AND action = 'create' AND "
                   "resource = 'absences'",
        soci::into(n), soci::use(id);
    EXPECT_EQ(n, 1);
  }
  EXPECT_TRUE(store::verify_audit_chain(lease.sql()).ok);
}

TEST_P(AbsenceStoreTest, ALargeImportEvaluatesEveryPupilAsASmallOneWould) {
  // More rows than one staging batch (100,000), so the import spreads them over key ranges and
  // evaluates and writes range by range on two threads.
  pupil("9999", school_);
  const auto alone = import(sixteen_hours("9999"));
  ASSERT_TRUE(alone) << alone.error().detail;
  const long long per_pupil = alone->signals_created;
  ASSERT_GE(per_pupil, 1);

  constexpr int kPupils = 300;
  std::vector<std::string> ids;
  std::string csv = "leerlingnummer,datum,lesuur,soort,opmerking\n";
  for (int n = 0; n < kPupils; ++n) {
    const std::string number = std::to_string(2000 + n);
    ids.push_back(pupil(number, school_));
    // 40 weekdays from Monday 14 September 2026, hours 1-9: unauthorised the first two days'
    // hours 1-8 (the same sixteen hours as above), authorised otherwise.
    domain::Date day{2026, 9, 14};
    for (int d = 0; d < 40;) {
      if (domain::iso_weekday(day) <= 5) {
        for (int h = 1; h <= 9; ++h) {
          const bool unauthorised = d < 2 && h <= 8;
          csv += number + "," + domain::to_iso(day) + "," + std::to_string(h) +
                 (unauthorised ? ",ongeoorloofd,\n" : ",geoorloofd,tandarts\n");
        }
        ++d;
      }
      day = domain::add_days(day, 1);
    }
  }
  const auto big = import(csv);
  ASSERT_TRUE(big) << big.error().detail;
  EXPECT_EQ(big->rows_read, static_cast<std::size_t>(kPupils) * 40 * 9);
  EXPECT_EQ(big->rows_added, kPupils * 40 * 9);
  EXPECT_EQ(big->signals_created, per_pupil * kPupils);
  EXPECT_EQ(count("tasks"), count("escalation_signals"));
  {
    store::Lease lease(*db_);
    auto& sql = lease.sql();
    store::Transaction tx(sql, db_->dialect(), store::Transaction::Mode::Write);
    service::SignalRecorder recorder(sql, domain::Date{2026, 12, 1}, ctx_.now);
    for (const auto& id : {ids.front(), ids[kPupils / 2], ids.back()}) {
      EXPECT_EQ(store::list_all_signals(sql, id).size(), static_cast<std::size_t>(per_pupil));
      EXPECT_TRUE(recorder.evaluate(id).empty()) << "the stored rows give no signal the import missed";
    }
  }
  const auto again = import(csv);
  ASSERT_TRUE(again) << again.error().detail;
  EXPECT_EQ(again->rows_added, 0);
  EXPECT_EQ(again->signals_created, 0);
}

TEST_P(AbsenceStoreTest, InserterStoresDateLessonHourKindAndRemarkAsGivenInKeyOrder) {
  const auto p = pupil("1001", school_);
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  store::Transaction tx(sql, db_->dialect(), store::Transaction::Mode::Write);
  const long long key = store::pupil_key(sql, p);
  store::AbsenceInserter inserter(sql, {0, coordinator_.user_id, at()});
  // Out of order, a date given as text and as Date, the last day of a month and hour 16.
  inserter.add(key, domain::Date{2026, 11, 30}, 16, domain::AbsenceKind::Late, false, "bus te laat");
  inserter.add(key, "2026-09-01", 1, domain::AbsenceKind::Sick, false, "");
  inserter.add(key, domain::Date{2026, 9, 1}, 1, domain::AbsenceKind::Unauthorised, false, "dubbel");
  EXPECT_THROW(inserter.add(key, "2026-02-30", 1, domain::AbsenceKind::Sick, false, ""),
               std::invalid_argument);
  EXPECT_THROW(inserter.add(key, domain::Date{2026, 9, 2}, 0, domain::AbsenceKind::Sick, false, ""),
               std::invalid_argument);
  EXPECT_EQ(inserter.flush(), 2); // the second row for 1 September, hour 1, is a duplicate
  tx.commit();
  const auto rows = store::list_absences(sql, p, "2026-08-01", "2027-07-31");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].date, "2026-09-01");
  EXPECT_EQ(rows[0].lesson_hour, 1);
  EXPECT_EQ(rows[0].kind, "sick"); // the first of the two for one slot is kept
  EXPECT_EQ(rows[1].date, "2026-11-30");
  EXPECT_EQ(rows[1].lesson_hour, 16);
  EXPECT_EQ(rows[1].kind, "late");
  EXPECT_EQ(rows[1].remark, "bus te laat");
  EXPECT_EQ(rows[1].recorded_by, coordinator_.user_id);
}

TEST_P(AbsenceStoreTest, ImportIntoAnotherSchoolIsForbidden) {
  pupil("2002", other_school_);
  std::istringstream in("leerlingnummer,datum,lesuur,soort,opmerking\n2002,2026-11-23,1,ziek,\n");
  const auto result = service_->import(coordinator_, {other_school_, "x.csv", ""}, in, ctx_);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, core::ErrorCode::Forbidden);
  EXPECT_EQ(count("absences"), 0);
}

TEST_P(AbsenceStoreTest, SignalIsUniquePerPupilYearRuleAndOccurrence) {
  const auto id = pupil("1001", school_);
  store::Lease lease(*db_);
  store::SignalRecord s{core::new_uuid(),     id,   "2026-2027", "late_arrivals_12", 1, "2026-11-23",
                        "attendance_officer", "[]", at()};
  EXPECT_TRUE(store::insert_signal(lease.sql(), s));
  s.id = core::new_uuid();
  EXPECT_FALSE(store::insert_signal(lease.sql(), s));
  s.id = core::new_uuid();
  s.occurrence = 2;
  EXPECT_TRUE(store::insert_signal(lease.sql(), s));
}

TEST_P(AbsenceStoreTest, ManySignalsInOneGoSkipOnlyThoseAlreadyRecorded) {
  const auto id = pupil("1001", school_);
  store::Lease lease(*db_);
  store::SignalRecord recorded{core::new_uuid(),     id,   "2026-2027", "late_arrivals_12", 5, "2026-11-23",
                               "attendance_officer", "[]", at()};
  ASSERT_TRUE(store::insert_signal(lease.sql(), recorded));
  // 250 signals (three statements' worth), one of them the occurrence already recorded.
  std::vector<store::SignalRecord> signals;
  std::vector<std::string> expected;
  for (int occurrence = 1; occurrence <= 250; ++occurrence) {
    auto s = recorded;
    s.id = core::new_uuid();
    s.occurrence = occurrence;
    signals.push_back(s);
    if (occurrence != 5) expected.push_back(s.id);
  }
  auto inserted = store::insert_signals(lease.sql(), signals);
  std::sort(inserted.begin(), inserted.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(inserted, expected);
  long long n = 0;
  lease.sql() << "SELECT COUNT(*) FROM escalation_signals", soci::into(n);
  EXPECT_EQ(n, 250);
}

TEST_P(AbsenceStoreTest, EvidenceRoundTripsThroughItsJsonColumn) {
  const std::vector<domain::AbsenceKey> keys{{{2026, 11, 23}, 1}, {{2026, 11, 24}, 8}};
  EXPECT_EQ(store::evidence_json(keys),
            R"([{"date":"2026-11-23","lessonHour":1},{"date":"2026-11-24","lessonHour":8}])");
  EXPECT_EQ(store::parse_evidence_json(store::evidence_json(keys)), keys);
}

TEST_P(AbsenceStoreTest, ProtocolSaveRefusesAStaleVersion) {
  store::Lease lease(*db_);
  EXPECT_EQ(store::load_school_protocol(lease.sql(), school_).version, 1);
  EXPECT_TRUE(store::save_school_protocol(lease.sql(), school_, 1, {{"late_arrivals_12", false, 12}},
                                          coordinator_.user_id, at()));
  EXPECT_FALSE(store::save_school_protocol(lease.sql(), school_, 1, {}, coordinator_.user_id, at()));
  const auto stored = store::load_school_protocol(lease.sql(), school_);
  EXPECT_EQ(stored.version, 2);
  ASSERT_EQ(stored.rules.size(), 1U);
  EXPECT_FALSE(stored.rules[0].enabled);
}

INSTANTIATE_TEST_SUITE_P(Backends, AbsenceStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

} // namespace
