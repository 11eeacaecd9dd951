// The thuiszitter register's store on both databases: round trips, access narrowing, optimistic
// versions, the absence days candidates are found in, and close-only rows (no delete, no reopen).
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/absence_store.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/homebound_settings_store.hpp"
#include "store/homebound_store.hpp"
#include "store/migrations.hpp"
#include "store/organisation_store.hpp"
#include "store/pupil_store.hpp"

using namespace eenplan;

namespace {

class HomeboundStoreTest : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      url_ = "sqlite:" +
             (std::filesystem::temp_directory_path() / ("eenplan-hb-" + core::new_uuid() + ".db")).string();
    } else {
      const char* pg = std::getenv("EENPLAN_PG_URL");
      if (!pg) GTEST_SKIP() << "EENPLAN_PG_URL not set";
      url_ = pg;
      auto admin = store::Database::open(url_, 1);
      store::Lease lease(*admin);
      lease.sql() << "DROP SCHEMA public CASCADE";
      lease.sql() << "CREATE SCHEMA public";
    }
    db_ = store::Database::open(url_, 2);
    store::migrate(*db_);
    store::Lease lease(*db_);
    auto& sql = lease.sql();
    region_ = core::new_uuid();
    store::insert_region(sql, {region_, "SWV Test", "SWV 99-01"});
    municipality_ = org(sql, "municipality", "Gemeente Testdorp", "");
    other_municipality_ = org(sql, "municipality", "Gemeente Elders", "");
    school_a_ = org(sql, "school", "De Regenboog", municipality_);
    school_b_ = org(sql, "school", "Het Kompas", municipality_);
    user_ = core::new_uuid();
    store::insert_user(sql, {user_, region_, "coordinator.a", "Anna Coördinator", "hash",
                             "school_coordinator", false, at()});
  }
  void TearDown() override {
    db_.reset();
    if (GetParam() == "sqlite" && !url_.empty()) {
      const auto path = store::sqlite_path(url_);
      for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    }
  }

  static std::string at() { return core::format_instant(std::chrono::system_clock::now()); }

  std::string org(soci::session& sql, const std::string& kind, const std::string& name,
                  const std::string& muni) {
    store::OrganisationRecord o;
    o.id = core::new_uuid();
    o.region_id = region_;
    o.kind = kind;
    o.name = name;
    o.school_type = kind == "school" ? "vo" : "";
    o.municipality_id = muni;
    store::insert_organisation(sql, o, at());
    return o.id;
  }

  std::string pupil(const std::string& school, const std::string& muni, int year_group = 2,
                    const std::string& level = "havo") {
    store::PupilRecord p;
    p.id = core::new_uuid();
    p.region_id = region_;
    p.given_name = "Sem";
    p.family_name = "de Vries";
    p.date_of_birth = "2012-03-02";
    p.postcode = "8011 AB";
    p.school_pupil_number = "12345";
    p.status = "enrolled";
    p.enrolment_school.id = school;
    p.municipality.id = muni;
    p.year_group = year_group;
    p.level = level;
    p.created_at = p.updated_at = at();
    store::Lease lease(*db_);
    store::insert_pupil(lease.sql(), p);
    return p.id;
  }

  store::HomeboundCaseRecord open_case(const std::string& pupil_id,
                                       const std::string& category = "relative_long") {
    store::HomeboundCaseRecord r;
    r.id = core::new_uuid();
    r.region_id = region_;
    r.pupil_id = pupil_id;
    r.category = category;
    r.first_day = "2026-09-07";
    r.source = "manual";
    r.registered_by = user_;
    r.registered_at = r.updated_at = at();
    store::Lease lease(*db_);
    store::insert_homebound_case(lease.sql(), r);
    return r;
  }

  std::string url_;
  std::unique_ptr<store::Database> db_;
  std::string region_, municipality_, other_municipality_, school_a_, school_b_, user_;
};

TEST_P(HomeboundStoreTest, SettingsAreVersionedAndEveryVersionIsKept) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  ASSERT_EQ(store::installation_region(sql), region_);
  const auto defaults = store::load_homebound_settings(sql, region_);
  EXPECT_EQ(defaults.version, 1);
  EXPECT_EQ(defaults.config.target_weeks, 10);
  EXPECT_TRUE(defaults.changed_by.empty());

  store::HomeboundSettingsRecord change;
  change.config.target_weeks = 8;
  change.reason = "Regionale afspraak 2027";
  change.changed_by = user_;
  change.changed_at = at();
  ASSERT_TRUE(store::insert_homebound_settings(sql, region_, 1, change));
  EXPECT_FALSE(store::insert_homebound_settings(sql, region_, 1, change)) << "a stale version must not win";
  change.config.target_weeks = 9;
  ASSERT_TRUE(store::insert_homebound_settings(sql, region_, 2, change));

  const auto now = store::load_homebound_settings(sql, region_);
  EXPECT_EQ(now.version, 3);
  EXPECT_EQ(now.config.target_weeks, 9);
  EXPECT_EQ(now.changed_by_name, "Anna Coördinator");
  const auto history = store::list_homebound_settings(sql, region_);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].config.target_weeks, 8);
  EXPECT_EQ(history[1].reason, "Regionale afspraak 2027");
}

TEST_P(HomeboundStoreTest, PupilKeepsYearGroupAndLevel) {
  const auto id = pupil(school_a_, municipality_, 3, "vmbo-k");
  store::Lease lease(*db_);
  auto p = store::find_pupil(lease.sql(), id);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->year_group, 3);
  EXPECT_EQ(p->level, "vmbo-k");
}

TEST_P(HomeboundStoreTest, CaseRoundTripsWithPupilAndSchool) {
  const auto id = pupil(school_a_, municipality_);
  auto r = open_case(id, "exemption");
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  auto found = store::find_homebound_case(sql, r.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->category, "exemption");
  EXPECT_EQ(found->first_day, "2026-09-07");
  EXPECT_EQ(found->state, "open");
  EXPECT_EQ(found->closed_on, "");
  EXPECT_EQ(found->enrolment_school.name, "De Regenboog");
  EXPECT_EQ(found->school_type, "vo");
  EXPECT_EQ(found->registered_by_name, "Anna Coördinator");
  EXPECT_EQ(found->version, 1);
}

TEST_P(HomeboundStoreTest, ListNarrowsToSchoolsOrMunicipalitiesNeverEverything) {
  open_case(pupil(school_a_, municipality_));
  open_case(pupil(school_b_, other_municipality_));
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  store::HomeboundCaseQuery q;
  EXPECT_TRUE(store::list_homebound_cases(sql, q).empty()); // no relation: nothing
  q.school_ids = {school_a_};
  EXPECT_EQ(store::list_homebound_cases(sql, q).size(), 1u);
  q = {};
  q.municipality_ids = {other_municipality_};
  auto rows = store::list_homebound_cases(sql, q);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].enrolment_school.id, school_b_);
  q = {};
  q.whole_region = true;
  EXPECT_EQ(store::list_homebound_cases(sql, q).size(), 2u);
  q.category = "absolute";
  EXPECT_TRUE(store::list_homebound_cases(sql, q).empty());
}

TEST_P(HomeboundStoreTest, StaleVersionDoesNotOverwrite) {
  auto r = open_case(pupil(school_a_, municipality_));
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  r.offer = "care_only";
  EXPECT_TRUE(store::update_homebound_case(sql, r, 1));
  r.offer = "other";
  EXPECT_FALSE(store::update_homebound_case(sql, r, 1));
  auto found = store::find_homebound_case(sql, r.id);
  EXPECT_EQ(found->offer, "care_only");
  EXPECT_EQ(found->version, 2);
}

TEST_P(HomeboundStoreTest, OneOpenCasePerPupil) {
  const auto id = pupil(school_a_, municipality_);
  open_case(id);
  EXPECT_ANY_THROW(open_case(id));
}

TEST_P(HomeboundStoreTest, RowsAreNeverDeletedAndClosedRowsAreFinal) {
  auto r = open_case(pupil(school_a_, municipality_));
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  EXPECT_ANY_THROW((sql << "DELETE FROM homebound_cases WHERE id = :id", soci::use(r.id)));
  EXPECT_ANY_THROW(
      (sql << "UPDATE homebound_cases SET first_day = '2026-10-01' WHERE id = :id", soci::use(r.id)));
  r.state = "closed";
  r.closed_on = "2026-11-01";
  r.close_reason = "placed";
  r.close_note = "Het Kompas";
  r.closed_by = user_;
  ASSERT_TRUE(store::update_homebound_case(sql, r, 1));
  // Reopening a closed case would restart a clock that already stopped: refused.
  r.state = "open";
  r.closed_on.clear();
  r.close_reason.clear();
  EXPECT_ANY_THROW(store::update_homebound_case(sql, r, 2));
  EXPECT_EQ(store::find_homebound_case(sql, r.id)->state, "closed");
}

TEST_P(HomeboundStoreTest, EscalationsAreAppendOnly) {
  auto r = open_case(pupil(school_a_, municipality_));
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  store::insert_homebound_escalation(sql, {core::new_uuid(), r.id, "taskforce", "2026-11-02", user_, "",
                                           "Huisbezoek", "Bindend geplaatst op Het Kompas", at()});
  store::insert_homebound_escalation(
      sql, {core::new_uuid(), r.id, "placement_meeting", "2026-10-01", user_, "", "Geen plek", "", at()});
  auto list = store::list_homebound_escalations(sql, r.id);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].forum, "placement_meeting"); // by date
  EXPECT_EQ(list[1].binding_decision, "Bindend geplaatst op Het Kompas");
  EXPECT_EQ(list[1].escalated_by_name, "Anna Coördinator");
  EXPECT_ANY_THROW(sql << "UPDATE homebound_escalations SET outcome = 'x'");
  EXPECT_ANY_THROW(sql << "DELETE FROM homebound_escalations");
  // Only the Taskforce takes a binding decision.
  EXPECT_ANY_THROW(store::insert_homebound_escalation(
      sql, {core::new_uuid(), r.id, "placement_meeting", "2026-10-02", user_, "", "", "bindend", at()}));
}

TEST_P(HomeboundStoreTest, UnauthorisedHoursPerDayForVisiblePupils) {
  const auto mine = pupil(school_a_, municipality_);
  const auto other = pupil(school_b_, other_municipality_);
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  auto absence = [&](const std::string& p, const std::string& date, int hour, const std::string& kind) {
    store::AbsenceInserter inserter(sql, {0, user_, at()});
    inserter.add(store::pupil_key(sql, p), date, hour, *domain::parse_absence_kind(kind), false, "");
    inserter.flush();
  };
  for (int h = 1; h <= 6; ++h)
    absence(mine, "2026-11-30", h, "unauthorised");
  absence(mine, "2026-11-30", 7, "sick");
  absence(mine, "2026-08-01", 1, "unauthorised"); // before `from`
  absence(other, "2026-11-30", 1, "unauthorised");
  auto days = store::unauthorised_absence_days(sql, "2026-08-17", {school_a_}, {});
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0].pupil_id, mine);
  EXPECT_EQ(days[0].date, "2026-11-30");
  EXPECT_EQ(days[0].unauthorised_hours, 6);
  EXPECT_TRUE(store::unauthorised_absence_days(sql, "2026-08-17", {}, {}).empty());
  EXPECT_EQ(store::unauthorised_absence_days(sql, "2026-08-17", {}, {other_municipality_}).size(), 1u);
}

TEST_P(HomeboundStoreTest, AbsenceTrendCellsPerMonthLevelAndYearGroup) {
  const auto havo2 = pupil(school_a_, municipality_, 2, "havo");
  const auto vwo1 = pupil(school_a_, municipality_, 1, "vwo");
  const auto elsewhere = pupil(school_b_, municipality_, 1, "vwo");
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  auto absence = [&](const std::string& p, const std::string& date, int hour, const std::string& kind) {
    store::AbsenceInserter inserter(sql, {0, user_, at()});
    inserter.add(store::pupil_key(sql, p), date, hour, *domain::parse_absence_kind(kind), false, "");
    inserter.flush();
  };
  absence(havo2, "2026-10-05", 1, "unauthorised");
  absence(havo2, "2026-10-05", 2, "unauthorised");
  absence(havo2, "2026-10-06", 1, "sick");
  absence(vwo1, "2026-11-02", 1, "late");
  absence(elsewhere, "2026-10-05", 1, "unauthorised");
  const auto cells = store::absence_trend_cells(sql, school_a_, "2026-08-01");
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_EQ(cells[0].month, "2026-10");
  EXPECT_EQ(cells[0].level, "havo");
  EXPECT_EQ(cells[0].year_group, 2);
  EXPECT_EQ(cells[0].unauthorised_hours, 2);
  EXPECT_EQ(cells[0].sick_hours, 1);
  EXPECT_EQ(cells[1].month, "2026-11");
  EXPECT_EQ(cells[1].late, 1);
  const auto counts = store::enrolled_pupil_counts(sql, school_a_);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].level, "havo");
  EXPECT_EQ(counts[0].pupils, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, HomeboundStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

} // namespace
