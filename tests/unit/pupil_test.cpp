#include "domain/pupil.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace eenplan::domain {
namespace {

// ---- postcode ----------------------------------------------------------------------------------

TEST(Postcode, NormalisesToFourDigitsSpaceTwoCapitals) {
  EXPECT_EQ(normalise_postcode("1234ab"), "1234 AB");
  EXPECT_EQ(normalise_postcode("1234 ab"), "1234 AB");
  EXPECT_EQ(normalise_postcode(" 1234AB "), "1234 AB");
  EXPECT_EQ(normalise_postcode("1234AB"), "1234 AB");
  EXPECT_EQ(normalise_postcode("1234 AB"), "1234 AB");
  EXPECT_EQ(normalise_postcode("9999 zz"), "9999 ZZ");
  EXPECT_EQ(normalise_postcode("3511aB"), "3511 AB");
  EXPECT_EQ(normalise_postcode("\t1234ab\n"), "1234 AB");
}

TEST(Postcode, RejectsLeadingZero) {
  EXPECT_EQ(normalise_postcode("0123 AB"), std::nullopt);
  EXPECT_EQ(normalise_postcode("1023 AB"), "1023 AB");
}

TEST(Postcode, RejectsLetterPairsThatAreNotIssued) {
  for (const char* text : {"1234 SA", "1234 SD", "1234 SS", "1234sa", "1234 sd", "1234Ss"}) {
    EXPECT_EQ(normalise_postcode(text), std::nullopt) << text;
  }
  EXPECT_EQ(normalise_postcode("1234 SB"), "1234 SB");
  EXPECT_EQ(normalise_postcode("1234 AS"), "1234 AS");
}

TEST(Postcode, RejectsMalformedInput) {
  for (const char* text :
       {"", "1234", "1234 A", "12345AB", "123 AB", "1234-AB", "1234  AB", "1234 ABC", "ABCD 12", "1234 A1",
        "12a4 AB", "1234 ÄB", "1234\tAB", "1234 A B", "1234_AB", "١٢٣٤ AB"}) {
    EXPECT_EQ(normalise_postcode(text), std::nullopt) << '"' << text << '"';
  }
}

// ---- date of birth -----------------------------------------------------------------------------

constexpr Date kToday{2024, 9, 2};

TEST(DateOfBirth, TodayIsAccepted) {
  EXPECT_EQ(validate_date_of_birth(kToday, kToday), std::nullopt);
}

TEST(DateOfBirth, FutureDateIsOutOfRange) {
  EXPECT_EQ(validate_date_of_birth(Date{2024, 9, 3}, kToday), FieldErrorCode::OutOfRange);
  EXPECT_EQ(validate_date_of_birth(Date{2030, 1, 1}, kToday), FieldErrorCode::OutOfRange);
}

TEST(DateOfBirth, FirstOfJanuary1990IsTheEarliestAccepted) {
  EXPECT_EQ(validate_date_of_birth(Date{1990, 1, 1}, kToday), std::nullopt);
  EXPECT_EQ(validate_date_of_birth(Date{1989, 12, 31}, kToday), FieldErrorCode::OutOfRange);
}

TEST(DateOfBirth, OrdinaryPastDateIsAccepted) {
  EXPECT_EQ(validate_date_of_birth(Date{2015, 2, 28}, kToday), std::nullopt);
}

// ---- text --------------------------------------------------------------------------------------

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i)
    out += piece;
  return out;
}

TEST(TextLength, CountsCodePointsNotBytes) {
  const std::string hundred_e_acute = repeat("é", 100); // 200 bytes
  EXPECT_EQ(check_length(hundred_e_acute, 1, 100), std::nullopt);
  EXPECT_EQ(check_length(hundred_e_acute + "é", 1, 100), FieldErrorCode::TooLong);
  EXPECT_EQ(count_code_points("a€😀"), 3U); // 1 + 3 + 4 bytes
  EXPECT_EQ(check_length(repeat("😀", 32), 1, 32), std::nullopt);
}

TEST(TextLength, BoundsAreInclusive) {
  EXPECT_EQ(check_length("a", 1, 3), std::nullopt);
  EXPECT_EQ(check_length("abc", 1, 3), std::nullopt);
  EXPECT_EQ(check_length("abcd", 1, 3), FieldErrorCode::TooLong);
  EXPECT_EQ(check_length("", 1, 3), FieldErrorCode::TooShort);
  EXPECT_EQ(check_length("", 0, 3), std::nullopt);
}

TEST(TextLength, AllowsNewlineCarriageReturnAndTab) {
  EXPECT_EQ(check_length("regel 1\r\nregel 2\tmet tab", 1, 100), std::nullopt);
}

TEST(TextLength, RejectsOtherControlCharacters) {
  for (std::string_view text :
       {std::string_view("a\0b", 3), std::string_view("bell\a"), std::string_view("esc\x1b[0m"),
        std::string_view("del\x7f"), std::string_view("nel\xc2\x85"), std::string_view("\x0b"),
        std::string_view("\xc2\x9f")}) {
    EXPECT_EQ(check_length(text, 0, 100), FieldErrorCode::InvalidValue);
  }
  // U+00A0 (no-break space) follows the C1 range and is fine.
  EXPECT_EQ(check_length("\xc2\xa0", 0, 100), std::nullopt);
}

TEST(TextLength, RejectsMalformedUtf8) {
  for (std::string_view text : {
           std::string_view("\xc3"),             // truncated 2-byte
           std::string_view("\xe2\x82"),         // truncated 3-byte
           std::string_view("\x80"),             // stray continuation
           std::string_view("\xc0\xaf"),         // overlong '/'
           std::string_view("\xc1\xbf"),         // overlong
           std::string_view("\xe0\x80\xaf"),     // overlong 3-byte
           std::string_view("\xf0\x80\x80\xaf"), // overlong 4-byte
           std::string_view("\xed\xa0\x80"),     // surrogate U+D800
           std::string_view("\xf4\x90\x80\x80"), // above U+10FFFF
           std::string_view("\xf5\x80\x80\x80"), // invalid lead byte
           std::string_view("\xff"),
           std::string_view("ok\xc3("), // bad continuation
       }) {
    EXPECT_EQ(check_length(text, 0, 100), FieldErrorCode::InvalidValue);
    EXPECT_EQ(count_code_points(text), std::nullopt);
  }
  // Boundaries that ARE valid.
  EXPECT_EQ(count_code_points("\xed\x9f\xbf"), 1U);     // U+D7FF
  EXPECT_EQ(count_code_points("\xf4\x8f\xbf\xbf"), 1U); // U+10FFFF
  EXPECT_EQ(count_code_points("\xe0\xa0\x80"), 1U);     // U+0800
}

TEST(TextLength, InvalidEncodingIsReportedBeforeLength) {
  EXPECT_EQ(check_length("\xff", 5, 10), FieldErrorCode::InvalidValue);
}

TEST(TextLimits, NamesAreSingleLine) {
  EXPECT_EQ(check_text("Anne-Fleur", kGivenNameLimit), std::nullopt);
  EXPECT_EQ(check_text("Anne\nFleur", kGivenNameLimit), FieldErrorCode::InvalidValue);
  EXPECT_EQ(check_text("de\tVries", kFamilyNameLimit), FieldErrorCode::InvalidValue);
  EXPECT_EQ(check_text("regel\nregel", kNoteBodyLimit), std::nullopt);
}

TEST(TextLimits, MatchTheContract) {
  EXPECT_EQ(check_text(repeat("x", 100), kGivenNameLimit), std::nullopt);
  EXPECT_EQ(check_text(repeat("x", 101), kGivenNameLimit), FieldErrorCode::TooLong);
  EXPECT_EQ(check_text("", kGivenNameLimit), FieldErrorCode::TooShort);
  EXPECT_EQ(check_text(repeat("x", 100), kFamilyNameLimit), std::nullopt);
  EXPECT_EQ(check_text(repeat("x", 101), kFamilyNameLimit), FieldErrorCode::TooLong);
  EXPECT_EQ(check_text(repeat("1", 32), kSchoolPupilNumberLimit), std::nullopt);
  EXPECT_EQ(check_text(repeat("1", 33), kSchoolPupilNumberLimit), FieldErrorCode::TooLong);
  EXPECT_EQ(check_text("", kLoadCapacityLimit), std::nullopt);
  EXPECT_EQ(check_text(repeat("x", 4000), kLoadCapacityLimit), std::nullopt);
  EXPECT_EQ(check_text(repeat("x", 4001), kLoadCapacityLimit), FieldErrorCode::TooLong);
  EXPECT_EQ(check_text("", kCareHistoryLimit), std::nullopt);
  EXPECT_EQ(check_text(repeat("x", 8000), kCareHistoryLimit), std::nullopt);
  EXPECT_EQ(check_text(repeat("x", 8001), kCareHistoryLimit), FieldErrorCode::TooLong);
  EXPECT_EQ(check_text("", kNoteBodyLimit), FieldErrorCode::TooShort);
  EXPECT_EQ(check_text(repeat("x", 10000), kNoteBodyLimit), std::nullopt);
  EXPECT_EQ(check_text(repeat("x", 10001), kNoteBodyLimit), FieldErrorCode::TooLong);
  EXPECT_EQ(check_text("", kSupportNeedDescriptionLimit), FieldErrorCode::TooShort);
  EXPECT_EQ(check_text(repeat("x", 2000), kSupportNeedDescriptionLimit), std::nullopt);
  EXPECT_EQ(check_text(repeat("x", 2001), kSupportNeedDescriptionLimit), FieldErrorCode::TooLong);
  EXPECT_EQ(check_text("", kFactorDescriptionLimit), FieldErrorCode::TooShort);
  EXPECT_EQ(check_text(repeat("x", 2000), kFactorDescriptionLimit), std::nullopt);
  EXPECT_EQ(check_text(repeat("x", 2001), kFactorDescriptionLimit), FieldErrorCode::TooLong);
}

TEST(FieldErrors, CodesMatchTheContract) {
  EXPECT_EQ(to_string(FieldErrorCode::Required), "required");
  EXPECT_EQ(to_string(FieldErrorCode::InvalidType), "invalid-type");
  EXPECT_EQ(to_string(FieldErrorCode::InvalidDate), "invalid-date");
  EXPECT_EQ(to_string(FieldErrorCode::TooLong), "too-long");
  EXPECT_EQ(to_string(FieldErrorCode::TooShort), "too-short");
  EXPECT_EQ(to_string(FieldErrorCode::InvalidValue), "invalid-value");
  EXPECT_EQ(to_string(FieldErrorCode::OutOfRange), "out-of-range");
  EXPECT_EQ(to_string(FieldErrorCode::UnknownField), "unknown-field");
}

// ---- enumerations ------------------------------------------------------------------------------

TEST(PupilStatus, CodesMatchTheContract) {
  EXPECT_EQ(to_string(PupilStatus::Enrolled), "enrolled");
  EXPECT_EQ(to_string(PupilStatus::NotEnrolled), "not_enrolled");
  EXPECT_EQ(to_string(PupilStatus::Exempted), "exempted");
  EXPECT_EQ(to_string(PupilStatus::Left), "left");
  EXPECT_EQ(parse_pupil_status("not_enrolled"), PupilStatus::NotEnrolled);
  EXPECT_EQ(parse_pupil_status("left"), PupilStatus::Left);
}

TEST(PupilStatus, ParseRejectsUnknownAndWrongCase) {
  for (const char* text : {"", "Enrolled", "not-enrolled", "notEnrolled", "ENROLLED", " left"}) {
    EXPECT_EQ(parse_pupil_status(text), std::nullopt) << text;
  }
}

TEST(PupilStatus, DutchLabelsMatchTheContract) {
  EXPECT_EQ(dutch_label(PupilStatus::Enrolled), "Ingeschreven");
  EXPECT_EQ(dutch_label(PupilStatus::NotEnrolled), "Niet ingeschreven");
  EXPECT_EQ(dutch_label(PupilStatus::Exempted), "Vrijgesteld");
  EXPECT_EQ(dutch_label(PupilStatus::Left), "Uitgeschreven");
}

TEST(Factor, KindAndAreaCodesRoundTrip) {
  EXPECT_EQ(parse_factor_kind("promoting"), FactorKind::Promoting);
  EXPECT_EQ(parse_factor_kind("hindering"), FactorKind::Hindering);
  EXPECT_EQ(parse_factor_kind("Promoting"), std::nullopt);
  EXPECT_EQ(parse_factor_area("pupil"), FactorArea::Pupil);
  EXPECT_EQ(parse_factor_area("family"), FactorArea::Family);
  EXPECT_EQ(parse_factor_area("school"), FactorArea::School);
  EXPECT_EQ(parse_factor_area("environment"), FactorArea::Environment);
  EXPECT_EQ(parse_factor_area("home"), std::nullopt);
  for (FactorKind kind : kAllFactorKinds)
    EXPECT_EQ(parse_factor_kind(to_string(kind)), kind);
  for (FactorArea area : kAllFactorAreas)
    EXPECT_EQ(parse_factor_area(to_string(area)), area);
  EXPECT_EQ(dutch_label(FactorKind::Hindering), "Belemmerend");
  EXPECT_EQ(dutch_label(FactorArea::Family), "Gezin");
}

TEST(NoteKind, CodesAndDutchLabels) {
  EXPECT_EQ(parse_note_kind("note"), NoteKind::Note);
  EXPECT_EQ(parse_note_kind("conversation"), NoteKind::Conversation);
  EXPECT_EQ(parse_note_kind("meeting"), NoteKind::Meeting);
  EXPECT_EQ(parse_note_kind("decision"), NoteKind::Decision);
  EXPECT_EQ(parse_note_kind("Note"), std::nullopt);
  EXPECT_EQ(parse_note_kind(""), std::nullopt);
  for (NoteKind kind : kAllNoteKinds)
    EXPECT_EQ(parse_note_kind(to_string(kind)), kind);
  EXPECT_EQ(dutch_label(NoteKind::Note), "Notitie");
  EXPECT_EQ(dutch_label(NoteKind::Conversation), "Gesprek");
  EXPECT_EQ(dutch_label(NoteKind::Meeting), "Overleg");
  EXPECT_EQ(dutch_label(NoteKind::Decision), "Besluit");
  EXPECT_EQ(parse_note_kind("case_team_change"), NoteKind::CaseTeamChange);
  EXPECT_EQ(dutch_label(NoteKind::CaseTeamChange), "Wijziging betrokkenen");
  EXPECT_EQ(kDefaultNoteKind, NoteKind::Note);
}

TEST(NoteKind, ASystemEntryIsNoKindAPersonMayGiveTheirNote) {
  EXPECT_TRUE(is_system_entry(NoteKind::CaseTeamChange));
  EXPECT_EQ(parse_personal_note_kind("case_team_change"), std::nullopt);
  for (NoteKind kind : kAllNoteKinds) {
    if (!is_system_entry(kind)) {
      EXPECT_EQ(parse_personal_note_kind(to_string(kind)), kind);
    }
  }
}

// ---- support needs -----------------------------------------------------------------------------

TEST(SupportNeeds, VocabularyIsExactlyTheContractCodesInOrder) {
  const char* expected[] = {"structure_predictability",
                            "small_group",
                            "individual_instruction",
                            "emotion_regulation",
                            "social_skills",
                            "gradual_build_up",
                            "low_stimulus_environment",
                            "care_in_school",
                            "executive_functions",
                            "language_support",
                            "physical_care",
                            "relation_first",
                            "other"};
  ASSERT_EQ(kSupportNeedCategories.size(), std::size(expected));
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    EXPECT_EQ(kSupportNeedCategories[i].code, expected[i]);
    EXPECT_TRUE(is_support_need_category(expected[i])) << expected[i];
  }
}

TEST(SupportNeeds, LabelsAreDutchAndDistinct) {
  EXPECT_EQ(support_need_label("structure_predictability"), "Structuur en voorspelbaarheid");
  EXPECT_EQ(support_need_label("gradual_build_up"), "Geleidelijke opbouw van onderwijstijd");
  EXPECT_EQ(support_need_label("relation_first"), "Eerst een vertrouwensrelatie opbouwen");
  EXPECT_EQ(support_need_label("other"), "Anders");
  std::set<std::string_view> labels;
  for (const SupportNeedCategory& c : kSupportNeedCategories) {
    EXPECT_FALSE(c.label.empty()) << c.code;
    EXPECT_TRUE(labels.insert(c.label).second) << "duplicate label " << c.label;
  }
}

TEST(SupportNeeds, UnknownCodesAreRejected) {
  for (const char* code : {"", "Small_group", "small-group", "autism", "adhd", "other "}) {
    EXPECT_FALSE(is_support_need_category(code)) << code;
    EXPECT_EQ(support_need_label(code), std::nullopt) << code;
  }
}

// ---- case team ---------------------------------------------------------------------------------

CaseTeamEntry member(const char* user, bool lead = false) {
  return CaseTeamEntry{.user_id = user, .case_role = "mentor", .is_case_lead = lead};
}

TEST(CaseTeam, EmptyTeamIsValid) {
  EXPECT_EQ(validate_case_team({}), std::nullopt);
}

TEST(CaseTeam, ExactlyOneCaseLeadIsValid) {
  EXPECT_EQ(validate_case_team({member("u1", true)}), std::nullopt);
  EXPECT_EQ(validate_case_team({member("u1"), member("u2", true), member("u3")}), std::nullopt);
}

TEST(CaseTeam, NonEmptyTeamWithoutCaseLeadIsRejected) {
  const std::optional<CaseTeamError> error = validate_case_team({member("u1"), member("u2")});
  EXPECT_EQ(error, CaseTeamError::NoCaseLead);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(to_string(*error), "no-case-lead");
}

TEST(CaseTeam, TwoCaseLeadsAreRejected) {
  EXPECT_EQ(validate_case_team({member("u1", true), member("u2", true)}), CaseTeamError::TwoCaseLeads);
  EXPECT_EQ(to_string(CaseTeamError::TwoCaseLeads), "two-case-leads");
}

TEST(CaseTeam, DuplicateUserIsRejected) {
  const std::optional<CaseTeamError> error =
      validate_case_team({member("u1", true), member("u2"), member("u1")});
  EXPECT_EQ(error, CaseTeamError::DuplicateMember);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(to_string(*error), "duplicate-member");
}

TEST(CaseTeam, DuplicateIsReportedBeforeLeadCount) {
  EXPECT_EQ(validate_case_team({member("u1", true), member("u1", true)}), CaseTeamError::DuplicateMember);
}

} // namespace
} // namespace eenplan::domain
