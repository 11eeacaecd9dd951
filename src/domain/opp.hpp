// Ontwikkelingsperspectief (OPP), goals and the handelingsdeel (M10; rules.md §3).
//
// Versioned: a set OPP is never edited; a bijstelling is a new revision (same id, revision + 1)
// that is set again, with the parents' agreement again, because instemmingsrecht applies "at vaststelling
// and bijstelling" (rules.md §3). Which school types: the OPP exists for bao (extra support), sbo,
// so, vso, vo and pro; Wet 34446 (instemmingsrecht on the handelingsdeel, 1 Aug 2017) amended the
// WPO, the WEC (so/vso) and the WVO alike, so every school type with an OPP needs the agreement;
// mbo has no OPP. When the pupil is of age (18+) the pupil, not the parent, gives that agreement.
// The pupil's right to be heard (Wet 36443) applies to OPPs set from 1 Aug 2025.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/pupil.hpp"
#include "domain/roles.hpp"
#include "domain/trajectory_error.hpp"
#include "domain/transition.hpp"

namespace eenplan::domain {

/// Didactic, social-emotional (seed 000: "twee SE-doelen per jaar"), work attitude (werkhouding),
/// self-reliance (zelfredzaamheid, seed 001 RENN4 "maatschappijvaardig").
enum class GoalArea { Didactic, SocialEmotional, WorkAttitude, SelfReliance };
/// "didactic" | "social_emotional" | "work_attitude" | "self_reliance"
std::string_view to_string(GoalArea area);
std::optional<GoalArea> parse_goal_area(std::string_view text);

/// A SMART goal (seed 003 HGW): specific text, a measure, a target date, an owner.
struct Goal {
  std::string id; // stable over OPP versions, so evaluations follow a goal
  GoalArea area = GoalArea::Didactic;
  std::string text;
  std::string measure;
  std::optional<Date> target_date;
  std::string owner_id;
};

inline constexpr std::size_t kMinGoalTextCodePoints = 15;

/// The structural SMART check, against `today`: text of ≥ 15 code points (goal-text-too-vague), a
/// measure (goal-measure-required), a target date after today and within a year
/// (goal-target-date-invalid), an owner (goal-owner-required). `field` is e.g. "goals[0]".
Checked<void> check_smart(const Goal& goal, Date today, const std::string& field);

enum class AgreementMethod { Signature, DigitalApproval, RecordedConversation };
/// "signature" | "digital_approval" | "recorded_conversation"
std::string_view to_string(AgreementMethod method);
std::optional<AgreementMethod> parse_agreement_method(std::string_view text);

enum class Signatory { Parent, AdultPupil };
/// "parent" | "adult_pupil"
std::string_view to_string(Signatory signatory);
std::optional<Signatory> parse_signatory(std::string_view text);

/// Instemming with the handelingsdeel: who, when, how (rules.md §3: "store consent per version with
/// date and signatory").
struct ParentAgreement {
  std::string given_by; // guardian id or name
  Signatory signatory = Signatory::Parent;
  Date agreed_on;
  AgreementMethod how = AgreementMethod::Signature;
};

/// Handelingsdeel: the support the school offers and deviations from the programme.
struct ActionPart {
  std::string support_offered;
  std::string programme_deviations;
  std::optional<ParentAgreement> agreement;
};

/// Hoorrecht: the pupil was given the chance to say what they think of the OPP.
struct PupilHearing {
  Date heard_on;
  std::string views; // may be empty when the pupil chose not to give them
};

struct OppFactor {
  FactorKind kind = FactorKind::Promoting;
  std::string description;
};

enum class OppStatus { Draft, Set };
/// "draft" | "set"
std::string_view to_string(OppStatus status);
std::optional<OppStatus> parse_opp_status(std::string_view text);

struct Opp {
  std::string id;
  std::string pupil_id;
  int version = 1;  // optimistic concurrency: every change bumps it
  int revision = 1; // the document's version: 1 for the first OPP, + 1 per bijstelling
  OppStatus status = OppStatus::Draft;
  ExitPerspective exit_perspective;
  std::vector<std::string> support_needs; // support-need category codes
  std::vector<OppFactor> factors;
  std::string work_attitude; // werkhouding (seed 000)
  std::vector<Goal> goals;
  ActionPart action_part;
  std::optional<PupilHearing> pupil_hearing;
  std::optional<Date> set_on;       // this version
  std::optional<Date> first_set_on; // the first version ever set (the 6-week deadline)

  const Goal* find_goal(std::string_view goal_id) const;
};

inline constexpr Date kPupilHearingRequiredFrom{2025, 8, 1};
inline constexpr int kOppDeadlineDays = 42;

/// Whether the law has an OPP for the school type (not for mbo).
bool opp_applies(SchoolType type);
/// Whether setting the OPP needs agreement with the handelingsdeel (every type with an OPP).
bool requires_action_part_agreement(SchoolType type);
/// The OPP is set within 6 weeks after placement (rules.md §3).
Date opp_deadline(Date placement);

/// Draft → Set on `today`. Refused: stale (stale-version); already set (opp-already-set); mbo
/// (opp-not-applicable); no reasoning for the exit perspective (exit-perspective-reasoning-
/// required); not at least one promoting and one hindering factor (factors-required); no goals
/// (goals-required) or a goal that is not SMART; no handelingsdeel (action-part-required); no
/// agreement, or an agreement after today, or by the pupil while under 18 on that day
/// (parent-agreement-required); from 1 Aug 2025 without a recorded hearing of the pupil
/// (pupil-not-heard). `pupil_birth_date` is needed only to accept an adult pupil's agreement.
Checked<void> set_opp(Opp& opp, int expected_version, SchoolType school_type, Date today,
                      std::optional<Date> pupil_birth_date = std::nullopt);

/// A new draft revision to bijstellen a set OPP (opp-not-set for a draft; stale-version): same id and
/// goals, revision + 1, agreement and hearing cleared (they are given again for the new revision).
Checked<Opp> revise_opp(const Opp& current, int expected_version);

} // namespace eenplan::domain
