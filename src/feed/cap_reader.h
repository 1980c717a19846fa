// The CAP reader, for parse_alerts and for parse_document (lint tells the
// kinds of document apart by their root). Internal.
#pragma once

#include "feed/cap_parse.h"
#include "feed/element_reader.h"
#include "feed/xml_document.h"

namespace hb::feed {

// The size check parse_alerts makes before decoding. False: an error is in `out`.
bool alerts_size_ok(std::string_view bytes, const std::string& source, const CapLimits& limits,
                    model::Diagnostics& out);

// Nothing (said) when the root is none of alert, feed and rss.
std::optional<model::AlertDocument> read_alerts(const XmlDocument& doc, Findings& findings,
                                                const CapLimits& limits);

}  // namespace hb::feed
