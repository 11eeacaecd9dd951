// The education-care trajectory (migration 0008): phase models, provisions with their places and
// waiting list, registrations, arrangements with their extensions and phase history. Rows map to
// the domain types of src/domain; nested lists travel as JSON (trajectory_json.hpp, decision record
// 0005). Updates take the changed value (its version already moved on by the domain rule) and the
// version it was read at; they return false when someone else changed the row in between, so the
// caller rolls back and answers stale-version.
#pragma once

#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "domain/arrangement.hpp"
#include "domain/intake.hpp"
#include "domain/phase_history.hpp"
#include "domain/phase_model.hpp"
#include "domain/provision.hpp"

namespace eenplan::store {

// ---- phase models --------------------------------------------------------------------------------

/// Inserts the shipped models (domain::default_phase_models) that are missing; run by `migrate`,
/// so a fresh database has them. Never overwrites a model the region configured.
void seed_default_phase_models(soci::session& sql, const std::string& now);
std::vector<domain::PhaseModel> list_phase_models(soci::session& sql);
std::optional<domain::PhaseModel> find_phase_model(soci::session& sql, const std::string& id);
/// The row's version (for If-Match), nullopt when there is no such model.
std::optional<int> phase_model_version(soci::session& sql, const std::string& id);
/// The phase codes the phase histories of the model's arrangements name (as a phase or as the one
/// a step came from).
std::vector<std::string> phase_codes_in_use(soci::session& sql, const std::string& phase_model_id);
/// Replaces name, source and phases when the version is still `expected_version`.
bool update_phase_model(soci::session& sql, const domain::PhaseModel& model, int expected_version,
                        const std::string& updated_by, const std::string& now);

// ---- provisions ----------------------------------------------------------------------------------

void insert_provision(soci::session& sql, const domain::Provision& provision, const std::string& created_by,
                      const std::string& now);
/// With its placed pupils and waiting list (in position order).
std::optional<domain::Provision> find_provision(soci::session& sql, const std::string& id);
/// Every provision by name, with places and waiting lists.
std::vector<domain::Provision> list_provisions(soci::session& sql);
/// Writes `provision` (whose version is expected_version + 1) including places and waiting list.
bool update_provision(soci::session& sql, const domain::Provision& provision, int expected_version,
                      const std::string& now);

// ---- registrations (aanmelding) ------------------------------------------------------------------

void insert_registration(soci::session& sql, const domain::Registration& registration,
                         const std::string& created_by, const std::string& now);
std::optional<domain::Registration> find_registration(soci::session& sql, const std::string& id);
std::vector<domain::Registration> list_registrations_of_provision(soci::session& sql,
                                                                  const std::string& provision_id);
/// Registrations not yet placed, refused or withdrawn (registered, in observation, decided, on the
/// waiting list), oldest first: their intake and home-visit tasks feed "Mijn taken".
std::vector<domain::Registration> list_open_registrations(soci::session& sql);
bool update_registration(soci::session& sql, const domain::Registration& registration, int expected_version,
                         const std::string& now);

// ---- arrangements --------------------------------------------------------------------------------

void insert_arrangement(soci::session& sql, const domain::Arrangement& arrangement,
                        const std::string& created_by, const std::string& now);
/// With its extensions in order.
std::optional<domain::Arrangement> find_arrangement(soci::session& sql, const std::string& id);
/// Newest start first.
std::vector<domain::Arrangement> list_arrangements_of_pupil(soci::session& sql, const std::string& pupil_id);
/// Status active, by end date (for the due items of "Mijn taken").
std::vector<domain::Arrangement> list_active_arrangements(soci::session& sql);
/// Arrangements in a provision that have not ended.
/// One row per pupil placed in, waiting for or registered with the provision: the name, and the
/// pupil's current (not ended) arrangement in it with its current phase ('' when there is none).
/// One query for the whole overview, however many pupils the provision has.
struct ProvisionPupilRow {
  std::string pupil_id, given_name, family_name, school_pupil_number;
  std::string arrangement_id, arrangement_status, current_phase;
};
std::vector<ProvisionPupilRow> list_provision_pupils(soci::session& sql, const std::string& provision_id);

std::vector<domain::Arrangement> list_current_arrangements_of_provision(soci::session& sql,
                                                                        const std::string& provision_id);
/// Writes the arrangement's row (not its extensions: see insert_extension).
bool update_arrangement(soci::session& sql, const domain::Arrangement& arrangement, int expected_version,
                        const std::string& now);
/// Appends an extension (append-only table): position = the number recorded before it.
void insert_extension(soci::session& sql, const std::string& arrangement_id,
                      const domain::Extension& extension, const std::string& recorded_by,
                      const std::string& recorded_at);
/// Fills opp_id of the pupil's arrangements that have not ended (the OPP was set) and moves their
/// version on; returns how many changed.
int set_arrangement_opp(soci::session& sql, const std::string& pupil_id, const std::string& opp_id);

// ---- phase history -------------------------------------------------------------------------------

/// The arrangement's steps in order; model_id is the arrangement's phase model ("" when unknown).
domain::PhaseHistory load_phase_history(soci::session& sql, const std::string& arrangement_id);
/// Appends a step (append-only table). An empty evaluation_id is stored as NULL (the start).
void insert_phase_step(soci::session& sql, const std::string& arrangement_id, const std::string& pupil_id,
                       const domain::PhaseStep& step, const std::string& recorded_by,
                       const std::string& recorded_at);

} // namespace eenplan::store
