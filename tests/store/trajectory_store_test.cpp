// The trajectory tables (migration 0008) on both databases: the shipped phase models after
// migrate, round trips of arrangements (nested JSON body included), provisions with places and
// waiting list, registrations, optimistic versions, the append-only phase history.
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>

#include "../unit/trajectory_fixtures.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/arrangement_templates.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/organisation_store.hpp"
#include "store/pupil_store.hpp"
#include "store/trajectory_store.hpp"

using namespace eenplan;
namespace d = eenplan::domain;

namespace {

class TrajectoryStoreTest : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      url_ = "sqlite:" +
             (std::filesystem::temp_directory_path() / ("eenplan-traj-" + core::new_uuid() + ".db")).string();
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
    for (auto* id : {&school_, &home_school_}) {
      store::OrganisationRecord school;
      school.id = *id = core::new_uuid();
      school.region_id = region;
      school.kind = "school";
      school.name = id == &school_ ? "De Atlas" : "De Regenboog";
      school.brin = id == &school_ ? "11AA" : "22BB";
      school.school_type = "so";
      store::insert_organisation(sql, school, now());
    }
    user_ = core::new_uuid();
    store::insert_user(
        sql, {user_, region, "coordinator.a", "Anna Coördinator", "hash", "swv_consultant", false, now()});
    for (auto* id : {&pupil_, &pupil2_}) {
      store::PupilRecord p;
      p.id = *id = core::new_uuid();
      p.region_id = region;
      p.given_name = "Sem";
      p.family_name = "de Vries";
      p.date_of_birth = "2012-03-02";
      p.postcode = "8011 AB";
      p.school_pupil_number = id == &pupil_ ? "1" : "2";
      p.status = "enrolled";
      p.enrolment_school.id = home_school_;
      p.created_at = p.updated_at = now();
      store::insert_pupil(sql, p);
    }
  }
  void TearDown() override {
    db_.reset();
    if (GetParam() == "sqlite" && !url_.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(store::sqlite_path(url_) + suffix);
    }
  }
  static std::string now() { return core::format_instant(std::chrono::system_clock::now()); }

  d::Arrangement arrangement() const {
    auto a = d::testing::ready_tailored_arrangement(d::Date{2026, 9, 1});
    a.id = core::new_uuid();
    a.pupil_id = pupil_;
    a.enrolling_school_id = school_;
    a.home_school_id = home_school_;
    a.coordinator_id = user_;
    a.opp_id.clear();
    a.financing = {{d::FundingSource::MunicipalityYouthAct,
                    125000,
                    {2026, 9, 1},
                    {2027, 7, 31},
                    d::PayeeKind::ThirdParty,
                    "org-care",
                    false}};
    return a;
  }

  std::string url_;
  std::unique_ptr<store::Database> db_;
  std::string school_, home_school_, user_, pupil_, pupil2_;
};

TEST_P(TrajectoryStoreTest, MigrateSeedsTheShippedPhaseModels) {
  store::Lease lease(*db_);
  const auto models = store::list_phase_models(lease.sql());
  ASSERT_EQ(models.size(), d::default_phase_models().size());
  const auto renn4 = store::find_phase_model(lease.sql(), std::string(d::kRenn4ModelId));
  ASSERT_TRUE(renn4);
  const auto& shipped = d::renn4_phase_model();
  ASSERT_EQ(renn4->phases.size(), shipped.phases.size());
  EXPECT_EQ(renn4->phases[1].code, shipped.phases[1].code);
  EXPECT_EQ(renn4->phases[1].allowed_places, shipped.phases[1].allowed_places);
  EXPECT_EQ(renn4->phases[1].typical_hours_max, shipped.phases[1].typical_hours_max);
  EXPECT_EQ(store::phase_model_version(lease.sql(), "renn4"), 1);
  EXPECT_FALSE(store::phase_model_version(lease.sql(), "nope"));
  // Migrating again keeps a configured model.
  auto changed = *renn4;
  changed.name = "RENN4 aangepast";
  ASSERT_TRUE(store::update_phase_model(lease.sql(), changed, 1, user_, now()));
  EXPECT_FALSE(store::update_phase_model(lease.sql(), changed, 1, user_, now()));
  store::migrate(*db_);
  EXPECT_EQ(store::find_phase_model(lease.sql(), "renn4")->name, "RENN4 aangepast");
}

TEST_P(TrajectoryStoreTest, ArrangementRoundTripsWithWorkflowAndExtensions) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  auto a = arrangement();
  store::insert_arrangement(sql, a, user_, now());
  auto found = store::find_arrangement(sql, a.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->version, 1);
  EXPECT_EQ(found->coordinator_id, user_);
  EXPECT_EQ(found->phase_model_id, "renn4");
  EXPECT_EQ(found->cadence, d::kEverySixWeeks);
  ASSERT_TRUE(found->workflow.a4_plan);
  EXPECT_EQ(found->workflow.a4_plan->contributions.size(), 3U);
  EXPECT_EQ(found->workflow.a4_plan->agreed_on, a.workflow.a4_plan->agreed_on);
  EXPECT_EQ(found->workflow.exemption_needed, std::optional<bool>(false));
  ASSERT_TRUE(found->return_plan);
  EXPECT_EQ(found->return_plan->steps, a.return_plan->steps);
  ASSERT_EQ(found->financing.size(), 1U);
  EXPECT_EQ(found->financing[0].amount_cents, 125000);
  EXPECT_EQ(found->financing[0].payee, d::PayeeKind::ThirdParty);
  EXPECT_TRUE(d::check_ready_to_start(found->workflow, found->start));

  ASSERT_TRUE(d::start_arrangement(*found, 1));
  ASSERT_TRUE(store::update_arrangement(sql, *found, 1, now()));
  EXPECT_FALSE(store::update_arrangement(sql, *found, 1, now())) << "stale version must not write";
  auto ext =
      d::extend_arrangement(*found, 2, d::Date{2027, 12, 1}, "Opbouw gaat langzamer", "CvB", {2027, 6, 1});
  ASSERT_TRUE(ext);
  store::insert_extension(sql, a.id, *ext, user_, now());
  ASSERT_TRUE(store::update_arrangement(sql, *found, 2, now()));
  const auto again = store::find_arrangement(sql, a.id);
  EXPECT_EQ(again->status, d::ArrangementStatus::Active);
  ASSERT_EQ(again->extensions.size(), 1U);
  EXPECT_EQ(again->extensions[0].reason, "Opbouw gaat langzamer");
  EXPECT_EQ(again->end, (d::Date{2027, 12, 1}));
  EXPECT_EQ(store::list_active_arrangements(sql).size(), 1U);
  EXPECT_EQ(store::list_arrangements_of_pupil(sql, pupil_).size(), 1U);
  EXPECT_TRUE(store::list_arrangements_of_pupil(sql, pupil2_).empty());

  EXPECT_EQ(store::set_arrangement_opp(sql, pupil_, "opp-9"), 1);
  const auto with_opp = store::find_arrangement(sql, a.id);
  EXPECT_EQ(with_opp->opp_id, "opp-9");
  EXPECT_EQ(with_opp->version, 4);
}

TEST_P(TrajectoryStoreTest, PhaseHistoryIsAppendOnly) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  const auto a = arrangement();
  store::insert_arrangement(sql, a, user_, now());
  d::PhaseHistory history{a.phase_model_id, {}};
  const auto& model = d::renn4_phase_model();
  auto start = d::start_phase(history, model, model.phases[0].code, {2026, 9, 1}, "Plaatsing");
  ASSERT_TRUE(start);
  store::insert_phase_step(sql, a.id, pupil_, *start, user_, now());
  auto forward = d::change_phase(history, model, model.phases[1].code, {2026, 10, 15}, "Gaat goed", "eval-1");
  ASSERT_TRUE(forward);
  store::insert_phase_step(sql, a.id, pupil_, *forward, user_, now());

  const auto loaded = store::load_phase_history(sql, a.id);
  EXPECT_EQ(loaded.model_id, "renn4");
  ASSERT_EQ(loaded.steps.size(), 2U);
  EXPECT_EQ(loaded.steps[0].direction, d::StepDirection::Start);
  EXPECT_TRUE(loaded.steps[0].evaluation_id.empty());
  EXPECT_EQ(loaded.steps[1].evaluation_id, "eval-1");
  EXPECT_EQ(loaded.current_phase(), model.phases[1].code);
  EXPECT_ANY_THROW(sql << "UPDATE phase_steps SET reason = 'x'");
}

TEST_P(TrajectoryStoreTest, ProvisionKeepsPlacesAndWaitingListInOrder) {
  store::Lease lease(*db_);
  auto& sql = lease.sql();
  const auto* tpl = d::find_arrangement_template("koesterklas");
  ASSERT_NE(tpl, nullptr);
  auto p = d::provision_from_template(*tpl, {2026, 8, 1});
  p.id = core::new_uuid();
  p.name = "Koesterklas De Atlas";
  p.enrolling_school_id = school_;
  p.capacity = 4;
  store::insert_provision(sql, p, user_, now());
  auto found = store::find_provision(sql, p.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->places, p.places);
  EXPECT_EQ(found->decision_roles, p.decision_roles);
  EXPECT_EQ(found->cadence, p.cadence);

  d::Registration r;
  r.id = core::new_uuid();
  r.pupil_id = pupil_;
  r.provision_id = p.id;
  r.registered_by = "De Regenboog";
  r.registered_on = {2026, 9, 1};
  r.tasks = {{d::IntakeTaskKind::Intake, {user_}, {2026, 9, 10}, std::nullopt}};
  store::insert_registration(sql, r, user_, now());
  EXPECT_EQ(store::list_open_registrations(sql).size(), 1U);

  found->capacity = 0; // only for the store: a full provision
  auto waiting = *found;
  waiting.waiting_list = {{pupil2_, "", {2026, 9, 2}}, {pupil_, r.id, {2026, 9, 3}}};
  waiting.placed_pupil_ids = {};
  waiting.version = 2;
  ASSERT_TRUE(store::update_provision(sql, waiting, 1, now()));
  EXPECT_FALSE(store::update_provision(sql, waiting, 1, now()));
  const auto reread = store::find_provision(sql, p.id);
  ASSERT_EQ(reread->waiting_list.size(), 2U);
  EXPECT_EQ(reread->waiting_position(pupil_), 2);
  EXPECT_EQ(reread->waiting_list[1].registration_id, r.id);

  auto reg = *store::find_registration(sql, r.id);
  ASSERT_EQ(reg.tasks.size(), 1U);
  EXPECT_EQ(reg.tasks[0].owner_ids, std::vector<std::string>{user_});
  reg.status = d::RegistrationStatus::Placed;
  reg.placed_on = d::Date{2026, 10, 1};
  reg.version = 2;
  ASSERT_TRUE(store::update_registration(sql, reg, 1, now()));
  EXPECT_TRUE(store::list_open_registrations(sql).empty());
  EXPECT_EQ(store::list_registrations_of_provision(sql, p.id).at(0).placed_on, reg.placed_on);

  // A withdrawn registration keeps its reason and date, and the named deciders of its decision.
  d::Registration other;
  other.id = core::new_uuid();
  other.pupil_id = pupil2_;
  other.provision_id = p.id;
  other.registered_by = "Wijkteam";
  other.registered_on = {2026, 9, 2};
  other.decision = d::JointDecision{true, {2026, 9, 20}, {}, "Past"};
  other.decision->deciders = {d::Decider{"cvb", "", "mevr. J. de Vries"},
                              d::Decider{"municipality", user_, ""}};
  store::insert_registration(sql, other, user_, now());
  other.status = d::RegistrationStatus::Withdrawn;
  other.withdrawal = d::Withdrawal{{2026, 9, 25}, "Verhuisd naar een andere regio"};
  other.version = 2;
  ASSERT_TRUE(store::update_registration(sql, other, 1, now()));
  const auto withdrawn = store::find_registration(sql, other.id);
  ASSERT_TRUE(withdrawn && withdrawn->withdrawal);
  EXPECT_EQ(withdrawn->status, d::RegistrationStatus::Withdrawn);
  EXPECT_EQ(withdrawn->withdrawal->withdrawn_on, (d::Date{2026, 9, 25}));
  EXPECT_EQ(withdrawn->withdrawal->reason, "Verhuisd naar een andere regio");
  ASSERT_EQ(withdrawn->decision->deciders.size(), 2U);
  EXPECT_EQ(withdrawn->decision->deciders[0].name, "mevr. J. de Vries");
  EXPECT_EQ(withdrawn->decision->deciders[1].person_id, user_);
  EXPECT_FALSE(store::find_registration(sql, r.id)->withdrawal);
  EXPECT_TRUE(store::list_open_registrations(sql).empty());
}

} // namespace

INSTANTIATE_TEST_SUITE_P(Backends, TrajectoryStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
