// Reads one element: typed attributes with precise positions, known
// children, text. Whatever the caller did not ask for is reported as
// unknown (a warning), so every reader states the format exactly once.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "feed/source_text.h"
#include "model/content.h"

namespace hb::feed {

class Findings {
 public:
  Findings(const SourceText& text, model::Diagnostics& out, std::size_t budget)
      : text_(text), out_(out), budget_(budget) {}

  void add(model::Severity severity, const model::Where& where, std::string message);
  void error(const model::Where& where, std::string message) {
    add(model::Severity::error, where, std::move(message));
  }
  void warning(const model::Where& where, std::string message) {
    add(model::Severity::warning, where, std::move(message));
  }
  const SourceText& text() const { return text_; }
  bool any_error() const { return errors_ > 0; }
  // No more findings are listed: work that only makes a message better can stop.
  bool full() const { return budget_ == 0; }

  // Lint's clock (Limits::now): from then on, dates far after it are warned about.
  void set_clock(std::int64_t now, std::int64_t generated_skew_seconds) {
    now_ = now;
    generated_skew_ = generated_skew_seconds;
  }
  // A date kImplausibleYearsAhead years after lint's clock: a typing mistake?
  void check_plausible(const model::Where& where, std::string_view attr, std::string_view raw,
                       const model::Date& date);
  // A `generated` a screen would refuse as coming from the future.
  void check_generated(const model::Where& where, std::string_view raw,
                       const model::DateTime& generated);

 private:
  const SourceText& text_;
  model::Diagnostics& out_;
  std::size_t budget_;
  std::size_t errors_ = 0;
  std::optional<std::int64_t> now_;
  std::int64_t generated_skew_ = 0;
  std::optional<std::size_t> summary_;  // index in out_ of the "too many problems" line
};

enum class Need { optional, required };

// "a, b or c"
std::string join_alternatives(const std::vector<std::string_view>& words);

template <class T>
using Choices = std::initializer_list<std::pair<std::string_view, T>>;

class ElementReader {
 public:
  ElementReader(Findings& findings, pugi::xml_node node);

  model::Where where() const;  // at the "<" of the start tag
  model::Where where_of(const char* attribute) const;
  const char* name() const { return node_.name(); }
  // "<item id="JS-0001">", to say which element a message is about: the
  // attribute that identifies an element of this kind, unless it is `except`.
  std::string label(std::string_view except = {}) const;

  // Free text; an empty value counts as absent (an error when required).
  std::optional<std::string> text_attr(const char* attr, Need need = Need::optional);
  // The value as written, folded; empty when the attribute is there but
  // empty, so that typed readers can say what was expected.
  std::optional<std::string> value_attr(const char* attr, Need need = Need::optional);
  std::optional<long long> whole_attr(const char* attr, Need need = Need::optional,
                                      long long min = 0, long long max = 999999999999);
  std::optional<bool> bool_attr(const char* attr, Need need = Need::optional);
  std::optional<model::Date> date_attr(const char* attr, Need need = Need::optional);
  std::optional<model::TimeOfDay> time_attr(const char* attr, bool allow_24,
                                            Need need = Need::optional);
  std::optional<model::DateTime> timestamp_attr(const char* attr, Need need = Need::optional);
  std::optional<model::Money> money_attr(const char* attr, Need need = Need::optional);
  std::optional<std::string> http_url_attr(const char* attr, Need need = Need::optional);

  template <class T>
  std::optional<T> enum_attr(const char* attr, Choices<T> choices, Need need = Need::optional) {
    const auto raw = value_attr(attr, need);
    if (!raw) return std::nullopt;
    std::vector<std::string_view> words;
    for (const auto& [word, value] : choices) {
      if (*raw == word) return value;
      words.push_back(word);
    }
    const std::string expected = join_alternatives(words);
    bad_value(attr, *raw, expected);
    return std::nullopt;
  }

  // Children with this name, in order; the name becomes known.
  std::vector<pugi::xml_node> children(const char* child);
  // At most one child with this name: a second is an error.
  std::optional<pugi::xml_node> single_child(const char* child, Need need = Need::optional);

  // The element's text, normalised as the format says.
  std::string text(Need need = Need::optional);
  // The text as one line, for names and numbers.
  std::string text_line(Need need = Need::optional);

  // Reports attributes and child elements nobody asked for. Call once.
  void finish();

  void bad_value(const char* attr, std::string_view value, std::string_view expected);
  // Says `problem` (what is wrong, from value_problems.h) instead of what was
  // expected, unless it is empty.
  void bad_value(const char* attr, std::string_view value, std::string_view problem,
                 std::string_view expected);
  // from < to, or an error at `to`. The player's zone is unknown here; the
  // format's default is right unless the two ends mix offsets.
  bool check_order(const model::DateTime& from, const model::DateTime& to);
  Findings& findings() { return findings_; }
  pugi::xml_node node() const { return node_; }

 private:
  const char* raw_attr(const char* attr, Need need);
  std::string raw_text() const;
  std::size_t start_offset() const;

  Findings& findings_;
  pugi::xml_node node_;
  std::vector<std::string_view> known_attrs_;
  std::vector<std::string_view> known_children_;
  bool text_read_ = false;  // text() or text_line() was asked for
};

// Position of a node's start tag, for nodes read elsewhere.
model::Where where_of_node(const SourceText& text, pugi::xml_node node);

}  // namespace hb::feed
