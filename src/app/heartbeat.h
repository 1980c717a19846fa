// Sends the heartbeat (heartbeat_report.h) from a thread of its own, so
// the screen never waits for the admin office's server. The drawing loop
// asks due() once a second; when it says so, it gathers a report (and, for
// a screenshot, copies the frame) and hands it over with submit(), which
// returns at once. The thread shrinks and encodes the frame, posts the
// JSON and leaves one log line per failure for the loop to take(). Each
// report also carries the proof-of-play lines the receiver has not yet
// acknowledged (play_backlog.h), read from the cache on the thread.
//
//   HeartbeatSender hb(options, encoder, steady_now, play_rotation);
//   each second: if (hb.due(now)) hb.submit(report, frame, now);
//                for (auto& line : hb.take_log()) log(line);
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/heartbeat_report.h"
#include "app/play_backlog.h"

namespace hb::app {

// Upright pixels as SDL's ARGB8888 surfaces hold them: rows of 32-bit
// native-endian words 0xAARRGGBB, `pitch` bytes apart.
struct Frame {
  int width = 0;
  int height = 0;
  int pitch = 0;
  std::vector<std::uint8_t> pixels;  // height * pitch bytes
};

struct EncodedPng {
  std::string png;    // the bytes of a PNG file; empty when it failed
  std::string error;  // why, when it failed
};
// Injected, so this library stays without SDL: the executable passes
// render's PNG writer, tests a writer of their own.
using PngEncoder = std::function<EncodedPng(const Frame&)>;

struct HeartbeatOptions {
  std::string url;
  double interval_seconds = 300;
  // The first report: soon after start, not after a whole interval.
  double first_after_seconds = 10;
  bool screenshot = false;         // the config asks for one (see wants_screenshot())
  int max_screenshot_width = 960;  // wider frames are shrunk, keeping the aspect
  long connect_timeout_seconds = 10;
  long total_timeout_seconds = 30;
  std::string ca_file;  // the config's <tls ca-file>, if any
  std::string token;    // the console's bearer token for this screen, if any
  // Where play.jsonl and play.ack are (the cache directory); empty: the
  // report carries no proof of play.
  std::string play_dir;
  BacklogCap play_cap;  // proof-of-play lines per report
};

class HeartbeatSender {
 public:
  // `steady_start`: now, on the steady clock the loop passes to due().
  // `play_rotation`: the lock play.jsonl's rotation holds (play_files.h);
  // it must outlive the sender.
  HeartbeatSender(HeartbeatOptions options, PngEncoder encoder, double steady_start,
                  std::mutex& play_rotation);
  // Stops the thread within about a second, even while a server hangs.
  ~HeartbeatSender();
  HeartbeatSender(const HeartbeatSender&) = delete;
  HeartbeatSender& operator=(const HeartbeatSender&) = delete;

  // Cheap: one comparison. Only the loop's thread calls due() and submit().
  bool due(double steady_now) const { return steady_now >= next_due_; }
  // Whether submit() wants a frame: worth copying only then.
  bool wants_screenshot() const { return options_.screenshot; }

  // Hands a report over and schedules the next one an interval after
  // `steady_now`. Never waits for the network: a report not yet picked up
  // by the thread (the last post still in flight) is replaced by this one.
  // The frame, if any, becomes the report's screenshot.
  void submit(HeartbeatReport report, std::optional<Frame> frame, double steady_now);

  // One plain line per event since the last call, oldest first. Thread-safe.
  std::vector<std::string> take_log();

 private:
  struct Job {
    HeartbeatReport report;
    std::optional<Frame> frame;
    double steady = 0;  // when it was made
  };
  void run();
  void send(Job job);
  void attach_screenshot(Job& job);
  PlayBacklog attach_play(HeartbeatReport& report);
  void take_ack(long status, const std::string& body, const PlayBacklog& sent);
  void take_format(int sent, long status, double steady);
  void log(std::string line);

  HeartbeatOptions options_;
  PngEncoder encoder_;
  double next_due_;  // the loop's thread only

  std::atomic<bool> abort_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<Job> pending_;    // guarded by mutex_
  std::vector<std::string> log_;  // guarded by mutex_
  bool last_ok_ = false;          // the thread only: a success is said after a failure
  // The thread only: the highest proof-of-play number the console
  // acknowledged (play.ack), so lines up to it are not sent again.
  std::int64_t acknowledged_ = 0;
  // The thread only: the receiver answered {"ack": N} (now or in an earlier
  // run). Until then no lines go: a receiver that never acknowledges
  // would get the same megabytes in every report.
  bool receiver_acks_ = false;
  HeartbeatFormat format_;        // the thread only
  bool said_old_format_ = false;  // the thread only: the fallback is logged once
  std::mutex& play_rotation_;

  std::thread thread_;  // last: started when everything above exists
};

// A frame no wider than max_width: box-filtered (each output pixel the mean
// of the source pixels it covers), the aspect kept. Narrower frames come
// back unchanged. The result is packed (pitch = 4 * width).
Frame shrink_frame(const Frame& frame, int max_width);

}  // namespace hb::app
