// The support route tables (migration 0007) on both databases: round trips, the database's own
// guards (one open zorgmelding per pupil, a pupil once per JES agenda) and optimistic versions.
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/organisation_store.hpp"
#include "store/pupil_store.hpp"
#include "store/support_route_store.hpp"

using namespace eenplan;

namespace {

class SupportRouteStoreTest : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      url_ =
          "sqlite:" +
          (std::filesystem::temp_directory_path() / ("eenplan-route-" + core::new_uuid() + ".db")).string();
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
    const std::string region = core::new_uuid();
    store::insert_region(sql, {region, "SWV Test", "SWV 99-01"});
    store::OrganisationRecord school;
    school.id = school_ = core::new_uuid();
    school.region_id = region;
    school.kind = "school";
    school.name = "De Regenboog";
    school.brin = "11AA";
    school.school_type = "vo";
    store::insert_organisation(sql, school, now());
    user_ = core::new_uuid();
    store::insert_user(sql, {user_, region, "coordinator.a", "Anna Coördinator", "hash", "school_coordinator",
                             false, now()});
    store::PupilRecord p;
    p.id = pupil_ = core::new_uuid();
    p.region_id = region;
    p.given_name = "Sem";
    p.family_name = "de Vries";
    p.date_of_birth = "2012-03-02";
    p.postcode = "8011 AB";
    p.school_pupil_number = "12345";
    p.status = "enrolled";
    p.enrolment_school.id = school_;
    p.created_at = p.updated_at = now();
    store::insert_pupil(sql, p);
  }
  void TearDown() override {
    db_.reset();
    if (GetParam() == "sqlite" && !url_.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(store::sqlite_path(url_) + suffix);
    }
  }
  static std::string now() { return core::format_instant(std::chrono::system_clock::now()); }

  store::ConcernRecord concern(const std::string& status = "open") {
    return {core::new_uuid(),
            pupil_,
            "2026-10-20",
            "Wat helpt Sem?",
            "Consultatie",
            "",
            status,
            user_,
            "",
            now(),
            1};
  }
  store::MeetingRecord meeting(const std::string& date) {
    return {core::new_uuid(),
            school_,
            "jes",
            date,
            "Lokaal 1.12",
            {"Orthopedagoog", "Leerplichtambtenaar"},
            user_,
            now(),
            1};
  }

  std::string url_;
  std::unique_ptr<store::Database> db_;
  std::string school_, user_, pupil_;
};

TEST_P(SupportRouteStoreTest, RouteRoundTripsOldestFirstWithActionItems) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  store::insert_route_step(sql, {core::new_uuid(), pupil_, "preventive_conversation", "2026-10-02",
                                 "Gesprek 2", "IZT: mw. De Boer", user_, "", now()});
  store::insert_route_step(sql, {core::new_uuid(), pupil_, "collegial_consultation", "2026-09-15",
                                 "Consultatie", "Mentor", user_, "", now()});
  const auto c = concern();
  store::insert_concern(sql, c);
  store::DiscussionRecord d;
  d.id = core::new_uuid();
  d.pupil_id = pupil_;
  d.concern_id = c.id;
  d.date = "2026-10-27";
  d.participants = {"Coördinator passend onderwijs", "Schoolmaatschappelijk werker"};
  d.outcome = "Opschalen";
  d.decision = "escalate_to_jes";
  d.recorded_by = user_;
  d.recorded_at = now();
  d.action_items = {{"", "Ouders informeren", "Mentor", "2026-11-03"},
                    {"", "Observatie", "IZT", "2026-11-10"}};
  store::insert_discussion(sql, d);

  const auto route = store::load_support_route(sql, pupil_);
  ASSERT_EQ(route.steps.size(), 2U);
  EXPECT_EQ(route.steps[0].kind, "collegial_consultation");
  EXPECT_EQ(route.steps[0].recorded_by_name, "Anna Coördinator");
  ASSERT_EQ(route.concerns.size(), 1U);
  EXPECT_EQ(route.concerns[0].status, "discussed") << "a zorgteam discussion closes its zorgmelding";
  ASSERT_EQ(route.discussions.size(), 1U);
  EXPECT_EQ(route.discussions[0].participants, d.participants);
  ASSERT_EQ(route.discussions[0].action_items.size(), 2U);
  EXPECT_EQ(route.discussions[0].action_items[1].owner, "IZT");
  EXPECT_EQ(store::pupils_in_route(sql, school_), std::vector<std::string>{pupil_});
}

TEST_P(SupportRouteStoreTest, DatabaseRefusesASecondOpenConcern) {
  store::Lease lease(*db_);
  store::insert_concern(lease.sql(), concern());
  EXPECT_ANY_THROW(store::insert_concern(lease.sql(), concern()));
  EXPECT_NO_THROW(store::insert_concern(lease.sql(), concern("discussed")));
}

TEST_P(SupportRouteStoreTest, PupilIsOnceOnAMeetingsAgendaAndOutcomeNeedsTheCurrentVersion) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  const auto m = meeting("2026-12-03");
  store::insert_meeting(sql, m);
  store::insert_meeting(sql, meeting("2026-09-10"));
  const std::string contact = core::new_uuid();
  store::insert_parent_contact(
      sql, {contact, pupil_, "2026-11-12", "jes", "phone", "Mentor", "", user_, "", now()});
  store::ReferralRecord r;
  r.id = core::new_uuid();
  r.pupil_id = pupil_;
  r.meeting_id = m.id;
  r.reason = "dropout_risk";
  r.question = "Welke plek past?";
  r.parent_contact_id = contact;
  r.status = "planned";
  r.referred_by = user_;
  r.referred_at = r.updated_at = now();
  store::insert_referral(sql, r);
  auto again = r;
  again.id = core::new_uuid();
  EXPECT_ANY_THROW(store::insert_referral(sql, again));

  const auto agenda = store::agenda_of(sql, m.id);
  ASSERT_EQ(agenda.size(), 1U);
  EXPECT_EQ(agenda[0].pupil_family_name, "de Vries");
  EXPECT_EQ(agenda[0].meeting_date, "2026-12-03");

  EXPECT_FALSE(store::update_referral_outcome(sql, r.id, 2, "Advies", now())) << "stale version";
  EXPECT_TRUE(store::update_referral_outcome(sql, r.id, 1, "Advies: arrangement", now()));
  const auto found = store::find_referral(sql, r.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->version, 2);
  EXPECT_EQ(found->status, "discussed");
  EXPECT_EQ(found->outcome, "Advies: arrangement");

  const auto upcoming = store::list_meetings(sql, school_, "2026-11-16");
  ASSERT_EQ(upcoming.size(), 1U);
  EXPECT_EQ(upcoming[0].members, (std::vector<std::string>{"Orthopedagoog", "Leerplichtambtenaar"}));
  EXPECT_EQ(store::list_meetings(sql, school_, "").size(), 2U);
  EXPECT_EQ(store::meeting_dates(sql, school_), (std::vector<std::string>{"2026-09-10", "2026-12-03"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, SupportRouteStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

} // namespace
