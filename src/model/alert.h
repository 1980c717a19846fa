// Emergency alerts in the international form for them (OASIS CAP 1.2,
// ITU-T X.1303; 预警信息, issue 20): what feed/cap_parse.h reads of an
// alerting authority's CAP document or Atom/RSS feed of CAP entries, and
// schedule/alerts.h turns into urgent notices. Plain data, as the source
// wrote it; nothing here is judged yet.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/time.h"

namespace hb::model {

enum class CapStatus { actual, exercise, system, test, draft };
enum class CapMsgType { alert, update, cancel, ack, error };
enum class CapScope { public_, restricted, private_ };
enum class CapUrgency { immediate, expected, future, past, unknown };

// One <geocode>: a coded area (valueName "GB/T 2260" and an administrative
// division code such as 440300, for example).
struct CapGeocode {
  std::string value_name;
  std::string value;
};

struct CapArea {
  std::string description;  // <areaDesc>
  std::vector<CapGeocode> geocodes;
};

// One <info>: the alert in one language.
struct CapInfo {
  std::string language = "en-US";  // CAP's default when <language> is absent
  CapUrgency urgency = CapUrgency::unknown;
  std::string severity;   // Extreme, Severe, Moderate, Minor, Unknown
  std::string certainty;  // Observed, Likely, Possible, Unlikely, Unknown
  std::string event;
  std::optional<UnixSeconds> effective;
  std::optional<UnixSeconds> onset;
  std::optional<UnixSeconds> expires;
  std::string sender_name;
  std::string headline;
  std::string description;
  std::string instruction;
  std::vector<CapArea> areas;
  Where where;
};

// A reference to an earlier message: "sender,identifier,sent".
struct CapReference {
  std::string sender;
  std::string identifier;
  std::string sent;  // as written
};

struct CapAlert {
  std::string identifier;
  std::string sender;
  UnixSeconds sent = 0;
  CapStatus status = CapStatus::actual;
  CapMsgType msg_type = CapMsgType::alert;
  // Only a Public alert is for everyone; a Restricted or Private one is
  // for named recipients and never shown on a public screen.
  CapScope scope = CapScope::public_;
  std::vector<CapReference> references;
  std::vector<CapInfo> infos;  // in document order
  Where where;
};

// What one source says: a single <alert>, or the alerts an Atom or RSS
// feed carries, in document order.
struct AlertDocument {
  std::string source;
  std::vector<CapAlert> alerts;
};

}  // namespace hb::model
