// The case team as one versioned whole (migration 0012) on both databases: replacing it, the
// version that refuses a stale change, the regisseur moving without ever two at once, the accounts
// that may join, audit events with a detail that keep the hash chain intact, the open tasks that
// move with regie (migration 0016: with the timeline's system entry that records it).
#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <set>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "service/audit_log.hpp"
#include "service/case_team_service.hpp"
#include "service/task_service.hpp"
#include "store/absence_store.hpp"
#include "store/account_store.hpp"
#include "store/audit_store.hpp"
#include "store/case_team_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/organisation_store.hpp"
#include "store/pupil_store.hpp"
#include "store/task_store.hpp"

using namespace eenplan;

namespace {

class CaseTeamStoreTest : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      url_ = "sqlite:" +
             (std::filesystem::temp_directory_path() / ("eenplan-team-" + core::new_uuid() + ".db")).string();
    } else {
      const char* pg = std::getenv("EENPLAN_PG_URL");
      if (!pg) GTEST_SKIP() << "EENPLAN_PG_URL not set";
      url_ = pg;
      auto admin = store::Database::open(url_, 1);
      store::Lease lease(*admin);
      lease.sql() << "DROP SCHEMA public CASCADE";
      lease.sql() << "CREATE SCHEMA public";
    }
    db_ = store::Database::open(url_, 3); // the service, the audit log's writer, the test
    store::migrate(*db_);
    store::Lease lease(*db_);
    auto& sql = lease.sql();
    region_ = core::new_uuid();
    other_region_ = core::new_uuid();
    store::insert_region(sql, {region_, "SWV Test", "SWV 99-01"});
    store::insert_region(sql, {other_region_, "SWV Elders", "SWV 99-02"});
    store::OrganisationRecord school;
    school.id = school_ = core::new_uuid();
    school.region_id = region_;
    school.kind = "school";
    school.name = "De Regenboog";
    school.brin = "11AA";
    school.school_type = "vo";
    store::insert_organisation(sql, school, now());
    coordinator_ = user(sql, "coordinator.a", "Anna Coördinator", "school_coordinator");
    store::insert_membership(sql, coordinator_, school_, "member");
    mentor_ = user(sql, "mentor.b", "Bas Mentor", "teacher");
    care_ = user(sql, "zorg.c", "Chris Zorg", "care_provider");
    admin_ = user(sql, "beheer.d", "Dana Beheer", "swv_admin");
    blocked_ = user(sql, "oud.e", "Eva Oud", "teacher", true);
    elsewhere_ = user(sql, "elders.f", "Femke Elders", "teacher", false, other_region_);
    store::PupilRecord p;
    p.id = pupil_ = core::new_uuid();
    p.region_id = region_;
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
  std::string user(soci::session& sql, const std::string& username, const std::string& name,
                   const std::string& role, bool disabled = false, std::string region = {}) {
    const std::string id = core::new_uuid();
    store::insert_user(sql,
                       {id, region.empty() ? region_ : region, username, name, "hash", role, false, now()});
    if (disabled) store::set_user_disabled(sql, username, true);
    return id;
  }
  static store::CaseTeamRecord member(const std::string& user, const std::string& role, bool lead = false) {
    store::CaseTeamRecord m;
    m.user_id = user;
    m.case_role = role;
    m.is_case_lead = lead;
    return m;
  }

  /// A second pupil of the same school.
  std::string another_pupil(soci::session& sql) {
    store::PupilRecord p;
    p.id = core::new_uuid();
    p.region_id = region_;
    p.given_name = "Noor";
    p.family_name = "Bakker";
    p.date_of_birth = "2012-05-06";
    p.postcode = "8011 AC";
    p.school_pupil_number = "12346";
    p.status = "enrolled";
    p.enrolment_school.id = school_;
    p.created_at = p.updated_at = now();
    store::insert_pupil(sql, p);
    return p.id;
  }
  /// A signal of the absence protocol for `recipient` (rule occurrences kept apart by `n`).
  std::string signal(soci::session& sql, const std::string& pupil, const std::string& recipient, int n) {
    store::SignalRecord s{core::new_uuid(), pupil, "2026-2027", "late_arrivals_12", n, "2026-11-23",
                          recipient,        "[]",  now()};
    const std::vector<store::SignalRecord> one{s};
    store::insert_signals(sql, one);
    return s.id;
  }
  /// A task for `user` in person (or, with `role`, for that role at the school).
  std::string task(soci::session& sql, const std::string& pupil, const std::string& kind,
                   const std::string& source, const std::string& user, const std::string& status = "open",
                   const std::string& role = {}) {
    store::TaskRecord t;
    t.id = core::new_uuid();
    t.region_id = region_;
    t.pupil_id = pupil;
    t.kind = kind;
    t.title = "Taak";
    t.assignee_user_id = user;
    if (!role.empty()) {
      t.assignee_organisation_id = school_;
      t.assignee_role = role;
    }
    t.source_id = source;
    t.status = status;
    t.created_at = now();
    store::insert_task(sql, t);
    return t.id;
  }

  std::string url_, region_, other_region_, school_, pupil_;
  std::string coordinator_, mentor_, care_, admin_, blocked_, elsewhere_;
  std::unique_ptr<store::Database> db_;
};

TEST_P(CaseTeamStoreTest, ANewPupilHasAnEmptyTeamAtVersionOne) {
  store::Lease lease(*db_);
  const auto team = store::load_case_team(lease.sql(), pupil_);
  EXPECT_EQ(team.version, 1);
  EXPECT_TRUE(team.members.empty());
}

TEST_P(CaseTeamStoreTest, ReplaceStoresTheTeamAndMovesTheVersion) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  {
    store::Transaction tx(sql, db_->dialect(), store::Transaction::Mode::Write);
    ASSERT_TRUE(store::replace_case_team(
        sql, pupil_, 1,
        {member(mentor_, "mentor"), member(coordinator_, "coördinator passend onderwijs", true)}, now()));
    tx.commit();
  }
  const auto team = store::load_case_team(sql, pupil_);
  EXPECT_EQ(team.version, 2);
  ASSERT_EQ(team.members.size(), 2U);
  EXPECT_EQ(team.members[0].user_id, coordinator_) << "the regisseur first";
  EXPECT_TRUE(team.members[0].is_case_lead);
  EXPECT_EQ(team.members[0].organisation_name, "De Regenboog");
  EXPECT_EQ(team.members[1].display_name, "Bas Mentor");
  EXPECT_EQ(team.members[1].organisation_id, "") << "no membership, no organisation";
  EXPECT_EQ(team.members[1].role, "teacher");
  // The dossier's own version is untouched: a team change does not collide with a dossier edit.
  EXPECT_EQ(store::find_pupil(sql, pupil_)->version, 1);
  const auto relation = store::case_team_relation(sql, pupil_, mentor_);
  EXPECT_TRUE(relation.member);
  EXPECT_FALSE(relation.lead);
}

TEST_P(CaseTeamStoreTest, AStaleVersionChangesNothing) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  ASSERT_TRUE(store::replace_case_team(sql, pupil_, 1, {member(coordinator_, "mentor", true)}, now()));
  EXPECT_FALSE(store::replace_case_team(sql, pupil_, 1, {member(mentor_, "mentor", true)}, now()));
  const auto team = store::load_case_team(sql, pupil_);
  EXPECT_EQ(team.version, 2);
  ASSERT_EQ(team.members.size(), 1U);
  EXPECT_EQ(team.members[0].user_id, coordinator_);
}

TEST_P(CaseTeamStoreTest, RegieMovesFromOneMemberToAnotherInOneReplace) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  ASSERT_TRUE(store::replace_case_team(
      sql, pupil_, 1,
      {member(coordinator_, "coördinator passend onderwijs", true), member(care_, "jeugdhulpverlener")},
      now()));
  // The new regisseur comes first in the list: the old one must lose the flag before.
  ASSERT_TRUE(store::replace_case_team(
      sql, pupil_, 2,
      {member(care_, "jeugdhulpverlener", true), member(coordinator_, "coördinator passend onderwijs")},
      now()));
  auto team = store::load_case_team(sql, pupil_);
  ASSERT_EQ(team.members.size(), 2U);
  EXPECT_EQ(team.members[0].user_id, care_);
  EXPECT_TRUE(team.members[0].is_case_lead);
  EXPECT_FALSE(team.members[1].is_case_lead);
  // A new member who becomes regisseur while the old one leaves.
  ASSERT_TRUE(store::replace_case_team(sql, pupil_, 3, {member(mentor_, "mentor", true)}, now()));
  team = store::load_case_team(sql, pupil_);
  ASSERT_EQ(team.members.size(), 1U);
  EXPECT_EQ(team.members[0].user_id, mentor_);
  EXPECT_FALSE(store::case_team_relation(sql, pupil_, care_).member) << "removed means removed";
}

TEST_P(CaseTeamStoreTest, AMemberWhoStaysKeepsTheDateTheyJoined) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  ASSERT_TRUE(store::replace_case_team(sql, pupil_, 1, {member(coordinator_, "mentor", true)},
                                       "2026-01-05T09:00:00.000Z"));
  ASSERT_TRUE(store::replace_case_team(
      sql, pupil_, 2,
      {member(coordinator_, "coördinator passend onderwijs", true), member(mentor_, "mentor")},
      "2026-03-01T09:00:00.000Z"));
  std::string joined;
  sql << "SELECT added_at FROM case_team_members WHERE pupil_id = :p AND user_id = :u", soci::use(pupil_),
      soci::use(coordinator_), soci::into(joined);
  EXPECT_EQ(joined, "2026-01-05T09:00:00.000Z");
  EXPECT_EQ(store::load_case_team(sql, pupil_).members[0].case_role, "coördinator passend onderwijs");
}

TEST_P(CaseTeamStoreTest, TheDatabaseStillRefusesTwoRegisseurs) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  EXPECT_ANY_THROW(store::replace_case_team(
      sql, pupil_, 1, {member(coordinator_, "mentor", true), member(mentor_, "mentor", true)}, now()));
}

TEST_P(CaseTeamStoreTest, CandidatesAreTheActiveAccountsOfTheRegionWithoutTheAdmin) {
  store::Lease lease(*db_);
  const auto candidates = store::list_case_team_candidates(lease.sql(), region_);
  std::set<std::string> ids;
  for (const auto& c : candidates)
    ids.insert(c.user_id);
  EXPECT_EQ(ids, (std::set<std::string>{coordinator_, mentor_, care_}));
  for (const auto& c : candidates) {
    if (c.user_id == coordinator_) {
      EXPECT_EQ(c.organisation.name, "De Regenboog");
      EXPECT_EQ(c.organisation.kind, "school");
      EXPECT_EQ(c.role, "school_coordinator");
    }
  }
}

TEST_P(CaseTeamStoreTest, AuditDetailIsStoredAndTheChainStillVerifies) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  store::AuditEventInput plain{core::new_uuid(), now(),   coordinator_,  pupil_,
                               "read",           "pupil", "begeleiding", core::new_uuid()};
  store::AuditEventInput change = plain;
  change.id = core::new_uuid();
  change.action = "update";
  change.resource = "pupil.case_team";
  change.detail = R"({"added":[")" + mentor_ + R"("],"removed":[],"changed":[]})";
  store::append_audit_events(sql, db_->dialect(), {plain, change});
  const auto page = store::list_audit_events(sql, pupil_, 0, 10);
  ASSERT_EQ(page.items.size(), 2U);
  EXPECT_EQ(page.items[0].detail, change.detail);
  EXPECT_EQ(page.items[1].detail, "");
  EXPECT_TRUE(store::verify_audit_chain(sql).ok);
  // Without a detail the hash is the one from before the column existed: events already in a
  // trail still verify after the migration.
  std::string material;
  for (const std::string& f : {std::string("prev"), std::string("1"), plain.id, plain.at, plain.actor_id,
                               plain.pupil_id, plain.action, plain.resource, plain.purpose, plain.request_id})
    material += std::to_string(f.size()) + ":" + f;
  EXPECT_EQ(store::audit_event_hash("prev", 1, plain), core::sha256_hex(material));
  store::AuditEventInput with_detail = plain;
  with_detail.detail = "{}";
  EXPECT_NE(store::audit_event_hash("prev", 1, with_detail), core::sha256_hex(material));
}

TEST_P(CaseTeamStoreTest, HeldTasksAreTheOpenOnesOfThePupilInPersonWithTheirSignalsRecipient) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  const std::string other = another_pupil(sql);
  const std::string for_lead =
      task(sql, pupil_, "escalation_signal", signal(sql, pupil_, "mentor", 1), mentor_);
  const std::string for_duty =
      task(sql, pupil_, "escalation_signal", signal(sql, pupil_, "care_coordinator", 2), mentor_);
  const std::string without_reason = task(sql, pupil_, "follow_up", "", mentor_);
  task(sql, pupil_, "escalation_signal", signal(sql, pupil_, "mentor", 3), mentor_, "done");
  task(sql, other, "escalation_signal", signal(sql, other, "mentor", 1), mentor_);
  task(sql, pupil_, "escalation_signal", signal(sql, pupil_, "mentor", 4), "", "open", "school_coordinator");
  task(sql, pupil_, "escalation_signal", signal(sql, pupil_, "mentor", 5), coordinator_);

  auto held = store::list_open_tasks_held_by(sql, pupil_, mentor_);
  ASSERT_EQ(held.size(), 3U) << "open, of this pupil, held by the mentor in person";
  std::ranges::sort(held, {}, &store::HeldTaskRecord::id);
  std::vector<std::pair<std::string, std::string>> expected{
      {for_lead, "mentor"}, {for_duty, "care_coordinator"}, {without_reason, ""}};
  std::ranges::sort(expected);
  for (std::size_t i = 0; i < held.size(); ++i) {
    EXPECT_EQ(held[i].id, expected[i].first);
    EXPECT_EQ(held[i].signal_recipient, expected[i].second);
    EXPECT_EQ(held[i].pupil_id, pupil_);
    EXPECT_EQ(held[i].assignee_user_id, mentor_);
    EXPECT_EQ(held[i].status, "open");
  }
}

TEST_P(CaseTeamStoreTest, HandingOverMovesOpenTasksAndTheirVersionsOnly) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  const std::string open = task(sql, pupil_, "escalation_signal", signal(sql, pupil_, "mentor", 1), mentor_);
  const std::string done =
      task(sql, pupil_, "escalation_signal", signal(sql, pupil_, "mentor", 2), mentor_, "done");
  EXPECT_EQ(store::hand_over_tasks(sql, {open, done}, care_), 1) << "a closed task stays as it was";
  store::TaskAssignee care{care_, "care_provider", {}};
  const auto moved = store::find_task_for(sql, care, open);
  ASSERT_TRUE(moved.has_value());
  EXPECT_EQ(moved->version, 2) << "an open edit by the former holder is stale";
  store::TaskAssignee mentor{mentor_, "teacher", {}};
  EXPECT_FALSE(store::find_task_for(sql, mentor, open).has_value());
  EXPECT_TRUE(store::find_task_for(sql, mentor, done).has_value());
  EXPECT_EQ(store::hand_over_tasks(sql, {}, care_), 0);
}

TEST_P(CaseTeamStoreTest, ASystemEntryOfTheTimelineIsNeverChangedAndKindsStayChecked) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  store::NoteRecord entry{core::new_uuid(),
                          pupil_,
                          coordinator_,
                          "",
                          "case_team_change",
                          "Betrokkenen gewijzigd: Bas Mentor verwijderd",
                          now()};
  store::insert_note(sql, entry);
  store::NoteRecord note{core::new_uuid(), pupil_, coordinator_, "", "note", "Gesprek met ouders", now()};
  store::insert_note(sql, note);
  const auto listed = store::find_note(sql, entry.id);
  ASSERT_TRUE(listed.has_value());
  EXPECT_EQ(listed->kind, "case_team_change");
  EXPECT_EQ(listed->author_name, "Anna Coördinator");
  const auto rewrite = [&](const std::string& id) {
    sql << "UPDATE notes SET body = 'anders' WHERE id = :id", soci::use(id);
  };
  EXPECT_THROW(rewrite(entry.id), std::exception);
  rewrite(note.id);
  EXPECT_EQ(store::find_note(sql, note.id)->body, "anders") << "only system entries are fixed";
  store::NoteRecord bogus = note;
  bogus.id = core::new_uuid();
  bogus.kind = "systeem";
  EXPECT_THROW(store::insert_note(sql, bogus), std::exception) << "the kind is still checked";
  EXPECT_EQ(store::list_notes(sql, pupil_).size(), 2U);
}

TEST_P(CaseTeamStoreTest, ANewRegisseurGetsTheCaseLeadsOpenTasksAndTheTimelineSaysSo) {
  std::string for_lead_1, for_lead_2, for_duty, without_reason, done, elsewhere;
  {
    store::Lease lease(*db_);
    auto& sql = lease.sql();
    ASSERT_TRUE(store::replace_case_team(
        sql, pupil_, 1,
        {member(mentor_, "mentor", true), member(coordinator_, "coördinator passend onderwijs")}, now()));
    const std::string other = another_pupil(sql);
    store::insert_case_team_member(sql, other, member(mentor_, "mentor", true), now());
    for_lead_1 = task(sql, pupil_, "escalation_signal", signal(sql, pupil_, "mentor", 1), mentor_);
    for_lead_2 = task(sql, pupil_, "escalation_signal", signal(sql, pupil_, "mentor", 2), mentor_);
    for_duty = task(sql, pupil_, "escalation_signal", signal(sql, pupil_, "care_coordinator", 3), mentor_);
    without_reason = task(sql, pupil_, "follow_up", "", mentor_);
    done = task(sql, pupil_, "escalation_signal", signal(sql, pupil_, "mentor", 4), mentor_, "done");
    elsewhere = task(sql, other, "escalation_signal", signal(sql, other, "mentor", 1), mentor_);
  }
  service::AuditLog audit(*db_);
  service::CaseTeamService teams(*db_, audit);
  service::TaskService tasks(*db_, audit);
  const service::Principal coordinator{coordinator_,
                                       "coordinator.a",
                                       "Anna Coördinator",
                                       domain::Role::SchoolCoordinator,
                                       {{school_, "", "school", "member"}}};
  const service::Principal mentor{mentor_, "mentor.b", "Bas Mentor", domain::Role::Teacher, {}};
  const service::Principal care{care_, "zorg.c", "Chris Zorg", domain::Role::CareProvider, {}};
  service::RequestContext ctx{core::new_uuid(), "begeleiding", "", std::chrono::system_clock::now()};

  const auto changed = teams.replace(coordinator, pupil_, 2,
                                     {{mentor_, "mentor", false},
                                      {coordinator_, "coördinator passend onderwijs", false},
                                      {care_, "jeugdhulpverlener", true}},
                                     ctx);
  ASSERT_TRUE(changed) << changed.error().detail;

  const auto ids_of = [&](const service::Principal& who) {
    auto page = tasks.list(who, "open", 1, 100, ctx);
    std::set<std::string> ids;
    for (const auto& t : page->items)
      ids.insert(t.id);
    return ids;
  };
  EXPECT_EQ(ids_of(care), (std::set<std::string>{for_lead_1, for_lead_2})) << "the new regisseur's tasks";
  const auto kept = ids_of(mentor);
  EXPECT_FALSE(kept.contains(for_lead_1) || kept.contains(for_lead_2)) << "no longer the former one's";
  EXPECT_TRUE(kept.contains(for_duty)) << "a task for another duty stays";
  EXPECT_TRUE(kept.contains(without_reason)) << "a task that does not say why stays";
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  const store::TaskAssignee former{mentor_, "teacher", {}};
  EXPECT_TRUE(store::find_task_for(sql, former, done).has_value()) << "a closed task stays";
  EXPECT_TRUE(store::find_task_for(sql, former, elsewhere).has_value()) << "another pupil's task stays";

  const auto notes = store::list_notes(sql, pupil_);
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_EQ(notes[0].kind, "case_team_change");
  EXPECT_EQ(notes[0].author_id, coordinator_);
  EXPECT_EQ(notes[0].body,
            "Betrokkenen gewijzigd: Chris Zorg toegevoegd (jeugdhulpverlener); Chris Zorg is nu "
            "regisseur (was: Bas Mentor); 2 open taken overgedragen aan Chris Zorg");
  const auto trail = store::list_audit_events(sql, pupil_, 0, 20);
  const auto event = std::ranges::find(trail.items, std::string("update"), &store::AuditEventRecord::action);
  ASSERT_NE(event, trail.items.end());
  EXPECT_EQ(event->resource, "pupil.case_team");
  const auto detail = boost::json::parse(event->detail).as_object();
  std::set<std::string> handed;
  for (const auto& id : detail.at("tasksHandedOver").as_array())
    handed.insert(std::string(id.as_string()));
  EXPECT_EQ(handed, (std::set<std::string>{for_lead_1, for_lead_2}));
}

TEST_P(CaseTeamStoreTest, AChangeThatKeepsTheRegisseurMovesNoTaskAndSaysNothingOfTasks) {
  std::string for_lead;
  {
    store::Lease lease(*db_);
    auto& sql = lease.sql();
    ASSERT_TRUE(store::replace_case_team(sql, pupil_, 1, {member(mentor_, "mentor", true)}, now()));
    for_lead = task(sql, pupil_, "escalation_signal", signal(sql, pupil_, "mentor", 1), mentor_);
  }
  service::AuditLog audit(*db_);
  service::CaseTeamService teams(*db_, audit);
  const service::Principal coordinator{coordinator_,
                                       "coordinator.a",
                                       "Anna Coördinator",
                                       domain::Role::SchoolCoordinator,
                                       {{school_, "", "school", "member"}}};
  service::RequestContext ctx{core::new_uuid(), "begeleiding", "", std::chrono::system_clock::now()};
  ASSERT_TRUE(teams.replace(coordinator, pupil_, 2,
                            {{mentor_, "mentor", true}, {care_, "jeugdhulpverlener", false}}, ctx));
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  EXPECT_TRUE(store::find_task_for(sql, {mentor_, "teacher", {}}, for_lead).has_value());
  const auto notes = store::list_notes(sql, pupil_);
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_EQ(notes[0].body, "Betrokkenen gewijzigd: Chris Zorg toegevoegd (jeugdhulpverlener)");
  const auto trail = store::list_audit_events(sql, pupil_, 0, 20);
  const auto event = std::ranges::find(trail.items, std::string("update"), &store::AuditEventRecord::action);
  ASSERT_NE(event, trail.items.end());
  EXPECT_FALSE(boost::json::parse(event->detail).as_object().contains("tasksHandedOver"));
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseTeamStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

} // namespace
