#include "feed/xml_document.h"

#include <vector>

#include "feed/prescan.h"

namespace hb::feed {
namespace {

std::string describe_parse_error(const pugi::xml_parse_result& r) {
  switch (r.status) {
    case pugi::status_end_element_mismatch:
      return "XML is not well-formed: this closing tag does not match the element that is open";
    case pugi::status_unrecognized_tag:
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

// Iterative, so a pathological nesting depth cannot overflow the stack.
std::optional<pugi::xml_node> first_too_deep(const pugi::xml_node& root, int max_depth) {
  std::vector<std::pair<pugi::xml_node, int>> stack{{root, 1}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (depth > max_depth) return node;
    for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling())
      if (child.type() == pugi::node_element) stack.emplace_back(child, depth + 1);
  }
  return std::nullopt;
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

  constexpr unsigned kOptions =
      pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol | pugi::parse_wconv_attribute;
  const pugi::xml_parse_result r =
      doc->doc.load_buffer(doc->utf8.data(), doc->utf8.size(), kOptions, pugi::encoding_utf8);
  if (r.status == pugi::status_no_document_element) {
    out.push_back({model::Where{file, 1, 1}, model::Severity::error, describe_parse_error(r)});
    return nullptr;
  }
  if (r.status == pugi::status_end_element_mismatch &&
      static_cast<std::size_t>(r.offset) + 1 >= doc->utf8.size()) {
    out.push_back({doc->text->where(doc->utf8.size()), model::Severity::error,
                   "the file ends before every element is closed; was it cut short?"});
    return nullptr;
  }
  if (!r) {
    out.push_back({doc->text->where(static_cast<std::size_t>(r.offset)), model::Severity::error,
                   describe_parse_error(r)});
    return nullptr;
  }
  const pugi::xml_node root = doc->doc.document_element();
  if (!root) {
    out.push_back({model::Where{file, 1, 1}, model::Severity::error,
                   "the file holds no XML element; expected <hallboard> or <player>"});
    return nullptr;
  }
  if (const auto deep = first_too_deep(root, limits.max_depth)) {
    const auto offset = static_cast<std::size_t>(deep->offset_debug());
    out.push_back({doc->text->where(offset > 0 ? offset - 1 : 0), model::Severity::error,
                   "elements are nested more than " + std::to_string(limits.max_depth) +
                       " deep; a feed needs at most 5 levels"});
    return nullptr;
  }
  return doc;
}

}  // namespace hb::feed
