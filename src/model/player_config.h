// The screen's own configuration (not served by the admin office).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/time.h"

namespace hb::model {

struct FeedSource {
  std::string url;  // absolute: http(s)://, file://, after resolving relative paths
  int poll_seconds = 60;
  Where where;
};

struct Display {
  int width = 1920;
  int height = 1080;
  int rotate = 0;  // 0, 90, 180, 270
  std::optional<int> blank_outside_hours_minutes;
  // A hallboard extension: how frames reach the screen. "auto" (a real GPU
  // if there is one, else the CPU compositor), "gpu" or "cpu".
  std::string renderer = "auto";
  // A hallboard extension (issue 20): how the panel itself is switched off
  // while the screen is dark and on 5 minutes before it wakes. "none"
  // (only black is drawn), "dpms" (X11 DPMS, or the KMS connector's DPMS
  // property without a desktop) or "cec" (HDMI-CEC). Needs
  // blank_outside_hours_minutes (a lint error without it).
  std::string power = "none";
  Where power_where;  // of the power attribute, for messages
  bool given = false;  // a <display> element was present
};

struct Heartbeat {
  std::string url;
  int interval_seconds = 300;
  bool screenshot = false;
  // A hallboard extension: the bearer token the console gave this screen
  // (`console screen add`). Never written to a log.
  std::string token;
};

// The queue-calling system's live document (叫号联动, model/queue.h).
struct QueueSource {
  std::string url;  // absolute: http(s)://, or a path, resolved as a feed's is
  int poll_seconds = 1;
  // band="bottom": the window band (窗口状态) as a strip above the ticker
  // of every page; without it, only a `windows` slide shows the windows.
  bool band = false;
  Where where;
};

// The player's voice (语音播报, issue 19), a hallboard extension: calls and
// urgent notices read aloud. Without <sound> the screen is silent, since
// many halls' calling systems already speak the calls themselves.
struct Sound {
  int volume = 80;  // percent of full scale
  // No sound from `quiet_from` to `quiet_to` (across midnight when from >
  // to); both or neither.
  std::optional<TimeOfDay> quiet_from;
  std::optional<TimeOfDay> quiet_to;
  std::string clips;  // a folder of recorded words (请.wav, 0.wav, …); empty: speech
  bool urgent = true;  // read urgent notices aloud
  int urgent_repeat_minutes = 10;  // again while active; 0: only when it appears
  Where where;
};

// An alerting authority's emergency alerts (CAP 1.2, model/alert.h), a
// hallboard extension: <alerts url="…" poll="30" area="…"/>. An alert in
// force becomes an urgent notice (schedule/alerts.h).
struct AlertSource {
  std::string url;  // absolute: http(s)://, or a path, resolved as a feed's is
  int poll_seconds = 30;  // 10 to 3600
  // Only alerts for this area: an <areaDesc> naming it whole, or a
  // <geocode> covering it (schedule/alerts.h). Empty: every alert the
  // source sends.
  std::string area;
  Where where;
};

struct PlayerConfig {
  std::string source;
  Where where;         // of the <player> element
  std::string screen;  // empty: only the "*" playlist applies
  int utc_offset_minutes = 8 * 60;
  std::vector<FeedSource> feeds;
  std::string cache_dir;
  // Where the Ed25519 public key comes from: a file's path (key="…"), or,
  // for a key given inline (public-key="…", a hallboard extension that
  // `console screen add` writes), a name for it in messages.
  std::string trust_key;
  std::string trust_key_pem;  // the inline key as PEM text, else empty
  // A hallboard extension, <trust hall="…">: the hall this screen belongs
  // to; a signed feed whose root names another hall, or none, is refused.
  // Empty: any hall.
  std::string trust_hall;
  // A hallboard extension, <player clock-skew="…">: how many seconds a
  // feed's `generated` may be ahead of the screen's clock before the feed
  // is refused as coming from the future.
  int clock_skew_seconds = 86400;
  // A hallboard extension, <tls ca-file="…">: a private CA (PEM) that https
  // feeds are verified against, for an admin office with its own CA.
  // Verification itself is never turned off.
  std::string tls_ca_file;
  Display display;
  std::optional<Heartbeat> heartbeat;
  std::optional<QueueSource> queue;
  std::optional<Sound> sound;
  std::optional<AlertSource> alerts;
};

}  // namespace hb::model
