// The feed module's public face: bytes in, plain model out, every problem
// reported as a Diagnostic with file, line and column. Nothing here throws
// across the module boundary or does any I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed/limits.h"
#include "model/content.h"
#include "model/diagnostic.h"
#include "model/player_config.h"
#include "model/alert.h"
#include "model/queue.h"

namespace hb::feed {

// A feed document. Returns nothing when it cannot be read at all (encoding,
// XML, root element, version); otherwise returns what it could read, and the
// feed is usable only if `out` gained no error.
std::optional<model::Feed> parse_feed(std::string_view bytes, const std::string& source,
                                      model::Diagnostics& out, const Limits& limits = {});

std::optional<model::PlayerConfig> parse_player_config(std::string_view bytes,
                                                       const std::string& source,
                                                       model::Diagnostics& out,
                                                       const Limits& limits = {});

// Any kind of document, told apart by its root element (for lint). A queue
// document is read with QueueLimits' bounds (feed/queue_parse.h).
struct Document {
  std::optional<model::Feed> feed;
  std::optional<model::PlayerConfig> config;
  std::optional<model::QueueDocument> queue;
  // A CAP alert, or an Atom or RSS feed of them (feed/cap_parse.h).
  std::optional<model::AlertDocument> alerts;
};
Document parse_document(std::string_view bytes, const std::string& source, model::Diagnostics& out,
                        const Limits& limits = {});

// Merges feeds read together and checks the rules that span them: unique
// ids, sections that come from one feed only, references between feeds.
model::Content merge(std::vector<model::Feed> feeds, model::Diagnostics& out);

}  // namespace hb::feed
