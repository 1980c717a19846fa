#include "feed/element_reader.h"

#include <algorithm>

#include "feed/suggest.h"
#include "feed/text.h"
#include "feed/value_problems.h"
#include "feed/values.h"
#include "feed/xml_document.h"

namespace hb::feed {
namespace {

// "; did you mean <department>?" when `unknown` looks like a typo of a name
// valid at this place, else nothing. Not looked for once no more findings
// are listed: a hostile feed of a million unknown elements costs no more.
std::string did_you_mean(const Findings& findings, std::string_view unknown,
                         const std::vector<std::string_view>& known, std::string_view open,
                         std::string_view close) {
  if (findings.full()) return {};
  const auto name = nearest_name(unknown, known);
  if (!name) return {};
  return "; did you mean " + std::string(open) + std::string(*name) + std::string(close) + "?";
}

}  // namespace

void Findings::add(model::Severity severity, const model::Where& where, std::string message) {
  if (severity == model::Severity::error) ++errors_;
  if (budget_ == 0) {
    // An error past the cap must still fail the file, so the summary says so.
    if (summary_ && severity == model::Severity::error)
      out_[*summary_].severity = model::Severity::error;
    return;
  }
  if (--budget_ == 0) {
    summary_ = out_.size();
    out_.push_back({where, severity, "too many problems in this file; the rest are not listed"});
    return;
  }
  out_.push_back({where, severity, std::move(message)});
}

void Findings::check_plausible(const model::Where& where, std::string_view attr,
                               std::string_view raw, const model::Date& date) {
  if (!now_) return;
  // Lint does not know the screen's zone: the format's default decides the day.
  const model::Date today =
      model::civil_from_days((*now_ + model::kDefaultUtcOffsetMinutes * 60) / 86400);
  const model::Date limit{today.year + kImplausibleYearsAhead, today.month, today.day};
  if (date <= limit) return;
  warning(where, std::string(attr) + "=\"" + std::string(raw) + "\" is more than " +
                     std::to_string(kImplausibleYearsAhead) + " years after today (" +
                     model::to_string(today) + "); a typing mistake?");
}

void Findings::check_generated(const model::Where& where, std::string_view raw,
                               const model::DateTime& generated) {
  if (!now_) return;
  const auto t = model::to_unix(generated, model::kDefaultUtcOffsetMinutes);
  if (t <= *now_ + generated_skew_) return;
  warning(where, "generated=\"" + std::string(raw) + "\" is ahead of this computer's clock (" +
                     model::to_iso_string(*now_, model::kDefaultUtcOffsetMinutes) +
                     ") by more than the " + std::to_string(generated_skew_) +
                     " seconds a screen allows (<player clock-skew>): screens refuse this "
                     "version and keep the one they have");
}

std::string join_alternatives(const std::vector<std::string_view>& words) {
  std::string r;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) r += i + 1 == words.size() ? " or " : ", ";
    r += words[i];
  }
  return r;
}

model::Where where_of_node(const SourceText& text, pugi::xml_node node) {
  const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 1));
  // offset_debug points at the name; the editor wants the "<" before it.
  return text.where(node.type() == pugi::node_element ? offset - 1 : offset);
}

ElementReader::ElementReader(Findings& findings, pugi::xml_node node)
    : findings_(findings), node_(node) {}

std::size_t ElementReader::start_offset() const {
  return static_cast<std::size_t>(std::max<std::ptrdiff_t>(node_.offset_debug(), 1)) - 1;
}

model::Where ElementReader::where() const {
  return findings_.text().where(start_offset());
}

model::Where ElementReader::where_of(const char* attribute) const {
  const std::size_t at = attribute_offset(findings_.text().text(), start_offset(), attribute);
  return at == std::string_view::npos ? where() : findings_.text().where(at);
}

std::string ElementReader::label(std::string_view except) const {
  // The attribute that tells elements of each kind apart.
  static constexpr std::pair<std::string_view, const char*> kKeys[] = {
      {"slide", "type"},   {"phone", "kind"},    {"link", "kind"},   {"post", "role"},
      {"pledge", "staff"}, {"absence", "staff"}, {"result", "item"}, {"playlist", "screen"},
      {"fee", "name"},     {"step", "name"},     {"holiday", "name"}};
  const char* key = "id";
  for (const auto& [element, attr] : kKeys)
    if (element == node_.name()) key = attr;
  std::string r = "<";
  r += node_.name();
  const pugi::xml_attribute a = node_.attribute(key);
  if (a && except != key) {
    r += ' ';
    r += key;
    r += "=\"";
    r += normalize_line(a.value());
    r += '"';
  }
  r += '>';
  return r;
}

const char* ElementReader::raw_attr(const char* attr, Need need) {
  known_attrs_.emplace_back(attr);
  const pugi::xml_attribute a = node_.attribute(attr);
  if (!a) {
    if (need == Need::required) findings_.error(where(), label() + " needs the attribute " + attr);
    return nullptr;
  }
  return a.value();
}

std::optional<std::string> ElementReader::value_attr(const char* attr, Need need) {
  const char* raw = raw_attr(attr, need);
  if (!raw) return std::nullopt;
  return normalize_line(raw);
}

std::optional<std::string> ElementReader::text_attr(const char* attr, Need need) {
  const char* raw = raw_attr(attr, need);
  if (!raw) return std::nullopt;
  std::string value = normalize_line(raw);
  if (value.empty()) {
    if (need == Need::required)
      findings_.error(where_of(attr), label(attr) + " " + attr + " must not be empty");
    return std::nullopt;
  }
  return value;
}

void ElementReader::bad_value(const char* attr, std::string_view value, std::string_view expected) {
  bad_value(attr, value, {}, expected);
}

void ElementReader::bad_value(const char* attr, std::string_view value, std::string_view problem,
                              std::string_view expected) {
  const std::string why =
      problem.empty() ? "expected " + std::string(expected) : std::string(problem);
  findings_.error(where_of(attr), label(attr) + " " + attr + "=\"" + std::string(value) +
                                      "\" is not valid: " + why);
}

bool ElementReader::check_order(const model::DateTime& from, const model::DateTime& to) {
  if (model::to_unix(from, model::kDefaultUtcOffsetMinutes) <
      model::to_unix(to, model::kDefaultUtcOffsetMinutes))
    return true;
  findings_.error(where_of("to"), label() + " to=\"" +
                                      normalize_line(node_.attribute("to").value()) +
                                      "\" must be later than from=\"" +
                                      normalize_line(node_.attribute("from").value()) + "\"");
  return false;
}

std::optional<long long> ElementReader::whole_attr(const char* attr, Need need, long long min,
                                                   long long max) {
  const auto raw = value_attr(attr, need);
  if (!raw) return std::nullopt;
  const auto v = parse_whole_number(*raw);
  if (!v || *v < min || *v > max) {
    std::string expected = "a whole number";
    if (min > 0 && max < 999999999999)
      expected += " from " + std::to_string(min) + " to " + std::to_string(max);
    else if (min > 0)
      expected += " of at least " + std::to_string(min);
    else if (max < 999999999999)
      expected += " of at most " + std::to_string(max);
    bad_value(attr, *raw, expected);
    return std::nullopt;
  }
  return v;
}

std::optional<bool> ElementReader::bool_attr(const char* attr, Need need) {
  const auto raw = value_attr(attr, need);
  if (!raw) return std::nullopt;
  const auto v = parse_boolean(*raw);
  if (!v) bad_value(attr, *raw, "true or false");
  return v;
}

std::optional<model::Date> ElementReader::date_attr(const char* attr, Need need) {
  const auto raw = value_attr(attr, need);
  if (!raw) return std::nullopt;
  const auto v = parse_date(*raw);
  if (!v)
    bad_value(attr, *raw, date_problem(*raw), "a date YYYY-MM-DD, such as 2026-11-27");
  else
    findings_.check_plausible(where_of(attr), attr, *raw, *v);
  return v;
}

std::optional<model::TimeOfDay> ElementReader::time_attr(const char* attr, bool allow_24,
                                                         Need need) {
  const auto raw = value_attr(attr, need);
  if (!raw) return std::nullopt;
  const auto v = parse_time_of_day(*raw, allow_24);
  if (!v)
    bad_value(attr, *raw, time_problem(*raw, allow_24),
              allow_24 ? "a time HH:MM from 00:00 to 24:00" : "a time HH:MM from 00:00 to 23:59");
  return v;
}

std::optional<model::DateTime> ElementReader::timestamp_attr(const char* attr, Need need) {
  const auto raw = value_attr(attr, need);
  if (!raw) return std::nullopt;
  const auto v = parse_timestamp(*raw);
  if (!v)
    bad_value(
        attr, *raw, timestamp_problem(*raw),
        !raw->empty() && raw->back() == 'Z'
            ? "an offset written as +00:00 (not Z), as in 2026-11-27T02:00+00:00"
            : "a timestamp YYYY-MM-DDTHH:MM, optionally with :SS and an offset such as +08:00");
  else if (std::string_view(attr) != "generated")  // stricter: Findings::check_generated
    findings_.check_plausible(where_of(attr), attr, *raw, v->date);
  return v;
}

std::optional<model::Money> ElementReader::money_attr(const char* attr, Need need) {
  const auto raw = value_attr(attr, need);
  if (!raw) return std::nullopt;
  const auto v = parse_money(*raw);
  if (!v) bad_value(attr, *raw, "an amount in yuan with at most two decimals, such as 10 or 10.50");
  return v;
}

std::optional<std::string> ElementReader::http_url_attr(const char* attr, Need need) {
  auto raw = value_attr(attr, need);
  if (!raw) return std::nullopt;
  if (!is_http_url(*raw)) {
    bad_value(attr, *raw, "an absolute http:// or https:// URL");
    return std::nullopt;
  }
  return raw;
}

std::vector<pugi::xml_node> ElementReader::children(const char* child) {
  known_children_.emplace_back(child);
  std::vector<pugi::xml_node> r;
  for (pugi::xml_node c = node_.child(child); c; c = c.next_sibling(child))
    r.push_back(c);
  return r;
}

std::optional<pugi::xml_node> ElementReader::single_child(const char* child, Need need) {
  const auto all = children(child);
  if (all.empty()) {
    if (need == Need::required)
      findings_.error(where(), label() + " needs a <" + child + "> element");
    return std::nullopt;
  }
  for (std::size_t i = 1; i < all.size(); ++i)
    findings_.error(where_of_node(findings_.text(), all[i]),
                    "<" + std::string(child) + "> appears more than once in " + label() +
                        "; only the first one is used");
  return all.front();
}

std::string ElementReader::raw_text() const {
  std::string raw;
  for (pugi::xml_node c = node_.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) raw += c.value();
  return raw;
}

std::string ElementReader::text(Need need) {
  text_read_ = true;
  std::string value = normalize_text(raw_text());
  if (value.empty() && need == Need::required)
    findings_.error(where(), label() + " must not be empty");
  return value;
}

std::string ElementReader::text_line(Need need) {
  text_read_ = true;
  std::string value = normalize_line(raw_text());
  if (value.empty() && need == Need::required)
    findings_.error(where(), label() + " must not be empty");
  return value;
}

void ElementReader::finish() {
  if (!text_read_ && !normalize_text(raw_text()).empty())
    findings_.warning(where(), "text inside " + label() +
                                   " is ignored; this element takes "
                                   "only attributes and child elements");
  for (const pugi::xml_attribute& a : node_.attributes()) {
    const std::string_view n = a.name();
    // Namespace declarations and schema hints are for editors' tools.
    if (n == "xmlns" || n.substr(0, 6) == "xmlns:" || n.substr(0, 4) == "xsi:") continue;
    if (std::find(known_attrs_.begin(), known_attrs_.end(), n) == known_attrs_.end())
      findings_.warning(where_of(a.name()), "unknown attribute " + std::string(n) + " on " +
                                                label() +
                                                " is ignored: its value will not be shown or used" +
                                                did_you_mean(findings_, n, known_attrs_, "", ""));
  }
  for (pugi::xml_node c = node_.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view n = c.name();
    if (std::find(known_children_.begin(), known_children_.end(), n) == known_children_.end())
      findings_.warning(where_of_node(findings_.text(), c),
                        "unknown element <" + std::string(n) + "> in " + label() +
                            " is ignored: its content will not be shown" +
                            did_you_mean(findings_, n, known_children_, "<", ">"));
  }
}

}  // namespace hb::feed
