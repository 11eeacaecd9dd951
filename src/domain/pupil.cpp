#include "domain/pupil.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace eenplan::domain {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view text) {
  for (const auto& [value, name] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "unknown";
}

constexpr std::array<std::pair<FieldErrorCode, std::string_view>, 8> kFieldErrorCodes{{
    {FieldErrorCode::Required, "required"},
    {FieldErrorCode::InvalidType, "invalid-type"},
    {FieldErrorCode::InvalidDate, "invalid-date"},
    {FieldErrorCode::TooLong, "too-long"},
    {FieldErrorCode::TooShort, "too-short"},
    {FieldErrorCode::InvalidValue, "invalid-value"},
    {FieldErrorCode::OutOfRange, "out-of-range"},
    {FieldErrorCode::UnknownField, "unknown-field"},
}};

constexpr std::array<std::pair<PupilStatus, std::string_view>, 4> kStatusCodes{{
    {PupilStatus::Enrolled, "enrolled"},
    {PupilStatus::NotEnrolled, "not_enrolled"},
    {PupilStatus::Exempted, "exempted"},
    {PupilStatus::Left, "left"},
}};
constexpr std::array<std::pair<PupilStatus, std::string_view>, 4> kStatusLabels{{
    {PupilStatus::Enrolled, "Ingeschreven"},
    {PupilStatus::NotEnrolled, "Niet ingeschreven"},
    {PupilStatus::Exempted, "Vrijgesteld"},
    {PupilStatus::Left, "Uitgeschreven"},
}};

constexpr std::array<std::pair<FactorKind, std::string_view>, 2> kFactorKindCodes{{
    {FactorKind::Promoting, "promoting"},
    {FactorKind::Hindering, "hindering"},
}};
constexpr std::array<std::pair<FactorKind, std::string_view>, 2> kFactorKindLabels{{
    {FactorKind::Promoting, "Bevorderend"},
    {FactorKind::Hindering, "Belemmerend"},
}};

constexpr std::array<std::pair<FactorArea, std::string_view>, 4> kFactorAreaCodes{{
    {FactorArea::Pupil, "pupil"},
    {FactorArea::Family, "family"},
    {FactorArea::School, "school"},
    {FactorArea::Environment, "environment"},
}};
constexpr std::array<std::pair<FactorArea, std::string_view>, 4> kFactorAreaLabels{{
    {FactorArea::Pupil, "Leerling"},
    {FactorArea::Family, "Gezin"},
    {FactorArea::School, "School"},
    {FactorArea::Environment, "Omgeving"},
}};

constexpr std::array<std::pair<NoteKind, std::string_view>, 5> kNoteKindCodes{{
    {NoteKind::Note, "note"},
    {NoteKind::Conversation, "conversation"},
    {NoteKind::Meeting, "meeting"},
    {NoteKind::Decision, "decision"},
    {NoteKind::CaseTeamChange, "case_team_change"},
}};
constexpr std::array<std::pair<NoteKind, std::string_view>, 5> kNoteKindLabels{{
    {NoteKind::Note, "Notitie"},
    {NoteKind::Conversation, "Gesprek"},
    {NoteKind::Meeting, "Overleg"},
    {NoteKind::Decision, "Besluit"},
    {NoteKind::CaseTeamChange, "Wijziging betrokkenen"},
}};

constexpr std::array<std::pair<CaseTeamError, std::string_view>, 3> kCaseTeamErrorCodes{{
    {CaseTeamError::NoCaseLead, "no-case-lead"},
    {CaseTeamError::TwoCaseLeads, "two-case-leads"},
    {CaseTeamError::DuplicateMember, "duplicate-member"},
}};

// ---- UTF-8 -------------------------------------------------------------------------------------

enum class TextProblem { None, Malformed, ControlCharacter, LineBreakOrTab };

struct Scan {
  TextProblem problem = TextProblem::None;
  std::size_t code_points = 0;
};

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

/// Decodes well-formed UTF-8 (Unicode 15, table 3-7). Reports the first problem found.
Scan scan_utf8(std::string_view text, bool check_controls, bool allow_line_breaks) {
  Scan scan;
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = 0;
    std::size_t length = 0;
    unsigned char lo = 0x80; // allowed range of the second byte
    unsigned char hi = 0xBF;
    if (b0 < 0x80) {
      cp = b0;
      length = 1;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
      cp = b0 & 0x1FU;
      length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      cp = b0 & 0x0FU;
      length = 3;
      if (b0 == 0xE0) lo = 0xA0; // no overlong forms
      if (b0 == 0xED) hi = 0x9F; // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      cp = b0 & 0x07U;
      length = 4;
      if (b0 == 0xF0) lo = 0x90; // no overlong forms
      if (b0 == 0xF4) hi = 0x8F; // ≤ U+10FFFF
    } else {
      scan.problem = TextProblem::Malformed; // stray continuation, C0/C1 lead, F5..FF
      return scan;
    }
    if (length > size - i) {
      scan.problem = TextProblem::Malformed; // truncated sequence
      return scan;
    }
    for (std::size_t k = 1; k < length; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if (k == 1 ? (b < lo || b > hi) : !is_continuation(b)) {
        scan.problem = TextProblem::Malformed;
        return scan;
      }
      cp = (cp << 6U) | (b & 0x3FU);
    }
    if (check_controls) {
      const bool line_break_or_tab = cp == '\n' || cp == '\r' || cp == '\t';
      if (line_break_or_tab && !allow_line_breaks) {
        scan.problem = TextProblem::LineBreakOrTab;
        return scan;
      }
      const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
      if (control && !line_break_or_tab) {
        scan.problem = TextProblem::ControlCharacter;
        return scan;
      }
    }
    ++scan.code_points;
    i += length;
  }
  return scan;
}

FieldCheck check_scanned(const Scan& scan, std::size_t min, std::size_t max) {
  if (scan.problem != TextProblem::None) return FieldErrorCode::InvalidValue;
  if (scan.code_points < min) return FieldErrorCode::TooShort;
  if (scan.code_points > max) return FieldErrorCode::TooLong;
  return std::nullopt;
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim_ascii(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back()))
    text.remove_suffix(1);
  return text;
}

char ascii_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

} // namespace

std::string_view to_string(FieldErrorCode code) {
  return name_of(kFieldErrorCodes, code);
}

std::optional<std::size_t> count_code_points(std::string_view utf8) {
  const Scan scan = scan_utf8(utf8, /*check_controls=*/false, /*allow_line_breaks=*/true);
  if (scan.problem != TextProblem::None) return std::nullopt;
  return scan.code_points;
}

FieldCheck check_length(std::string_view utf8, std::size_t min, std::size_t max) {
  return check_scanned(scan_utf8(utf8, true, true), min, max);
}

FieldCheck check_text(std::string_view utf8, TextLimit limit) {
  return check_scanned(scan_utf8(utf8, true, limit.multiline), limit.min, limit.max);
}

std::optional<std::string> normalise_postcode(std::string_view text) {
  text = trim_ascii(text);
  std::string_view digits;
  std::string_view letters;
  if (text.size() == 6) {
    digits = text.substr(0, 4);
    letters = text.substr(4, 2);
  } else if (text.size() == 7 && text[4] == ' ') {
    digits = text.substr(0, 4);
    letters = text.substr(5, 2);
  } else {
    return std::nullopt;
  }
  if (!std::ranges::all_of(digits, [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  if (digits.front() == '0') return std::nullopt;

  std::string result(digits);
  result += ' ';
  for (char c : letters) {
    const char upper = ascii_upper(c);
    if (upper < 'A' || upper > 'Z') return std::nullopt;
    result += upper;
  }
  const std::string_view pair = std::string_view(result).substr(5, 2);
  if (pair == "SA" || pair == "SD" || pair == "SS") return std::nullopt;
  return result;
}

FieldCheck validate_date_of_birth(Date dob, Date today) {
  if (dob > today || dob < kEarliestDateOfBirth) return FieldErrorCode::OutOfRange;
  return std::nullopt;
}

std::string_view to_string(PupilStatus status) {
  return name_of(kStatusCodes, status);
}
std::optional<PupilStatus> parse_pupil_status(std::string_view text) {
  return lookup(kStatusCodes, text);
}
std::string_view dutch_label(PupilStatus status) {
  return name_of(kStatusLabels, status);
}

std::string_view to_string(FactorKind kind) {
  return name_of(kFactorKindCodes, kind);
}
std::optional<FactorKind> parse_factor_kind(std::string_view text) {
  return lookup(kFactorKindCodes, text);
}
std::string_view dutch_label(FactorKind kind) {
  return name_of(kFactorKindLabels, kind);
}

std::string_view to_string(FactorArea area) {
  return name_of(kFactorAreaCodes, area);
}
std::optional<FactorArea> parse_factor_area(std::string_view text) {
  return lookup(kFactorAreaCodes, text);
}
std::string_view dutch_label(FactorArea area) {
  return name_of(kFactorAreaLabels, area);
}

std::string_view to_string(NoteKind kind) {
  return name_of(kNoteKindCodes, kind);
}
std::optional<NoteKind> parse_note_kind(std::string_view text) {
  return lookup(kNoteKindCodes, text);
}
std::string_view dutch_label(NoteKind kind) {
  return name_of(kNoteKindLabels, kind);
}
bool is_system_entry(NoteKind kind) {
  return kind == NoteKind::CaseTeamChange;
}
std::optional<NoteKind> parse_personal_note_kind(std::string_view text) {
  const auto kind = parse_note_kind(text);
  if (!kind || is_system_entry(*kind)) return std::nullopt;
  return kind;
}

bool is_support_need_category(std::string_view code) {
  return support_need_label(code).has_value();
}

std::optional<std::string_view> support_need_label(std::string_view code) {
  for (const SupportNeedCategory& category : kSupportNeedCategories) {
    if (category.code == code) return category.label;
  }
  return std::nullopt;
}

std::string_view to_string(CaseTeamError error) {
  return name_of(kCaseTeamErrorCodes, error);
}

std::optional<CaseTeamError> validate_case_team(const std::vector<CaseTeamEntry>& team) {
  std::vector<std::string_view> ids;
  ids.reserve(team.size());
  for (const CaseTeamEntry& entry : team)
    ids.emplace_back(entry.user_id);
  std::ranges::sort(ids);
  if (std::ranges::adjacent_find(ids) != ids.end()) return CaseTeamError::DuplicateMember;

  if (team.empty()) return std::nullopt;
  const auto leads = std::ranges::count_if(team, [](const CaseTeamEntry& e) { return e.is_case_lead; });
  if (leads == 0) return CaseTeamError::NoCaseLead;
  if (leads > 1) return CaseTeamError::TwoCaseLeads;
  return std::nullopt;
}

} // namespace eenplan::domain
