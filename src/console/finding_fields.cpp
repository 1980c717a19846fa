#include "console/finding_fields.h"

#include <pugixml.hpp>

#include "console/feed_records.h"

namespace hb::console {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// pugixml keeps the offset of an element's name; lint places findings at
// the "<" before it (feed::where_of_node), so that is where elements start.
std::size_t start_of(const pugi::xml_node& n) {
  const std::ptrdiff_t at = n.offset_debug();
  if (at < 0) return npos;
  const auto offset = static_cast<std::size_t>(at);
  return n.type() == pugi::node_element && offset > 0 ? offset - 1 : offset;
}

// Where the node's part of the text ends: the next node not inside it, in
// document order (closing tags hold no findings), or the end of the text.
std::size_t end_of(pugi::xml_node n, std::size_t text_size) {
  for (; n; n = n.parent()) {
    if (const pugi::xml_node next = n.next_sibling()) return start_of(next);
  }
  return text_size;
}

// The end (one past the ">") of the start tag at `start`; quotes are skipped,
// as a value may hold a ">".
std::size_t start_tag_end(std::string_view text, std::size_t start) {
  char quote = 0;
  for (std::size_t i = start; i < text.size(); ++i) {
    if (quote) {
      if (text[i] == quote) quote = 0;
    } else if (text[i] == '"' || text[i] == '\'') {
      quote = text[i];
    } else if (text[i] == '>') {
      return i + 1;
    }
  }
  return text.size();
}

// The attribute whose name or value covers offset `at` of a start tag
// (well-formed: the parser read it), or "".
std::string attribute_at(std::string_view tag, std::size_t at) {
  std::size_t i = 1;
  while (i < tag.size() && !is_space(tag[i]) && tag[i] != '/' && tag[i] != '>') ++i;  // the name
  while (i < tag.size()) {
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] == '/' || tag[i] == '>') break;
    const std::size_t name_start = i;
    while (i < tag.size() && tag[i] != '=' && !is_space(tag[i])) ++i;
    const std::string_view name = tag.substr(name_start, i - name_start);
    i = tag.find_first_of("\"'", i);
    if (i == npos) break;
    const std::size_t close = tag.find(tag[i], i + 1);
    if (close == npos) break;
    i = close + 1;
    if (name_start <= at && at < i) return std::string(name);
  }
  return "";
}

std::string child_field(const pugi::xml_node& child) {
  if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) return "text";
  if (child.type() != pugi::node_element) return "";
  std::string name = child.name();
  if (const auto role = child.attribute("role")) name += std::string("[role=") + role.value() + "]";
  return name;
}

pugi::xml_node element_at(const pugi::xml_document& doc, std::size_t start) {
  return doc.find_node([&](const pugi::xml_node& n) {
    return n.type() == pugi::node_element && start_of(n) == start;
  });
}

bool load(pugi::xml_document& doc, std::string_view text) {
  return doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
}

}  // namespace

std::size_t offset_of(std::string_view text, const model::Where& where) {
  if (where.line < 1 || where.column < 1) return npos;
  std::size_t at = 0;
  for (int line = 1; line < where.line; ++line) {
    at = text.find('\n', at);
    if (at == npos) return npos;
    ++at;
  }
  // Column c is after c - 1 code points; continuation bytes do not count.
  for (int column = 1; column < where.column; ++column) {
    if (at >= text.size() || text[at] == '\n') return npos;
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

std::string field_of_finding(std::string_view feed_text, std::size_t element_start,
                             const model::Where& where) {
  const std::size_t at = offset_of(feed_text, where);
  if (at == npos || at < element_start) return "";
  pugi::xml_document doc;
  if (!load(doc, feed_text)) return "";
  const pugi::xml_node element = element_at(doc, element_start);
  if (!element || at >= end_of(element, feed_text.size())) return "";
  const std::size_t tag_end = start_tag_end(feed_text, element_start);
  if (at < tag_end) {
    return attribute_at(feed_text.substr(element_start, tag_end - element_start), at - element_start);
  }
  for (pugi::xml_node c = element.first_child(); c; c = c.next_sibling()) {
    const std::size_t end = c.next_sibling() ? start_of(c.next_sibling()) : end_of(element, feed_text.size());
    if (start_of(c) <= at && at < end) return child_field(c);
  }
  return "";
}

std::vector<std::size_t> record_element_starts(std::string_view feed_text, std::string_view kind,
                                               std::string_view body) {
  std::vector<std::size_t> out;
  pugi::xml_document doc, record;
  if (!load(doc, feed_text) || !load(record, body) || !record.document_element()) return out;
  // Compared as pugixml writes both, whatever spelling the body came in.
  const std::string compact = record_body(record.document_element());
  // Records sit at most two levels down (<hallboard><roster><window>); no need to go deeper.
  const auto look = [&](const pugi::xml_node& e) {
    if (kind == e.name() && record_body(e) == compact) out.push_back(start_of(e));
  };
  for (const pugi::xml_node& top : doc.document_element().children()) {
    look(top);
    for (const pugi::xml_node& e : top.children()) look(e);
  }
  return out;
}

}  // namespace hb::console
