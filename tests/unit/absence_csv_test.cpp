#include "importers/absence_csv.hpp"
#include "importers/text_encoding.hpp"

#include <gtest/gtest.h>

#include <array>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

namespace eenplan::importers {
namespace {

struct Outcome {
  AbsenceImportResult result;
  std::vector<AbsenceRow> rows;
};

AbsenceImportOptions school_year() {
  AbsenceImportOptions options;
  options.first_day = {2026, 8, 1};
  options.last_day = {2027, 7, 31};
  return options;
}

Outcome parse(const std::string& text, AbsenceImportOptions options = school_year()) {
  std::istringstream in(text);
  Outcome out;
  AbsenceCsvParser parser(std::move(options));
  out.result = parser.parse(in, [&](std::span<const AbsenceRow> batch) {
    out.rows.insert(out.rows.end(), batch.begin(), batch.end());
  });
  return out;
}

const std::string kHeader = "leerlingnummer,datum,lesuur,soort,opmerking\n";

void expect_single_error(const Outcome& o, ImportErrorCode code, std::size_t line) {
  ASSERT_EQ(o.result.errors.size(), 1U) << (o.result.errors.empty() ? "" : o.result.errors[0].message);
  EXPECT_EQ(import_error_code_name(o.result.errors[0].code), import_error_code_name(code));
  EXPECT_EQ(o.result.errors[0].line, line);
  EXPECT_FALSE(o.result.errors[0].message.empty());
  EXPECT_FALSE(o.result.ok());
}

TEST(AbsenceCsv, CanonicalLayoutIsDetectedAndParsed) {
  const auto o = parse(kHeader + "12345,2026-10-05,3,te laat,bus te laat\n12346,2026-10-05,1,ziek,\n");
  ASSERT_TRUE(o.result.ok());
  EXPECT_EQ(o.result.layout, "canonical");
  ASSERT_EQ(o.rows.size(), 2U);
  EXPECT_EQ(o.rows[0].pupil_number, "12345");
  EXPECT_EQ(o.rows[0].year, 2026);
  EXPECT_EQ(o.rows[0].month, 10);
  EXPECT_EQ(o.rows[0].day, 5);
  EXPECT_EQ(o.rows[0].lesson_hour, 3);
  EXPECT_EQ(o.rows[0].kind, AbsenceKind::Late);
  EXPECT_EQ(o.rows[0].remark, "bus te laat");
  EXPECT_EQ(o.rows[0].line, 2U);
  EXPECT_EQ(o.rows[1].kind, AbsenceKind::Sick);
}

TEST(AbsenceCsv, MagisterLayoutIsDetectedWithDutchDatesAndSemicolons) {
  const auto o = parse("Stamnr;Datum;Lesuur;Verzuimsoort;Omschrijving\r\n"
                       "4711;05-10-2026;2;Ongeoorloofd afwezig;\"spijbelen; weer\"\r\n"
                       "4712;6-1-2027;4;Verwijderd uit de les;\r\n");
  ASSERT_TRUE(o.result.ok()) << o.result.errors[0].message;
  EXPECT_EQ(o.result.layout, "magister");
  EXPECT_EQ(o.result.delimiter, ';');
  ASSERT_EQ(o.rows.size(), 2U);
  EXPECT_EQ(o.rows[0].kind, AbsenceKind::Unauthorised);
  EXPECT_EQ(o.rows[0].remark, "spijbelen; weer");
  EXPECT_EQ(o.rows[1].year, 2027);
  EXPECT_EQ(o.rows[1].day, 6);
  EXPECT_EQ(o.rows[1].kind, AbsenceKind::Removed);
}

TEST(AbsenceCsv, SomtodayLayoutIsDetected) {
  const auto o = parse("leerling_nummer,begindatum,lesuur,absentiereden,toelichting\n"
                       "900,2027-03-01,5,TELAAT,\n900,2027-03-01,6,GEOORLOOFD,tandarts\n");
  ASSERT_TRUE(o.result.ok());
  EXPECT_EQ(o.result.layout, "somtoday");
  ASSERT_EQ(o.rows.size(), 2U);
  EXPECT_EQ(o.rows[0].kind, AbsenceKind::Late);
  EXPECT_EQ(o.rows[1].kind, AbsenceKind::Authorised);
}

TEST(AbsenceCsv, CustomMappingCanBeAdded) {
  auto options = school_year();
  options.mappings.push_back(ColumnMapping{
      "regio", "nr", "dag", "uur", "reden", "", DateFormat::dutch, {{"weg", AbsenceKind::Unauthorised}}});
  const auto o = parse("nr,dag,uur,reden\n1,01-09-2026,1,weg\n", options);
  ASSERT_TRUE(o.result.ok());
  EXPECT_EQ(o.result.layout, "regio");
  EXPECT_EQ(o.rows.size(), 1U);
}

TEST(AbsenceCsv, MalformedLineIsReportedWithItsLine) {
  expect_single_error(parse(kHeader + "1,2026-10-05,1,ziek,\n2,2026-10-05,1,ziek\n"),
                      ImportErrorCode::malformed_line, 3);
  expect_single_error(parse(kHeader + "1,2026-10-05,1,ziek,a\"b\n"), ImportErrorCode::malformed_line, 2);
}

TEST(AbsenceCsv, MissingColumnNamesTheColumn) {
  const auto o = parse("leerlingnummer,datum,soort\n1,2026-10-05,ziek\n");
  expect_single_error(o, ImportErrorCode::missing_column, 1);
  EXPECT_EQ(o.result.errors[0].column, "lesuur");
}

TEST(AbsenceCsv, UnknownLayoutIsReported) {
  expect_single_error(parse("foo,bar\n1,2\n"), ImportErrorCode::unknown_layout, 1);
}

TEST(AbsenceCsv, InvalidDateIsReported) {
  expect_single_error(parse(kHeader + "1,2026-10-05,1,ziek,\n1,2027-02-29,1,ziek,\n"),
                      ImportErrorCode::invalid_date, 3);
  expect_single_error(parse(kHeader + "1,05-10-2026,1,ziek,\n"), ImportErrorCode::invalid_date, 2);
}

TEST(AbsenceCsv, DateOutsideSchoolYearIsReported) {
  expect_single_error(parse(kHeader + "1,2026-10-05,1,ziek,\n1,2027-08-01,1,ziek,\n"),
                      ImportErrorCode::date_outside_school_year, 3);
}

TEST(AbsenceCsv, InvalidLessonHourIsReported) {
  expect_single_error(parse(kHeader + "1,2026-10-05,13,ziek,\n"), ImportErrorCode::invalid_lesson_hour, 2);
  expect_single_error(parse(kHeader + "1,2026-10-05,0,ziek,\n"), ImportErrorCode::invalid_lesson_hour, 2);
  expect_single_error(parse(kHeader + "1,2026-10-05,x,ziek,\n"), ImportErrorCode::invalid_lesson_hour, 2);
}

TEST(AbsenceCsv, UnknownKindIsReported) {
  const auto o = parse(kHeader + "1,2026-10-05,1,vakantie,\n");
  expect_single_error(o, ImportErrorCode::unknown_kind, 2);
  EXPECT_EQ(o.result.errors[0].column, "soort");
}

TEST(AbsenceCsv, UnknownPupilIsReportedWhenALookupIsGiven) {
  auto options = school_year();
  options.pupil_exists = [](std::string_view nr) { return nr == "1"; };
  expect_single_error(parse(kHeader + "1,2026-10-05,1,ziek,\n2,2026-10-05,1,ziek,\n", options),
                      ImportErrorCode::unknown_pupil, 3);
}

TEST(AbsenceCsv, DuplicateRowIsReportedWithBothLines) {
  const auto o = parse(kHeader + "1,2026-10-05,1,ziek,\n1,2026-10-05,2,ziek,\n1,2026-10-05,1,te laat,\n");
  expect_single_error(o, ImportErrorCode::duplicate_row, 4);
  EXPECT_NE(o.result.errors[0].message.find("regel 2"), std::string::npos);
}

/// Pupils "1".."3" as indexes 0..2, as the import service resolves them.
AbsenceImportOptions with_pupil_index() {
  auto options = school_year();
  options.pupil_count = 3;
  options.pupil_index = [](std::string_view nr) -> std::size_t {
    if (nr == "1") return 0;
    if (nr == "2") return 1;
    if (nr == "3") return 2;
    return 3;
  };
  return options;
}

TEST(AbsenceCsv, PupilIndexResolvesPupilsAndReportsUnknownOnes) {
  const auto o = parse(kHeader + "3,2026-10-05,1,ziek,\n1,2026-10-05,1,ziek,\n", with_pupil_index());
  ASSERT_TRUE(o.result.ok());
  ASSERT_EQ(o.rows.size(), 2U);
  EXPECT_EQ(o.rows[0].pupil_index, 2U);
  EXPECT_EQ(o.rows[1].pupil_index, 0U);
  expect_single_error(parse(kHeader + "1,2026-10-05,1,ziek,\n4,2026-10-05,1,ziek,\n", with_pupil_index()),
                      ImportErrorCode::unknown_pupil, 3);
}

TEST(AbsenceCsv, DuplicateRowWithPupilIndexIsReportedWithBothLines) {
  // First and last day of the school year, every hour: the slot table's edges.
  std::string text = kHeader;
  for (int h = 1; h <= 12; ++h)
    text += "3,2027-07-31," + std::to_string(h) + ",ziek,\n1,2026-08-01," + std::to_string(h) + ",ziek,\n";
  ASSERT_TRUE(parse(text, with_pupil_index()).result.ok());
  const auto o = parse(text + "2,2026-08-01,12,ziek,\n3,2027-07-31,12,te laat,\n", with_pupil_index());
  expect_single_error(o, ImportErrorCode::duplicate_row, 27);
  EXPECT_NE(o.result.errors[0].message.find("regel 24"), std::string::npos) << o.result.errors[0].message;
}

TEST(AbsenceCsv, RemarkTooLongIsReported) {
  expect_single_error(parse(kHeader + "1,2026-10-05,1,ziek," + std::string(501, 'x') + "\n"),
                      ImportErrorCode::remark_too_long, 2);
  EXPECT_TRUE(parse(kHeader + "1,2026-10-05,1,ziek," + std::string(500, 'x') + "\n").result.ok());
}

TEST(AbsenceCsv, EmptyFileIsReported) {
  expect_single_error(parse(""), ImportErrorCode::empty_file, 1);
  expect_single_error(parse(kHeader), ImportErrorCode::empty_file, 1);
}

TEST(AbsenceCsv, InvalidEncodingIsReportedWithLine) {
  // The first 64 KiB decide UTF-8; a Windows-1252 byte after that is refused, not guessed at.
  std::string text = kHeader + "1,2026-10-05,1,ziek,caf\xC3\xA9\n";
  for (int i = 2; i <= 4000; ++i)
    text += std::to_string(i) + ",2026-10-05,1,ziek,\n";
  text += "9999,2026-10-05,1,ziek,caf\xE9\n";
  ASSERT_GT(text.size(), 64U * 1024U);
  const auto o = parse(text);
  expect_single_error(o, ImportErrorCode::invalid_encoding, 4002);
  ASSERT_FALSE(o.result.errors.empty());
  EXPECT_EQ(o.result.errors[0].column, "opmerking");
}

TEST(Encoding, PureAsciiStartDecidesPerLine) {
  // Nothing but ASCII in the first 64 KiB: the first non-ASCII line decides (here Windows-1252).
  std::string text = kHeader;
  for (int i = 1; i <= 4000; ++i)
    text += std::to_string(i) + ",2026-10-05,1,ziek,\n";
  text += "9999,2026-10-05,1,ziek,caf\xE9\n";
  const auto o = parse(text);
  ASSERT_TRUE(o.result.ok());
  EXPECT_EQ(o.result.encoding, Encoding::windows1252);
  EXPECT_EQ(o.rows.back().remark, "caf\xC3\xA9");
}

TEST(AbsenceCsv, LineNumbersStayRightAfterMultiLineRemark) {
  const auto o = parse(kHeader + "1,2026-10-05,1,ziek,\"twee\nregels\"\n1,2026-10-05,99,ziek,\n");
  expect_single_error(o, ImportErrorCode::invalid_lesson_hour, 4);
}

TEST(AbsenceCsv, ErrorsAreCountedBeyondTheReportLimit) {
  auto options = school_year();
  options.max_reported_errors = 3;
  std::string text = kHeader;
  for (int i = 0; i < 10; ++i)
    text += std::to_string(i) + ",2026-10-05,1,vakantie,\n";
  const auto o = parse(text, options);
  EXPECT_EQ(o.result.errors.size(), 3U);
  EXPECT_EQ(o.result.error_count, 10U);
}

TEST(AbsenceCsv, RowsAreDeliveredInBatches) {
  auto options = school_year();
  options.batch_size = 4;
  std::string text = kHeader;
  for (int i = 0; i < 10; ++i)
    text += std::to_string(i) + ",2026-10-05,1,ziek,\n";
  std::istringstream in(text);
  std::vector<std::size_t> sizes;
  AbsenceCsvParser parser(options);
  const auto result = parser.parse(in, [&](std::span<const AbsenceRow> b) { sizes.push_back(b.size()); });
  EXPECT_TRUE(result.ok());
  EXPECT_EQ(sizes, (std::vector<std::size_t>{4, 4, 2}));
}

// ---- encoding ----------------------------------------------------------------------------------

TEST(Encoding, Utf8WithBomIsAccepted) {
  const auto o = parse("\xEF\xBB\xBF" + kHeader + "1,2026-10-05,1,ziek,caf\xC3\xA9\n");
  ASSERT_TRUE(o.result.ok());
  EXPECT_EQ(o.result.encoding, Encoding::utf8);
  EXPECT_EQ(o.rows[0].remark, "caf\xC3\xA9");
}

TEST(Encoding, Utf8WithoutBomIsAccepted) {
  const auto o = parse(kHeader + "1,2026-10-05,1,ziek,co\xC3\xB6rdinator\n");
  ASSERT_TRUE(o.result.ok());
  EXPECT_EQ(o.result.encoding, Encoding::utf8);
  EXPECT_EQ(o.rows[0].remark, "co\xC3\xB6rdinator");
}

TEST(Encoding, Windows1252IsDecodedToUtf8) {
  const auto o = parse("Stamnr;Datum;Lesuur;Verzuimsoort;Omschrijving\r\n"
                       "1;05-10-2026;1;Ziek;caf\xE9\r\n"
                       "2;05-10-2026;1;Ziek;Ren\xEB\x80\r\n");
  ASSERT_TRUE(o.result.ok()) << o.result.errors[0].message;
  EXPECT_EQ(o.result.encoding, Encoding::windows1252);
  EXPECT_EQ(o.rows[0].remark, "caf\xC3\xA9");
  EXPECT_EQ(o.rows[1].remark, "Ren\xC3\xAB\xE2\x82\xAC");
}

TEST(Encoding, Windows1252UndefinedByteIsAnError) {
  const auto o = parse(kHeader + "1,2026-10-05,1,ziek,caf\xE9\n2,2026-10-05,1,ziek,x\x81\n");
  expect_single_error(o, ImportErrorCode::invalid_encoding, 3);
}

TEST(Encoding, StrictUtf8Validation) {
  EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));     // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); // > U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));
  EXPECT_TRUE(is_valid_utf8("\xE2\x82", true));
}

TEST(Encoding, FullWindows1252HighTable) {
  std::string out;
  EXPECT_TRUE(append_windows1252_as_utf8("\x80\x8A\x9F\xA0\xFF", out));
  EXPECT_EQ(out, "\xE2\x82\xAC\xC5\xA0\xC5\xB8\xC2\xA0\xC3\xBF");
  for (const char c : std::string("\x81\x8D\x8F\x90\x9D")) {
    std::string ignored;
    EXPECT_FALSE(append_windows1252_as_utf8(std::string(1, c), ignored));
  }
}

// ---- streaming ---------------------------------------------------------------------------------

// Produces a canonical CSV of `rows` unique rows on the fly; nothing is held in memory.
class GeneratedAbsences : public std::streambuf {
public:
  explicit GeneratedAbsences(std::size_t rows) : rows_(rows) {
    line_ = "leerlingnummer,datum,lesuur,soort,opmerking\n";
    setg(line_.data(), line_.data(), line_.data() + line_.size());
  }

protected:
  int_type underflow() override {
    if (next_ >= rows_) return traits_type::eof();
    constexpr std::array<const char*, 5> kKinds = {"ongeoorloofd", "ziek", "te laat", "verwijderd",
                                                   "geoorloofd"};
    const std::size_t i = next_++;
    const std::size_t pupil = 100000 + i / 336; // 28 days x 12 hours per pupil
    const std::size_t day = 1 + (i / 12) % 28;
    const std::size_t hour = 1 + i % 12;
    line_ = std::to_string(pupil) + ",2027-02-" + (day < 10 ? "0" : "") + std::to_string(day) + "," +
            std::to_string(hour) + "," + kKinds[i % 5] + "," + (i % 7 == 0 ? "\"met, komma\"" : "") + "\n";
    setg(line_.data(), line_.data(), line_.data() + line_.size());
    return traits_type::to_int_type(line_[0]);
  }

private:
  std::size_t rows_;
  std::size_t next_ = 0;
  std::string line_;
};

TEST(AbsenceCsv, StreamsOneMillionRows) {
  GeneratedAbsences source(1'000'000);
  std::istream in(&source);
  AbsenceCsvParser parser(school_year());
  std::size_t delivered = 0;
  std::size_t last_line = 0;
  const auto result = parser.parse(in, [&](std::span<const AbsenceRow> batch) {
    delivered += batch.size();
    last_line = batch.back().line;
  });
  EXPECT_TRUE(result.ok());
  EXPECT_EQ(result.rows, 1'000'000U);
  EXPECT_EQ(delivered, 1'000'000U);
  EXPECT_EQ(last_line, 1'000'001U);
}

} // namespace
} // namespace eenplan::importers
