// Dutch text fragments for synthetic pupil dossiers: support needs (written as the support needed,
// never as a diagnosis), factors, load capacity, care history and timeline notes.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "demo/random.hpp"

namespace eenplan::demo::detail {

/// Everything a text template may refer to. Filled in by the generator per pupil (and per note).
struct TextContext {
  std::string name; // given name of the pupil
  bool female = false;
  std::string parents;        // "ouders", "moeder", "vader", "pleegouders", "de voogd"
  bool parents_plural = true; // verb agreement: "ouders hebben" / "moeder heeft"
  std::string school;         // enrolment school (or last school)
  std::string home_school;    // stamschool, empty when the same as the enrolment school
  std::string care;           // a care provider organisation involved
  std::string teacher;        // "mentor" or "leerkracht"
  std::string municipality;   // municipality name
  std::string youth_team;     // CJG / wijkteam of the municipality
  std::string attendees;      // for meetings: "moeder, de mentor en De Vechtstroom Jeugdhulp"
  std::string status;         // "enrolled" | "not_enrolled" | "exempted" | "left"
  int age = 10;
  int year = 2025;                  // the year of `today`
  bool primary = true;              // primary-age school (bao, sbo, so)
  bool multi_problem = false;       // regie lies with youth care or the municipality
  bool other_home_language = false; // another language than Dutch is mostly spoken at home
  int home_since_days = 0;          // thuiszitters: days since the pupil last went to school
  int days_ago = 0;                 // the date of the entry being written (0: today)
  // Templates already used in this dossier, so one pupil's texts do not repeat themselves.
  mutable std::vector<const char*> used;
};

/// Who writes a note; decides which templates fit.
enum class Author { Coordinator, Teacher, Consultant, Orthopedagogue, Care, Attendance, Municipality };

enum class NoteStage { First, Later };

/// Replaces {placeholders} (see texts.cpp) with values from the context.
std::string fill(std::string_view tmpl, const TextContext& ctx, Rng& rng);

/// `count` distinct support-need codes, weighted by what fits the pupil.
std::vector<std::string> choose_support_needs(const TextContext& ctx, int count, Rng& rng);
std::string support_need_text(std::string_view code, const TextContext& ctx, Rng& rng);

/// area: "pupil" | "family" | "school" | "environment".
std::string factor_text(bool promoting, std::string_view area, const TextContext& ctx, Rng& rng);

std::string load_capacity_text(const TextContext& ctx, Rng& rng);
std::string care_history_text(const TextContext& ctx, Rng& rng);

/// kind: "note" | "conversation" | "meeting" | "decision". Returns an empty string when every
/// fitting template was already used in this dossier, unless allow_repeat.
std::string note_text(std::string_view kind, Author author, NoteStage stage, const TextContext& ctx, Rng& rng,
                      bool allow_repeat = true);

} // namespace eenplan::demo::detail
