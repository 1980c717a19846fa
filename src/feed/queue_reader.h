// The queue document's reader, for parse_queue and for parse_document
// (lint tells the three kinds of document apart by their root). Internal.
#pragma once

#include "feed/element_reader.h"
#include "feed/queue_parse.h"
#include "feed/xml_document.h"

namespace hb::feed {

// The size check parse_queue makes before decoding, for a caller that has
// loaded the document under a feed's larger bound. False: an error is in `out`.
bool queue_size_ok(std::string_view bytes, const std::string& source, const QueueLimits& limits,
                   model::Diagnostics& out);

model::QueueDocument read_queue(const XmlDocument& doc, Findings& findings,
                                const QueueLimits& limits);

}  // namespace hb::feed
