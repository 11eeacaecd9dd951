// Pupil rules: validation and normalisation the API layer calls before anything is stored.
//
// Every check answers with a stable field error code (contract: "Field error codes"); the API layer
// adds the field name and the Dutch reason from the message catalogue.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"

namespace eenplan::domain {

// ---- field errors ------------------------------------------------------------------------------

enum class FieldErrorCode {
  Required,     // "required"
  InvalidType,  // "invalid-type"
  InvalidDate,  // "invalid-date"
  TooLong,      // "too-long"
  TooShort,     // "too-short"
  InvalidValue, // "invalid-value": not in the enum / not a valid value (e.g. bad UTF-8, postcode)
  OutOfRange,   // "out-of-range"
  UnknownField, // "unknown-field"
};

std::string_view to_string(FieldErrorCode code);

/// The result of a check: nullopt when the value is fine, else why it is rejected.
/// (Not std::expected: libstdc++ 12's <expected> is empty under clang 14, which builds the fuzz
/// targets and runs clang-tidy.)
using FieldCheck = std::optional<FieldErrorCode>;

// ---- text --------------------------------------------------------------------------------------

/// Length limits in Unicode code points. `multiline` texts may contain \n, \r and \t; single-line
/// texts (names, numbers) may not.
struct TextLimit {
  std::size_t min;
  std::size_t max;
  bool multiline;
};

inline constexpr TextLimit kGivenNameLimit{1, 100, false};
inline constexpr TextLimit kFamilyNameLimit{1, 100, false};
inline constexpr TextLimit kSchoolPupilNumberLimit{1, 32, false};
inline constexpr TextLimit kLoadCapacityLimit{0, 4000, true};
inline constexpr TextLimit kCareHistoryLimit{0, 8000, true};
inline constexpr TextLimit kNoteBodyLimit{1, 10000, true};
inline constexpr TextLimit kSupportNeedDescriptionLimit{1, 2000, true};
inline constexpr TextLimit kFactorDescriptionLimit{1, 2000, true};

/// Number of code points in well-formed UTF-8 (no overlong forms, no surrogates, ≤ U+10FFFF);
/// nullopt when the bytes are not well-formed UTF-8.
std::optional<std::size_t> count_code_points(std::string_view utf8);

/// Checks, in this order: well-formed UTF-8 and no control characters (Unicode Cc: U+0000–U+001F,
/// U+007F–U+009F) other than \n \r \t → else InvalidValue; then the length in code points:
/// < min → TooShort, > max → TooLong.
[[nodiscard]] FieldCheck check_length(std::string_view utf8, std::size_t min, std::size_t max);

/// check_length with the limit's bounds; single-line limits also reject \n, \r and \t
/// (InvalidValue).
[[nodiscard]] FieldCheck check_text(std::string_view utf8, TextLimit limit);

// ---- postcode ----------------------------------------------------------------------------------

/// Dutch postcode in canonical form "1234 AB", from input like "1234ab", "1234 ab", " 1234AB ".
/// Surrounding ASCII whitespace is ignored; at most one space between digits and letters.
/// Rejects a leading 0 and the letter pairs SA, SD and SS (never issued). Else nullopt.
std::optional<std::string> normalise_postcode(std::string_view text);

// ---- date of birth -----------------------------------------------------------------------------

inline constexpr Date kEarliestDateOfBirth{1990, 1, 1};

/// Not after `today` and not before kEarliestDateOfBirth → else OutOfRange. Precondition: valid.
/// (Unparseable text is InvalidDate: parse with parse_iso_date first.)
[[nodiscard]] FieldCheck validate_date_of_birth(Date dob, Date today);

// ---- enumerations ------------------------------------------------------------------------------

enum class PupilStatus { Enrolled, NotEnrolled, Exempted, Left };
inline constexpr PupilStatus kAllPupilStatuses[] = {PupilStatus::Enrolled, PupilStatus::NotEnrolled,
                                                    PupilStatus::Exempted, PupilStatus::Left};
/// "enrolled" | "not_enrolled" | "exempted" | "left"
std::string_view to_string(PupilStatus status);
std::optional<PupilStatus> parse_pupil_status(std::string_view text);
/// Ingeschreven | Niet ingeschreven | Vrijgesteld | Uitgeschreven
std::string_view dutch_label(PupilStatus status);

/// Bevorderende / belemmerende factoren.
enum class FactorKind { Promoting, Hindering };
inline constexpr FactorKind kAllFactorKinds[] = {FactorKind::Promoting, FactorKind::Hindering};
/// "promoting" | "hindering"
std::string_view to_string(FactorKind kind);
std::optional<FactorKind> parse_factor_kind(std::string_view text);
/// Bevorderend | Belemmerend
std::string_view dutch_label(FactorKind kind);

enum class FactorArea { Pupil, Family, School, Environment };
inline constexpr FactorArea kAllFactorAreas[] = {FactorArea::Pupil, FactorArea::Family, FactorArea::School,
                                                 FactorArea::Environment};
/// "pupil" | "family" | "school" | "environment"
std::string_view to_string(FactorArea area);
std::optional<FactorArea> parse_factor_area(std::string_view text);
/// Leerling | Gezin | School | Omgeving
std::string_view dutch_label(FactorArea area);

/// CaseTeamChange is a system entry: written with a change of the case team, never by a person.
enum class NoteKind { Note, Conversation, Meeting, Decision, CaseTeamChange };
inline constexpr NoteKind kAllNoteKinds[] = {NoteKind::Note, NoteKind::Conversation, NoteKind::Meeting,
                                             NoteKind::Decision, NoteKind::CaseTeamChange};
inline constexpr NoteKind kDefaultNoteKind = NoteKind::Note;
/// "note" | "conversation" | "meeting" | "decision" | "case_team_change"
std::string_view to_string(NoteKind kind);
std::optional<NoteKind> parse_note_kind(std::string_view text);
/// Notitie | Gesprek | Overleg | Besluit | Wijziging betrokkenen
std::string_view dutch_label(NoteKind kind);
/// An entry the system writes: a person can neither add one nor change it.
bool is_system_entry(NoteKind kind);
/// A kind a person may give their own note (every kind but the system entries).
std::optional<NoteKind> parse_personal_note_kind(std::string_view text);

// ---- support needs -----------------------------------------------------------------------------

/// Ondersteuningsbehoefte: what the pupil needs (never a diagnosis). Labels are Dutch (served by
/// GET /api/v1/support-need-categories in this order).
struct SupportNeedCategory {
  std::string_view code;
  std::string_view label;
};

inline constexpr std::array<SupportNeedCategory, 13> kSupportNeedCategories{{
    {"structure_predictability", "Structuur en voorspelbaarheid"},
    {"small_group", "Onderwijs in een kleine groep"},
    {"individual_instruction", "Individuele instructie en begeleiding"},
    {"emotion_regulation", "Hulp bij het reguleren van emoties"},
    {"social_skills", "Hulp bij sociale vaardigheden en contact met anderen"},
    {"gradual_build_up", "Geleidelijke opbouw van onderwijstijd"},
    {"low_stimulus_environment", "Een prikkelarme leeromgeving"},
    {"care_in_school", "Zorg of behandeling binnen de school"},
    {"executive_functions", "Hulp bij plannen, organiseren en taakaanpak"},
    {"language_support", "Ondersteuning bij taal en communicatie"},
    {"physical_care", "Lichamelijke verzorging of medische handelingen"},
    {"relation_first", "Eerst een vertrouwensrelatie opbouwen"},
    {"other", "Anders"},
}};

bool is_support_need_category(std::string_view code);
std::optional<std::string_view> support_need_label(std::string_view code);

// ---- case team ---------------------------------------------------------------------------------

/// One member of a pupil's case team (betrokkenen); the case lead is the regisseur.
struct CaseTeamEntry {
  std::string user_id;
  std::string case_role; // free text, e.g. "mentor", "jeugdhulp"
  bool is_case_lead = false;
};

enum class CaseTeamError {
  NoCaseLead,      // "no-case-lead": a non-empty team without a case lead
  TwoCaseLeads,    // "two-case-leads": more than one case lead
  DuplicateMember, // "duplicate-member": a user is on the team twice
};
std::string_view to_string(CaseTeamError error);

/// nullopt (ok) when the team is empty, or has no duplicate users and exactly one case lead.
/// Duplicates are reported before the case lead count. (A change of the team is checked more
/// strictly by check_case_team_change in domain/case_team.hpp.)
[[nodiscard]] std::optional<CaseTeamError> validate_case_team(const std::vector<CaseTeamEntry>& team);

} // namespace eenplan::domain
