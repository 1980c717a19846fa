// Emergency alerts (OASIS CAP 1.2, ITU-T X.1303; issue 20): bytes in,
// model::AlertDocument out, every problem a Diagnostic with file, line and
// column. Three shapes are read: a single CAP <alert>, an Atom <feed> whose
// entries carry a CAP <alert> inline in <content>, and an RSS 2.0 <rss>
// whose items do. The same encodings, pre-scan and XML checks as a feed,
// with bounds of their own. Nothing here judges whether an alert is in
// force (schedule/alerts.h does).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/alert.h"
#include "model/diagnostic.h"

namespace hb::feed {

inline constexpr std::string_view kCapNamespace = "urn:oasis:names:tc:emergency:cap:1.2";

struct CapLimits {
  std::size_t max_bytes = 2u * 1024u * 1024u;
  std::size_t max_alerts = 200;   // per document; the newest by <sent> are kept
  std::size_t max_infos = 10;     // per alert (one a language)
  std::size_t max_areas = 100;    // per info
  std::size_t max_geocodes = 100; // per area
  std::size_t max_references = 100;
  std::size_t max_findings = 200;
};

// Longest values, in characters. An identifier or sender beyond them
// leaves its alert out; a headline or description is cut (a warning).
inline constexpr std::size_t kMaxCapIdChars = 256;
inline constexpr std::size_t kMaxCapHeadlineChars = 160;
inline constexpr std::size_t kMaxCapDescriptionChars = 2000;

// Nothing when the document cannot be read at all (size, encoding, XML, a
// root element that is none of the three, an <rss> without <channel>) or
// has errors and not one readable alert: the fetcher then keeps the alerts
// last read. Otherwise the alerts it could read: an alert with an error in
// a required element is left out, the rest kept, since the screen had
// better show the other alerts than none. Of more than max_alerts, the
// newest by <sent> are read.
std::optional<model::AlertDocument> parse_alerts(std::string_view bytes, const std::string& source,
                                                 model::Diagnostics& out,
                                                 const CapLimits& limits = {});

// A root element parse_alerts reads: alert, feed (Atom) or rss.
bool is_alert_root(std::string_view local_name);

}  // namespace hb::feed
