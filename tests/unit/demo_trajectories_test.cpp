// The trajectory part of the demo region: a full provision with a waiting list, pupils in phases
// that went forward and back, registrations at each stage, and thuiszitters left without an offer.
#include <gtest/gtest.h>

#include <set>

#include "demo/trajectories.hpp"
#include "domain/arrangement.hpp"

using namespace eenplan;

namespace {

const demo::Region& region() {
  static const demo::Region r = demo::generate(7, 3000, "2026-11-23");
  return r;
}

TEST(DemoTrajectories, OneProvisionIsFullWithAWaitingList) {
  const auto t = demo::trajectories(region(), region().today);
  ASSERT_GE(t.provisions.size(), 3U);
  bool full_with_waiting = false;
  for (const auto& p : t.provisions) {
    EXPECT_LE(static_cast<int>(p.placed.size()), p.provision.capacity) << "capacity is never exceeded";
    if (static_cast<int>(p.placed.size()) == p.provision.capacity && !p.waiting.empty())
      full_with_waiting = true;
  }
  EXPECT_TRUE(full_with_waiting);
}

TEST(DemoTrajectories, PhasesGoForwardAndBackAndEveryActiveArrangementHasACoordinator) {
  const auto t = demo::trajectories(region(), region().today);
  bool back = false, forward = false;
  std::set<domain::RegistrationStatus> stages;
  for (const auto& p : t.provisions) {
    for (const auto& a : p.placed) {
      EXPECT_FALSE(a.arrangement.coordinator_id.empty());
      for (const auto& s : a.steps) {
        back |= s.direction == domain::StepDirection::Back;
        forward |= s.direction == domain::StepDirection::Forward;
      }
    }
    for (const auto& r : p.open)
      stages.insert(r.registration.status);
  }
  EXPECT_TRUE(back);
  EXPECT_TRUE(forward);
  EXPECT_EQ(stages.size(), 3U) << "registered, in observation and decided";
}

TEST(DemoTrajectories, SomeThuiszittersKeepWaitingForAnOffer) {
  const auto t = demo::trajectories(region(), region().today);
  std::set<std::size_t> with;
  for (const auto& a : t.tailored)
    with.insert(a.pupil);
  int without = 0;
  for (const auto& c : region().homebound_cases)
    without += c.state == "open" && !with.contains(c.pupil) ? 1 : 0;
  EXPECT_FALSE(t.tailored.empty());
  EXPECT_GE(without, 3);
}

} // namespace
