// Two writers of one JSON shape, with the same calls: JsonText writes the text straight into a
// string, JsonValue builds a boost::json::value. A shape written once, as a template over the
// writer, then serves both: the dossier read answers with text (building a boost::json::value
// and serialising it took about 6 µs of every read, see bench/RESULTS.md), while answers that
// embed a shape in a larger document take the value.
#pragma once

#include <boost/json.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eenplan::api {

/// A member name the code spells out: checked when it is compiled to need no escape, so the
/// text writer copies it as it is instead of scanning it on every answer.
class JsonName {
public:
  template <std::size_t N> consteval JsonName(const char (&name)[N]) : text_(name, N - 1) { // NOLINT
    for (const char c : text_)
      if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\') throw "a JSON name needs no escape";
  }
  std::string_view text() const { return text_; }

private:
  std::string_view text_;
};

class JsonText {
public:
  JsonText() { out_.reserve(2048); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(JsonName name) {
    separate();
    out_.push_back('"');
    out_.append(name.text());
    out_.append("\":", 2);
    // The value that follows the key needs no separator.
    need_comma_ = false;
  }
  void value(std::string_view text) {
    separate();
    quoted(text);
    need_comma_ = true;
  }
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(long long number);
  void value(int number) { value(static_cast<long long>(number)); }
  void value(bool truth) { literal(truth ? "true" : "false"); }
  void null() { literal("null"); }

  std::string take() { return std::move(out_); }

private:
  void separate() {
    if (need_comma_) out_.push_back(',');
  }
  void open(char bracket) {
    separate();
    out_.push_back(bracket);
    need_comma_ = false;
  }
  void close(char bracket) {
    out_.push_back(bracket);
    need_comma_ = true;
  }
  void literal(std::string_view word) {
    separate();
    out_.append(word);
    need_comma_ = true;
  }
  /// A JSON string: quotes, backslashes and control characters escaped, UTF-8 as it is.
  void quoted(std::string_view text);

  std::string out_;
  // One flag is enough: after a key or an opening bracket nothing separates, after a value or a
  // closing bracket a comma does.
  bool need_comma_ = false;
};

class JsonValue {
public:
  void begin_object() { levels_.push_back({boost::json::object(), {}}); }
  void end_object() { close(); }
  void begin_array() { levels_.push_back({boost::json::array(), {}}); }
  void end_array() { close(); }
  void key(JsonName name) { levels_.back().key.assign(name.text()); }
  void value(std::string_view text) { put(boost::json::string(text)); }
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(long long number) { put(number); }
  void value(int number) { put(number); }
  void value(bool truth) { put(truth); }
  void null() { put(nullptr); }

  boost::json::value take() { return std::move(result_); }

private:
  struct Level {
    boost::json::value container;
    std::string key; // of the next member, in an object
  };
  void close() {
    auto done = std::move(levels_.back().container);
    levels_.pop_back();
    put(std::move(done));
  }
  void put(boost::json::value v) {
    if (levels_.empty()) {
      result_ = std::move(v);
      return;
    }
    auto& level = levels_.back();
    if (auto* object = level.container.if_object()) {
      object->insert_or_assign(level.key, std::move(v));
    } else {
      level.container.as_array().push_back(std::move(v));
    }
  }

  std::vector<Level> levels_;
  boost::json::value result_;
};

} // namespace eenplan::api
