#include "importers/csv_reader.hpp"

#include <gtest/gtest.h>

#include <array>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace eenplan::importers {
namespace {

struct Parsed {
  std::size_t line;
  std::size_t end_line;
  CsvStatus status;
  std::vector<std::string> fields;
};

std::vector<Parsed> read_all(const std::string& text, CsvOptions options = {}, char* delimiter = nullptr) {
  std::istringstream in(text);
  CsvReader reader(in, options);
  if (delimiter != nullptr) *delimiter = reader.delimiter();
  std::vector<Parsed> out;
  CsvRecord record;
  while (reader.next(record)) {
    Parsed p{record.line, record.end_line, record.status, {}};
    for (std::size_t i = 0; i < record.size(); ++i)
      p.fields.emplace_back(record.field(i));
    out.push_back(p);
  }
  return out;
}

TEST(CsvReader, SplitsOnCommaWithLf) {
  const auto rows = read_all("a,b,c\n1,2,3\n");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(rows[1].line, 2U);
}

TEST(CsvReader, DetectsSemicolonDelimiterFromHeader) {
  char delimiter = 0;
  const auto rows = read_all("a;b;c\r\n1,5;2;3\r\n", {}, &delimiter);
  EXPECT_EQ(delimiter, ';');
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"1,5", "2", "3"}));
}

TEST(CsvReader, HandlesCrlfAndMissingFinalNewline) {
  const auto rows = read_all("a,b\r\n1,2\r\n3,4");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"3", "4"}));
  EXPECT_EQ(rows[2].line, 3U);
}

TEST(CsvReader, QuotedFieldsHoldDelimitersQuotesAndNewlines) {
  const auto rows = read_all("a;b\n\"x;y,z\";\"he zei \"\"hoi\"\"\"\n\"regel1\r\nregel2\nregel3\";k\nl;m\n");
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"x;y,z", "he zei \"hoi\""}));
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"regel1\nregel2\nregel3", "k"}));
  EXPECT_EQ(rows[2].line, 3U);
  EXPECT_EQ(rows[2].end_line, 5U);
  EXPECT_EQ(rows[3].line, 6U); // line numbers stay right after a multi-line field
}

TEST(CsvReader, SkipsUtf8Bom) {
  std::istringstream in("\xEF\xBB\xBF"
                        "a,b\n1,2\n");
  CsvReader reader(in);
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_TRUE(reader.had_bom());
  EXPECT_EQ(record.field(0), "a");
}

TEST(CsvReader, StrayQuoteIsMalformedAndReaderResynchronises) {
  const auto rows = read_all("a,b\n1,x\"y\n2,3\n");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[1].status, CsvStatus::stray_quote);
  EXPECT_EQ(rows[1].line, 2U);
  EXPECT_EQ(rows[2].status, CsvStatus::ok);
  EXPECT_EQ(rows[2].line, 3U);
}

TEST(CsvReader, TextAfterClosingQuoteIsMalformed) {
  const auto rows = read_all("a,b\n\"1\"x,2\n");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[1].status, CsvStatus::text_after_quote);
}

TEST(CsvReader, UnterminatedQuoteAtEndIsMalformed) {
  const auto rows = read_all("a,b\n1,\"open\n");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[1].status, CsvStatus::unterminated_quote);
  EXPECT_EQ(rows[1].line, 2U);
}

TEST(CsvReader, FieldLengthGuard) {
  CsvOptions options;
  options.max_field_length = 8;
  const auto rows = read_all("a,b\n123456789,1\nok,2\n", options);
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[1].status, CsvStatus::field_too_long);
  EXPECT_EQ(rows[2].status, CsvStatus::ok);
  EXPECT_EQ(rows[2].line, 3U);
}

TEST(CsvReader, LineLengthGuard) {
  CsvOptions options;
  options.max_record_length = 10;
  const auto rows = read_all("a,b\n123456,123456\nok,2\n", options);
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[1].status, CsvStatus::line_too_long);
  EXPECT_EQ(rows[2].line, 3U);
}

TEST(CsvReader, RecordsSpanningBufferBoundariesAreIntact) {
  CsvOptions options;
  options.buffer_size = 16; // forces many refills, also inside quoted fields
  std::string text = "a,b\n";
  for (int i = 0; i < 100; ++i)
    text += std::to_string(i) + ",\"q" + std::to_string(i) + "\"\"x\"\n";
  const auto rows = read_all(text, options);
  ASSERT_EQ(rows.size(), 101U);
  EXPECT_EQ(rows[100].fields, (std::vector<std::string>{"99", "q99\"x"}));
  EXPECT_EQ(rows[100].line, 101U);
}

TEST(CsvReader, ReadsFromFileDescriptor) {
  std::array<int, 2> fds{};
  ASSERT_EQ(::pipe(fds.data()), 0);
  const std::string text = "a;b\n\"x\ny\";2\n3;4\n";
  ASSERT_EQ(::write(fds[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::close(fds[1]);
  CsvReader reader(fds[0]);
  CsvRecord record;
  std::vector<std::size_t> lines;
  while (reader.next(record))
    lines.push_back(record.line);
  ::close(fds[0]);
  EXPECT_EQ(reader.delimiter(), ';');
  EXPECT_EQ(lines, (std::vector<std::size_t>{1, 2, 4}));
}

} // namespace
} // namespace eenplan::importers
