// The store on both databases: every test runs on SQLite and, when EENPLAN_PG_URL is set
// (scripts/with-postgres starts a real server), on PostgreSQL.
#include <cstdlib>
#include <filesystem>
#include <future>
#include <gtest/gtest.h>
#include <thread>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "service/audit_log.hpp"
#include "store/account_store.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/organisation_store.hpp"
#include "store/pupil_store.hpp"

using namespace eenplan;

namespace {

std::string url_for(const std::string& backend) {
  if (backend == "sqlite") {
    auto path = std::filesystem::temp_directory_path() / ("eenplan-store-" + core::new_uuid() + ".db");
    return "sqlite:" + path.string();
  }
  const char* pg = std::getenv("EENPLAN_PG_URL");
  return pg ? pg : "";
}

class StoreTest : public ::testing::TestWithParam<std::string> {
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
    db_ = store::Database::open(url_, 2);
    store::migrate(*db_);
    seed();
  }
  void TearDown() override {
    db_.reset();
    if (GetParam() == "sqlite" && !url_.empty()) {
      const auto path = store::sqlite_path(url_);
      for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    }
  }

  std::string at() { return core::format_instant(std::chrono::system_clock::now()); }

  void seed() {
    store::Lease lease(*db_);
    auto& sql = lease.sql();
    region_ = core::new_uuid();
    store::insert_region(sql, {region_, "SWV Test", "SWV 99-01"});
    municipality_ = org("municipality", "Gemeente Testdorp", "", "");
    school_a_ = org("school", "De Regenboog", "11AA", municipality_);
    school_b_ = org("school", "Het Kompas", "22BB", municipality_);
    user_ = core::new_uuid();
    store::insert_user(sql, {user_, region_, "coordinator.a", "Anna Coördinator", "hash",
                             "school_coordinator", false, at()});
    store::insert_membership(sql, user_, school_a_, "member");
  }

  std::string org(const std::string& kind, const std::string& name, const std::string& brin,
                  const std::string& municipality) {
    store::Lease lease(*db_);
    store::OrganisationRecord o;
    o.id = core::new_uuid();
    o.region_id = region_;
    o.kind = kind;
    o.name = name;
    o.brin = brin;
    o.school_type = kind == "school" ? "bao" : "";
    o.municipality_id = municipality;
    store::insert_organisation(lease.sql(), o, at());
    return o.id;
  }

  store::PupilRecord pupil(const std::string& given, const std::string& family, const std::string& school) {
    store::PupilRecord p;
    p.id = core::new_uuid();
    p.region_id = region_;
    p.given_name = given;
    p.family_name = family;
    p.date_of_birth = "2014-03-02";
    p.postcode = "8011 AB";
    p.school_pupil_number = "12345";
    p.status = "enrolled";
    p.enrolment_school.id = school;
    p.municipality.id = municipality_;
    p.created_at = p.updated_at = at();
    store::Lease lease(*db_);
    store::insert_pupil(lease.sql(), p);
    return p;
  }

  std::string url_;
  std::unique_ptr<store::Database> db_;
  std::string region_, municipality_, school_a_, school_b_, user_;
};

TEST_P(StoreTest, MigrationsAreIdempotent) {
  EXPECT_EQ(store::migrate(*db_), 0);
}

TEST_P(StoreTest, PupilRoundTripsWithSchoolNames) {
  auto p = pupil("Sem", "de Vries", school_a_);
  store::Lease lease(*db_);
  auto found = store::find_pupil(lease.sql(), p.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->family_name, "de Vries");
  EXPECT_EQ(found->enrolment_school.name, "De Regenboog");
  EXPECT_EQ(found->home_school.id, "");
  EXPECT_EQ(found->municipality.name, "Gemeente Testdorp");
  EXPECT_EQ(found->version, 1);
  EXPECT_FALSE(store::find_pupil(lease.sql(), core::new_uuid()));
}

// The dossier read: SQLite reads it through its own handle, PostgreSQL through SOCI; both must
// give every column, every list in its order, and the reader's place on the case team.
TEST_P(StoreTest, DossierReadGivesEveryListInOrderAndTheReadersRelation) {
  auto p = pupil("Sem", "de Vries", school_a_);
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  sql << "UPDATE pupils SET home_school_id = :h, year_group = 7, level = 'bao', load_capacity = 'wisselend', "
         "care_history = 'eerder ambulant' WHERE id = :id",
      soci::use(school_b_), soci::use(p.id);
  store::replace_guardians(sql, p.id,
                           {{core::new_uuid(), "Mira de Vries", "moeder", "06-1", "m@voorbeeld.nl"},
                            {core::new_uuid(), "Bas de Vries", "vader", "", ""}});
  store::replace_support_needs(sql, p.id,
                               {{core::new_uuid(), "structure_predictability", "Een vaste dagstart."},
                                {core::new_uuid(), "relation_first", "Eerst contact."}});
  store::replace_factors(sql, p.id,
                         {{core::new_uuid(), "hindering", "school", "Veel invallers."},
                          {core::new_uuid(), "promoting", "family", "Steunende oma."},
                          {core::new_uuid(), "hindering", "pupil", "Spanning rond toetsen."}});
  const std::string other = core::new_uuid();
  store::insert_user(sql, {other, region_, "mentor.a", "Bas Mentor", "hash", "teacher", false, at()});
  store::insert_membership(sql, other, school_a_, "member");
  store::insert_case_team_member(sql, p.id, {other, "", "", "", "", "", "mentor", false}, at());
  store::insert_case_team_member(sql, p.id, {user_, "", "", "", "", "", "regisseur", true}, at());

  auto found = store::find_pupil_for(sql, p.id, other);
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->relation.member);
  EXPECT_FALSE(found->relation.lead);
  EXPECT_TRUE(store::find_pupil_for(sql, p.id, user_)->relation.lead);
  EXPECT_FALSE(store::find_pupil_for(sql, p.id, core::new_uuid())->relation.member);
  EXPECT_FALSE(store::find_pupil_for(sql, core::new_uuid(), user_));

  auto& r = found->pupil;
  EXPECT_EQ(r.id, p.id);
  EXPECT_EQ(r.given_name, "Sem");
  EXPECT_EQ(r.date_of_birth, "2014-03-02");
  EXPECT_EQ(r.enrolment_school.name, "De Regenboog");
  EXPECT_EQ(r.enrolment_school.kind, "school");
  EXPECT_EQ(r.home_school.name, "Het Kompas");
  EXPECT_EQ(r.municipality.name, "Gemeente Testdorp");
  EXPECT_EQ(r.year_group, 7);
  EXPECT_EQ(r.level, "bao");
  EXPECT_EQ(r.load_capacity, "wisselend");
  EXPECT_EQ(r.care_history, "eerder ambulant");
  EXPECT_EQ(r.version, 1);

  store::load_pupil_details(sql, r);
  ASSERT_EQ(r.guardians.size(), 2u);
  EXPECT_EQ(r.guardians[0].name, "Mira de Vries");
  EXPECT_EQ(r.guardians[0].email, "m@voorbeeld.nl");
  EXPECT_EQ(r.guardians[1].phone, "");
  ASSERT_EQ(r.case_team.size(), 2u);
  EXPECT_EQ(r.case_team[0].display_name, "Anna Coördinator") << "the case lead comes first";
  EXPECT_TRUE(r.case_team[0].is_case_lead);
  EXPECT_EQ(r.case_team[0].organisation_name, "De Regenboog");
  EXPECT_EQ(r.case_team[1].case_role, "mentor");
  EXPECT_FALSE(r.case_team[1].is_case_lead);
  ASSERT_EQ(r.support_needs.size(), 2u);
  EXPECT_EQ(r.support_needs[1].category, "relation_first");
  ASSERT_EQ(r.factors.size(), 3u);
  EXPECT_EQ(r.factors[0].description, "Veel invallers.");
  EXPECT_EQ(r.factors[2].area, "pupil");

  // A second read of the same connection's cached statements gives the same, not twice as much.
  store::load_pupil_details(sql, r);
  EXPECT_EQ(r.guardians.size(), 2u);
  EXPECT_EQ(r.factors.size(), 3u);
}

TEST_P(StoreTest, StaleVersionDoesNotOverwrite) {
  auto p = pupil("Sem", "de Vries", school_a_);
  store::Lease lease(*db_);
  p.given_name = "Semmy";
  EXPECT_TRUE(store::update_pupil(lease.sql(), p, 1));
  p.given_name = "Sam";
  EXPECT_FALSE(store::update_pupil(lease.sql(), p, 1)) << "version 1 is stale after the first update";
  auto found = store::find_pupil(lease.sql(), p.id);
  EXPECT_EQ(found->given_name, "Semmy");
  EXPECT_EQ(found->version, 2);
}

TEST_P(StoreTest, ListNarrowsToGrantedRelationsAndSearchesWithoutAccents) {
  pupil("Çağrı", "Yılmaz", school_a_);
  pupil("Eva", "Jansen", school_a_);
  pupil("Noah", "Bakker", school_b_);
  store::Lease lease(*db_);
  store::PupilListQuery q;
  q.school_ids = {school_a_};
  auto page = store::list_pupils(lease.sql(), q);
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].family_name, "Jansen"); // sorted by family name
  q.search = "cagri";
  page = store::list_pupils(lease.sql(), q);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].given_name, "Çağrı");
  store::PupilListQuery none; // no relation at all
  EXPECT_EQ(store::list_pupils(lease.sql(), none).total, 0);
}

TEST_P(StoreTest, ListMatchesCaseTeamAndPages) {
  auto p = pupil("Noah", "Bakker", school_b_);
  for (int i = 0; i < 5; ++i)
    pupil("Kind" + std::to_string(i), "Achternaam", school_b_);
  store::Lease lease(*db_);
  store::CaseTeamRecord m;
  m.user_id = user_;
  m.case_role = "regisseur";
  m.is_case_lead = true;
  store::insert_case_team_member(lease.sql(), p.id, m, at());
  store::PupilListQuery q;
  q.case_team_user_id = user_;
  EXPECT_EQ(store::list_pupils(lease.sql(), q).total, 1);
  q.case_team_user_id.clear();
  q.school_ids = {school_b_};
  q.limit = 2;
  q.offset = 4;
  auto page = store::list_pupils(lease.sql(), q);
  EXPECT_EQ(page.total, 6);
  EXPECT_EQ(page.items.size(), 2u);
  auto rel = store::case_team_relation(lease.sql(), p.id, user_);
  EXPECT_TRUE(rel.member);
  EXPECT_TRUE(rel.lead);
}

TEST_P(StoreTest, DatabaseRefusesASecondCaseLead) {
  auto p = pupil("Noah", "Bakker", school_b_);
  store::Lease lease(*db_);
  const std::string other = core::new_uuid();
  store::insert_user(lease.sql(), {other, region_, "mentor.b", "Bas Mentor", "hash", "teacher", false, at()});
  store::CaseTeamRecord lead{user_, "", "", "", "", "", "regisseur", true};
  store::insert_case_team_member(lease.sql(), p.id, lead, at());
  store::CaseTeamRecord second{other, "", "", "", "", "", "mentor", true};
  EXPECT_ANY_THROW(store::insert_case_team_member(lease.sql(), p.id, second, at()));
}

TEST_P(StoreTest, NotesComeNewestFirst) {
  auto p = pupil("Eva", "Jansen", school_a_);
  store::Lease lease(*db_);
  store::insert_note(lease.sql(),
                     {core::new_uuid(), p.id, user_, "", "note", "eerste", "2026-01-01T10:00:00.000Z"});
  store::insert_note(lease.sql(),
                     {core::new_uuid(), p.id, user_, "", "meeting", "tweede", "2026-02-01T10:00:00.000Z"});
  auto notes = store::list_notes(lease.sql(), p.id);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].body, "tweede");
  EXPECT_EQ(notes[0].author_name, "Anna Coördinator");
}

TEST_P(StoreTest, AuditChainVerifiesAndIsAppendOnly) {
  auto p = pupil("Eva", "Jansen", school_a_);
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  for (int batch = 0; batch < 3; ++batch) {
    store::Transaction tx(sql, db_->dialect(), store::Transaction::Mode::Write);
    std::vector<store::AuditEventInput> events;
    for (int i = 0; i < 4; ++i) {
      events.push_back(
          {core::new_uuid(), at(), user_, p.id, "read", "pupil", "begeleiding", core::new_uuid()});
    }
    store::append_audit_events(sql, db_->dialect(), events);
    tx.commit();
  }
  auto check = store::verify_audit_chain(sql);
  EXPECT_TRUE(check.ok) << check.problem;
  EXPECT_EQ(check.events, 12);
  auto page = store::list_audit_events(sql, p.id, 0, 5);
  EXPECT_EQ(page.total, 12);
  ASSERT_EQ(page.items.size(), 5u);
  EXPECT_EQ(page.items[0].seq, 12);
  EXPECT_EQ(page.items[0].actor_name, "Anna Coördinator");
  EXPECT_EQ(page.items[0].actor_organisation_name, "De Regenboog");
  EXPECT_ANY_THROW(sql << "UPDATE audit_events SET purpose = 'x' WHERE seq = 3");
  EXPECT_ANY_THROW(sql << "DELETE FROM audit_events WHERE seq = 12");
  std::vector<store::AuditEventInput> unknown{
      {core::new_uuid(), at(), user_, p.id, "delete", "pupil", "begeleiding", core::new_uuid()}};
  EXPECT_ANY_THROW(store::append_audit_events(sql, db_->dialect(), unknown)) << "read, create or update only";
}

TEST_P(StoreTest, AuditVerifyFindsATamperedEvent) {
  auto p = pupil("Eva", "Jansen", school_a_);
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  {
    store::Transaction tx(sql, db_->dialect(), store::Transaction::Mode::Write);
    std::vector<store::AuditEventInput> events;
    for (int i = 0; i < 3; ++i)
      events.push_back({core::new_uuid(), at(), user_, p.id, "read", "pupil", "begeleiding", "r"});
    store::append_audit_events(sql, db_->dialect(), events);
    tx.commit();
  }
  // Someone with database access bypasses the guard and rewrites history.
  if (db_->dialect() == store::Dialect::Sqlite) {
    sql << "DROP TRIGGER audit_events_no_update";
  } else {
    sql << "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update";
  }
  sql << "UPDATE audit_events SET actor_id = 'someone-else' WHERE seq = 2";
  auto check = store::verify_audit_chain(sql);
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.first_bad_seq, 2);
}

TEST_P(StoreTest, SessionsEndAndUsersDisable) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  store::insert_session(sql, {"hash1", user_, at(), at(), false});
  auto s = store::find_session(sql, "hash1");
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->ended);
  store::end_user_sessions(sql, user_, at());
  EXPECT_TRUE(store::find_session(sql, "hash1")->ended);
  EXPECT_TRUE(store::set_user_disabled(sql, "coordinator.a", true));
  EXPECT_TRUE(store::find_user_by_username(sql, "coordinator.a")->disabled);
  EXPECT_FALSE(store::set_user_disabled(sql, "nobody", true));
}

// The group commit as the server uses it: readers on many threads, some waiting behind a gate,
// some blocking. Every read gets its event, in one unbroken chain.
TEST_P(StoreTest, AuditGroupCommitKeepsEveryReadOfManyThreadsInOneChain) {
  auto p = pupil("Eva", "Jansen", school_a_);
  constexpr int kThreads = 8;
  constexpr int kReads = 40;
  {
    service::AuditLog audit(*db_);
    std::vector<std::thread> readers;
    for (int t = 0; t < kThreads; ++t) {
      readers.emplace_back([&, t] {
        for (int i = 0; i < kReads; ++i) {
          std::vector<store::AuditEventInput> read{
              {core::new_uuid(), at(), user_, p.id, "read", "pupil", "begeleiding", core::new_uuid()}};
          if (t % 2 == 0) {
            audit.record_reads_now(std::move(read));
            continue;
          }
          std::promise<bool> opened;
          {
            service::ReadGateScope scope;
            audit.record_reads(std::move(read));
            scope.gate()->on_open([&](bool ok) { opened.set_value(ok); });
          }
          EXPECT_TRUE(opened.get_future().get());
        }
      });
    }
    for (auto& r : readers)
      r.join();
  }
  store::Lease lease(*db_);
  const auto check = store::verify_audit_chain(lease.sql());
  EXPECT_TRUE(check.ok) << check.problem;
  EXPECT_EQ(check.events, kThreads * kReads);
}

// The writer gathers a batch for a moment under load; a read on its own must not wait for
// others that never come.
TEST_P(StoreTest, AuditOfALoneReadIsCommittedWithoutWaitingForABatch) {
  auto p = pupil("Eva", "Jansen", school_a_);
  service::AuditLog audit(*db_);
  auto lone = std::async(std::launch::async, [&] {
    audit.record_reads_now(
        {{core::new_uuid(), at(), user_, p.id, "read", "pupil", "begeleiding", core::new_uuid()}});
  });
  ASSERT_EQ(lone.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  store::Lease lease(*db_);
  EXPECT_EQ(store::list_audit_events(lease.sql(), p.id, 0, 5).total, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

} // namespace
