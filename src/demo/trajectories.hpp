// Demo data for the education-care trajectory: provisions from the templates, full of pupils in
// different phases (with steps forward and back), one full with a waiting list, registrations at
// each stage, and maatwerk arrangements for some of the thuiszitters. Ids are keys of the region
// (school and organisation keys, usernames, pupil indices); the import gives them database ids.
// Deterministic (region and today only), no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "demo/region.hpp"
#include "domain/arrangement.hpp"
#include "domain/intake.hpp"
#include "domain/phase_history.hpp"
#include "domain/provision.hpp"

namespace eenplan::demo {

/// An arrangement of one pupil with its phase history. In `arrangement`, school and provider ids
/// are organisation keys, coordinator_id a username, pupil_id and provision_id are empty.
struct DemoArrangement {
  std::size_t pupil = 0;
  domain::Arrangement arrangement;
  std::vector<domain::PhaseStep> steps; // evaluation_id: a label, the import makes it an id
};

/// A registration; task owners are usernames.
struct DemoRegistration {
  std::size_t pupil = 0;
  domain::Registration registration;
};

struct DemoProvision {
  domain::Provision provision; // keys as in DemoArrangement; no places or waiting list
  std::string coordinator;     // username: creates it and coordinates its arrangements
  std::vector<DemoArrangement> placed;
  std::vector<DemoRegistration> waiting; // in order, status on_waiting_list
  std::vector<DemoRegistration> open;    // registered, in observation, decided
};

struct DemoTrajectories {
  std::vector<DemoProvision> provisions;
  std::vector<DemoArrangement> tailored; // maatwerk for thuiszitters
};

DemoTrajectories trajectories(const Region& region, std::string_view today_iso);

} // namespace eenplan::demo
