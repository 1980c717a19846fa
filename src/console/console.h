// The console's request handling: sessions, roles and CSRF checked for
// every route in one place (dispatch), then a thin handler per route that
// calls plain functions (drafts, absence rules, publisher). No socket here:
// server.cpp feeds it requests, tests call handle() directly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "console/drafts.h"
#include "console/session_uses.h"
#include "console/http.h"
#include "console/login_gate.h"
#include "console/pending_uploads.h"
#include "console/preview_cache.h"
#include "console/publisher.h"
#include "store/store.h"

namespace hb::console {

struct ConsoleOptions {
  std::filesystem::path data_dir;
  std::string base_url = "http://127.0.0.1:8080";  // --url: feed URLs in answers
  Signer signer;                                   // empty: unsigned feeds
  std::string trust_public_key;                    // base64 of feeds.pub, for player.xml; "" unsigned
  std::int64_t idle_timeout = 30 * 60;             // a session unused this long is gone
  std::size_t json_cap = 256 * 1024;               // a JSON or form body
  std::size_t upload_cap = 10 * 1024 * 1024;       // an imported file
  std::size_t heartbeat_cap = 4 * 1024 * 1024;      // a screen's report, screenshot included
  std::filesystem::path screen_program;            // hallboard-screen, for previews
  // Where the console's few log lines go (serve: standard error).
  std::function<void(const std::string&)> log;
};

using Clock = std::function<std::int64_t()>;  // Unix seconds

// editor < approver < admin: each role may do what the ones below it may.
int role_rank(store::Role role);

// Who is asking, once dispatch has checked.
struct Caller {
  std::optional<store::Session> session;
  std::string screen;  // a screen's id, for its bearer token
};

class Console {
 public:
  Console(store::Store& store, ConsoleOptions options, Clock clock);

  Response handle(const Request& request);

  // The settings publishing needs (hall id and zone from the database).
  PublishSettings publish_settings();
  store::Store& store() { return store_; }
  const ConsoleOptions& options() const { return options_; }
  std::int64_t now() const { return clock_(); }
  int utc_offset_minutes();
  PreviewCache& previews() { return previews_; }
  PendingUploads& uploads() { return uploads_; }
  // A new screen token between the POST that made it and the one GET that
  // shows it (keyed by screen id and session): a reload shows no token twice.
  PendingUploads& new_tokens() { return new_tokens_; }
  void log(const std::string& line) const;
  // Deletes proof of play past retention (play_report.h) at the first call
  // after start and then once a day; cheap otherwise.
  void sweep_plays_if_due();
  LoginGate& login_gate() { return login_gate_; }
  SessionUses& session_uses() { return session_uses_; }
  std::mutex& preview_mutex() { return preview_mutex_; }
  // Held across checking the drafts and writing a change, so two saves
  // checked against the same drafts cannot together break a rule.
  // Recursive: a handler holding it calls put_checked_record, which takes it too.
  std::recursive_mutex& drafts_write_mutex() { return drafts_write_mutex_; }
  // A hash of a password nobody has, made once at start: an unknown user
  // costs the same time as a wrong password, so the answer does not tell.
  const std::string& decoy_hash() const { return decoy_hash_; }
  // The drafts read as lint reads them, shared until a record changes:
  // every page needs them, and reading 2,000 items costs tens of ms.
  base::Result<std::shared_ptr<const ReadContent>, std::string> drafts();
  // Reads drafts (the current ones or a change to them), re-parsing only
  // the feeds whose records differ from the last read.
  DraftReader& draft_reader() { return *draft_reader_; }

 private:
  store::Store& store_;
  ConsoleOptions options_;
  Clock clock_;
  PreviewCache previews_;
  PendingUploads uploads_;
  PendingUploads new_tokens_;
  std::mutex plays_sweep_mutex_;
  std::optional<std::int64_t> last_plays_sweep_;
  LoginGate login_gate_;
  SessionUses session_uses_;
  std::mutex preview_mutex_;
  std::mutex publish_mutex_;
  std::recursive_mutex drafts_write_mutex_;
  std::string decoy_hash_;
  struct DraftsCache {
    std::mutex mutex;
    std::int64_t generation = -1;
    std::string hall_id;
    int utc_offset = 0;
    std::shared_ptr<const ReadContent> content;
  };
  std::unique_ptr<DraftsCache> drafts_cache_ = std::make_unique<DraftsCache>();
  std::unique_ptr<DraftReader> draft_reader_ = std::make_unique<DraftReader>();
};

}  // namespace hb::console
