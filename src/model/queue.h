// The queue-calling system's live document (叫号联动, issue 19): which ticket
// each window serves, how many wait, and the recent calls. Plain data, read
// by feed/queue_parse.h every second or so; it is never merged with the
// feeds and outlives nothing but the next poll.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/time.h"

namespace hb::model {

// What the queue source says of a window. The roster's duty state wins over
// it on screen (schedule/queue_calls.h): a window nobody staffs is 暂停服务
// whatever the source claims.
enum class QueueWindowState { open, paused, closed };

struct QueueWindow {
  std::string id;       // a roster window id
  std::string serving;  // the ticket being served; empty: none
  std::optional<int> waiting;
  QueueWindowState state = QueueWindowState::open;
  Where where;
};

struct QueueCall {
  std::string id;  // the source's own id: each is shown once
  std::string ticket;
  std::string window;  // a roster window id
  UnixSeconds at = 0;
  // The caller as the source names them; never shown as written, only
  // through mask_caller (model/privacy.h). Both may be empty.
  std::string name;
  std::string title;  // form of address: 女士, 先生
  Where where;
};

struct QueueDocument {
  std::string source;
  std::optional<UnixSeconds> generated;  // informative only: never used to judge staleness
  std::vector<QueueWindow> windows;      // in document order
  std::vector<QueueCall> calls;          // oldest first (by `at`, then document order)
};

}  // namespace hb::model
