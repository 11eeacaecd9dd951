// The dossier's JSON is written by one template for two writers: text for the read, a
// boost::json::value where it is embedded. Both must give the same document.
#include "api/pupil_json.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

#include "api/json_out.hpp"

namespace eenplan::api {
namespace {

namespace json = boost::json;

service::PupilView dossier() {
  service::PupilView v;
  auto& p = v.pupil;
  p.id = "0027e5ba-2a2a-4df3-a031-db98ed73c5ab";
  p.given_name = "Çağrı \"Cas\"";
  p.family_name = "van\\den Berg";
  p.date_of_birth = "2014-03-02";
  p.postcode = "8011 AB";
  p.school_pupil_number = "12345";
  p.status = "enrolled";
  p.enrolment_school = {"8046676c-2630-4b1a-a51c-72af43b1c7c3", "RKBS De Toermalijn", "school"};
  p.municipality = {"9046676c-2630-4b1a-a51c-72af43b1c7c3", "Gemeente Zwolle", "municipality"};
  p.load_capacity = "Regel een\nregel twee\tmet tab";
  p.care_history = std::string("stuurteken \x01 en \x1f", 16);
  p.version = 3;
  p.year_group = 6;
  p.level = "bao";
  p.guardians = {{"g1", "Annemiek Pol", "moeder", "06-96644295", "apol@voorbeeld.nl"}};
  p.case_team = {
      {"u1", "Patricia Ooft", "school_coordinator", "o1", "De Toermalijn", "school", "regisseur", true},
      {"u2", "Kemal Öztürk", "teacher", "", "", "", "mentor", false}};
  p.support_needs = {{"s1", "social_skills", "Oefenen in een klein groepje."}};
  p.factors = {{"f1", "promoting", "family", "Oma vangt hem op."}};
  v.scope = domain::Scope::Full;
  v.can_edit = true;
  v.can_add_notes = true;
  return v;
}

TEST(PupilJson, TextIsTheSameDocumentAsTheValueByteForByte) {
  const auto view = dossier();
  const auto text = pupil_json_text(view);
  EXPECT_EQ(text, json::serialize(pupil_json(view)));
  const auto parsed = json::parse(text).as_object();
  EXPECT_EQ(parsed.at("givenName").as_string(), "Çağrı \"Cas\"");
  EXPECT_EQ(parsed.at("careHistory").as_string(), std::string("stuurteken \x01 en \x1f", 16));
  EXPECT_TRUE(parsed.at("homeSchool").is_null());
  EXPECT_TRUE(parsed.at("caseTeam").as_array()[1].as_object().at("organisation").is_null());
  EXPECT_EQ(parsed.at("yearGroup").as_int64(), 6);
}

TEST(PupilJson, AttendanceViewLeavesOutWhatLeerplichtDoesNotNeed) {
  auto view = dossier();
  view.scope = domain::Scope::Attendance;
  view.pupil.year_group = 0;
  view.pupil.guardians.clear();
  const auto text = pupil_json_text(view);
  EXPECT_EQ(text, json::serialize(pupil_json(view)));
  const auto parsed = json::parse(text).as_object();
  for (const char* absent : {"loadCapacity", "careHistory", "caseTeam", "supportNeeds", "factors"})
    EXPECT_FALSE(parsed.contains(absent)) << absent;
  EXPECT_TRUE(parsed.at("yearGroup").is_null());
  EXPECT_TRUE(parsed.at("guardians").as_array().empty());
  EXPECT_EQ(parsed.at("access").as_object().at("scope").as_string(), "attendance");
}

TEST(JsonText, EscapesQuotesBackslashesAndControlCharactersOnly) {
  JsonText out;
  out.begin_array();
  out.value(std::string_view("a\"b\\c\nd\x01\x7f é"));
  out.value(-42);
  out.value(false);
  out.null();
  out.begin_object();
  out.end_object();
  out.begin_array();
  out.end_array();
  out.end_array();
  EXPECT_EQ(out.take(), "[\"a\\\"b\\\\c\\nd\\u0001\x7f é\",-42,false,null,{},[]]");
}

// Long and short texts, with the characters that need an escape anywhere in an eight-byte
// stretch: the writer skips plain text eight bytes at a time.
TEST(JsonText, WritesEveryTextAsBoostJsonDoes) {
  const std::vector<std::string> pieces{"a",  "Zwolle ", "é",    "ğ",    "€",    "\"", "\\",
                                        "\n", "\t",      "\x01", "\x1f", "\x7f", " "};
  unsigned state = 7;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(state % 40);
    for (int i = 0; i < length; ++i) {
      state = state * 1103515245U + 12345U;
      text += pieces[(state >> 16) % pieces.size()];
    }
    state = state * 1103515245U + 12345U;
    JsonText out;
    out.value(text);
    ASSERT_EQ(out.take(), json::serialize(json::string(text))) << "round " << round;
  }
}

} // namespace
} // namespace eenplan::api
