// Bytes -> a pugixml tree over checked UTF-8, with a map back to the lines
// and columns of the original file. Internal to the feed module.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "feed/encoding.h"
#include "feed/limits.h"
#include "feed/source_text.h"
#include "model/diagnostic.h"

namespace hb::feed {

struct XmlDocument {
  XmlDocument() = default;
  // `text` views `utf8`: moving or copying would leave it pointing at the old buffer.
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  std::string utf8;
  std::unique_ptr<SourceText> text;  // views utf8, so it must not move separately
  pugi::xml_document doc;
  SourceEncoding encoding = SourceEncoding::utf8;
};

// Returns nothing when the document cannot be read at all; the reasons are
// in `out` as errors with positions.
std::unique_ptr<XmlDocument> load_xml(std::string_view bytes, const std::string& file,
                                      const Limits& limits, model::Diagnostics& out);

// load_xml under a small document's own bounds (the queue document, the
// alerts), the rest of Limits as for a feed.
std::unique_ptr<XmlDocument> load_small_xml(std::string_view bytes, const std::string& file,
                                            std::size_t max_bytes, std::size_t max_findings,
                                            model::Diagnostics& out);

// Byte offset of the name of an attribute in the start tag at `tag_start`
// (pugixml keeps no attribute positions); `occurrence` 1 finds a duplicate.
std::size_t attribute_offset(std::string_view text, std::size_t tag_start, std::string_view name,
                             int occurrence = 0);

}  // namespace hb::feed
