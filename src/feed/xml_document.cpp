#include "feed/xml_document.h"

#include <algorithm>
#include <vector>

#include "feed/prescan.h"
#include "feed/text.h"

namespace hb::feed {
namespace {

std::string describe_parse_error(const pugi::xml_parse_result& r) {
  switch (r.status) {
    case pugi::status_unrecognized_tag:  // the offset is moved back onto the "<" by the caller
      return "XML is not well-formed: a \"<\" that does not start a tag (write &lt; for a "
             "literal \"<\")";
    case pugi::status_bad_attribute:
      return "XML is not well-formed: a malformed attribute (values need quotes: name=\"…\")";
    case pugi::status_no_document_element:
      return "the file holds no XML element; expected <hallboard> or <player>";
    default:
      return std::string("XML is not well-formed: ") + r.description();
  }
}

std::size_t tag_start(const pugi::xml_node& node) {
  return static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 1)) - 1;
}

// The second attribute of this name on the element, if any.
std::optional<std::string_view> duplicate_attribute(const pugi::xml_node& node) {
  std::vector<std::string_view> names;
  for (const auto& a : node.attributes())
    names.emplace_back(a.name());
  std::sort(names.begin(), names.end());
  const auto dup = std::adjacent_find(names.begin(), names.end());
  if (dup == names.end()) return std::nullopt;
  return *dup;
}

// pugixml silently drops text before and after the root element; XML
// forbids it, and an editor would lose what they wrote there. Returns the
// offset of such text.
std::optional<std::size_t> text_outside_root(std::string_view s) {
  std::size_t i = 0;
  while (true) {  // leading white space, comments and processing instructions
    while (i < s.size() && is_xml_space(s[i]))
      ++i;
    if (s.compare(i, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) return std::nullopt;
      i = end + 3;
    } else if (s.compare(i, 2, "<?") == 0) {
      const std::size_t end = s.find("?>", i + 2);
      if (end == std::string_view::npos) return std::nullopt;
      i = end + 2;
    } else {
      break;
    }
  }
  if (i < s.size() && s[i] != '<') return i;
  std::size_t end = s.size();
  while (true) {  // trailing white space, comments and processing instructions
    while (end > 0 && is_xml_space(s[end - 1]))
      --end;
    const std::string_view head = s.substr(0, end);
    if (head.size() >= 3 && head.substr(head.size() - 3) == "-->" &&
        head.rfind("<!--") != std::string_view::npos) {
      end = head.rfind("<!--");
    } else if (head.size() >= 2 && head.substr(head.size() - 2) == "?>" &&
               head.rfind("<?") != std::string_view::npos) {
      end = head.rfind("<?");
    } else {
      break;
    }
  }
  if (end > 0 && s[end - 1] != '>') {
    const std::size_t last_tag = s.rfind('>', end - 1);
    std::size_t start = last_tag == std::string_view::npos ? 0 : last_tag + 1;
    while (start < end && is_xml_space(s[start]))
      ++start;
    return start;
  }
  return std::nullopt;
}

// What pugixml lets through but XML forbids, and the depth cap. Iterative,
// so a pathological nesting depth cannot overflow the stack.
bool check_structure(const XmlDocument& doc, const Limits& limits, model::Diagnostics& out) {
  const SourceText& text = *doc.text;
  const auto fail = [&](std::size_t offset, std::string message) {
    out.push_back({text.where(offset), model::Severity::error, std::move(message)});
    return false;
  };
  if (const auto stray = text_outside_root(text.text()))
    return fail(*stray, "text outside the root element; everything belongs inside it");
  int roots = 0;
  for (pugi::xml_node n = doc.doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_element && ++roots == 2)
      return fail(tag_start(n), "a second root element <" + std::string(n.name()) +
                                    ">; a document has exactly one (<hallboard> or <player>)");
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata)
      return fail(static_cast<std::size_t>(n.offset_debug()),
                  "text outside the root element; everything belongs inside it");
  }
  std::vector<std::pair<pugi::xml_node, int>> stack{{doc.doc.document_element(), 1}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (depth > limits.max_depth)
      return fail(tag_start(node), "elements are nested more than " +
                                       std::to_string(limits.max_depth) +
                                       " deep; a feed needs at most 5 levels");
    if (const auto dup = duplicate_attribute(node)) {
      const std::size_t at = attribute_offset(text.text(), tag_start(node), *dup, 1);
      return fail(at == std::string_view::npos ? tag_start(node) : at,
                  "<" + std::string(node.name()) + "> has the attribute " + std::string(*dup) +
                      " twice; XML allows each attribute once");
    }
    for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling())
      if (child.type() == pugi::node_element) stack.emplace_back(child, depth + 1);
  }
  return true;
}

std::string human_size(std::size_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  if (bytes < (1u << 20)) return std::to_string(bytes >> 10) + " KiB";
  const std::size_t tenths = bytes * 10 / (1u << 20);
  return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") +
         " MiB";
}

}  // namespace

std::unique_ptr<XmlDocument> load_xml(std::string_view bytes, const std::string& file,
                                      const Limits& limits, model::Diagnostics& out) {
  if (bytes.size() > limits.max_bytes) {
    out.push_back({model::Where{file, 1, 1}, model::Severity::error,
                   "the file is larger than " + human_size(limits.max_bytes) +
                       ", the limit for one feed (lint --max-size raises it for checking)"});
    return nullptr;
  }
  auto decoded = decode(bytes, file, out);
  if (!decoded) return nullptr;

  auto doc = std::make_unique<XmlDocument>();
  doc->utf8 = std::move(decoded->utf8);
  doc->encoding = decoded->encoding;
  doc->text = std::make_unique<SourceText>(file, doc->utf8);

  const std::size_t before = out.size();
  prescan(*doc->text, out, limits.max_findings);
  if (out.size() != before) return nullptr;

  // Attribute white space is kept as written: the reader folds it like text.
  constexpr unsigned kOptions = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol;
  const pugi::xml_parse_result r =
      doc->doc.load_buffer(doc->utf8.data(), doc->utf8.size(), kOptions, pugi::encoding_utf8);
  if (r.status == pugi::status_no_document_element) {
    out.push_back({model::Where{file, 1, 1}, model::Severity::error, describe_parse_error(r)});
    return nullptr;
  }
  const bool at_end = static_cast<std::size_t>(r.offset) + 1 >= doc->utf8.size();
  if (at_end && (r.status == pugi::status_end_element_mismatch ||
                 r.status == pugi::status_bad_start_element ||
                 r.status == pugi::status_bad_attribute || r.status == pugi::status_bad_pcdata)) {
    out.push_back({doc->text->where(doc->utf8.size()), model::Severity::error,
                   "the file ends before every element is closed; was it cut short?"});
    return nullptr;
  }
  if (r.status == pugi::status_end_element_mismatch) {
    // pugixml points at the closing tag's name: say which one it is.
    const std::string_view rest =
        std::string_view(doc->utf8).substr(static_cast<std::size_t>(r.offset));
    const std::string name(rest.substr(0, rest.find_first_of("> \t\r\n")));
    const std::size_t at =
        static_cast<std::size_t>(r.offset) >= 2 ? static_cast<std::size_t>(r.offset) - 2 : 0;
    out.push_back({doc->text->where(at), model::Severity::error,
                   "XML is not well-formed: the closing tag </" + name +
                       "> does not match the element that is open here (a misspelt or "
                       "missing closing tag?)"});
    return nullptr;
  }
  if (!r) {
    // pugixml points just past the "<" of a bad tag; the editor wants the "<".
    const auto offset = static_cast<std::size_t>(r.offset);
    const bool after_lt =
        r.status == pugi::status_unrecognized_tag && offset > 0 && doc->utf8[offset - 1] == '<';
    out.push_back({doc->text->where(after_lt ? offset - 1 : offset), model::Severity::error,
                   describe_parse_error(r)});
    return nullptr;
  }
  const pugi::xml_node root = doc->doc.document_element();
  if (!root) {
    out.push_back({model::Where{file, 1, 1}, model::Severity::error,
                   "the file holds no XML element; expected <hallboard> or <player>"});
    return nullptr;
  }
  if (!check_structure(*doc, limits, out)) return nullptr;
  return doc;
}

std::size_t attribute_offset(std::string_view s, std::size_t tag_start, std::string_view name,
                             int occurrence) {
  std::size_t i = tag_start + 1;
  while (i < s.size() && !is_xml_space(s[i]) && s[i] != '>' && s[i] != '/')
    ++i;  // element name
  while (i < s.size()) {
    while (i < s.size() && is_xml_space(s[i]))
      ++i;
    if (i >= s.size() || s[i] == '>' || s[i] == '/') break;
    const std::size_t name_start = i;
    while (i < s.size() && !is_xml_space(s[i]) && s[i] != '=' && s[i] != '>')
      ++i;
    if (s.substr(name_start, i - name_start) == name && occurrence-- == 0) return name_start;
    while (i < s.size() && s[i] != '"' && s[i] != '\'' && s[i] != '>')
      ++i;
    if (i >= s.size() || s[i] == '>') break;
    const std::size_t close = s.find(s[i], i + 1);
    if (close == std::string_view::npos) break;
    i = close + 1;
  }
  return std::string_view::npos;
}

}  // namespace hb::feed
