#include "app/heartbeat.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>

#include "app/play_files.h"
#include "net/post.h"

namespace hb::app {
namespace {

// The loop takes the log every second; this only bounds a loop that stopped.
constexpr std::size_t kMaxHeartbeatLogLines = 100;

bool well_formed(const Frame& f) {
  return f.width > 0 && f.height > 0 && f.pitch >= 4 * f.width &&
         f.pixels.size() >= static_cast<std::size_t>(f.height) * static_cast<std::size_t>(f.pitch);
}

std::uint32_t pixel_at(const Frame& f, int x, int y) {
  std::uint32_t v = 0;
  std::memcpy(&v,
              f.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(f.pitch) +
                  static_cast<std::size_t>(x) * 4,
              sizeof v);
  return v;
}

// [from, to) of the source for each of `out` cells over `in` (in >= out),
// so each cell covers at least one source pixel.
std::vector<std::pair<int, int>> spans(int in, int out) {
  std::vector<std::pair<int, int>> r(static_cast<std::size_t>(out));
  for (int i = 0; i < out; ++i) {
    const auto from = static_cast<std::int64_t>(i) * in / out;
    const auto to = static_cast<std::int64_t>(i + 1) * in / out;
    r[static_cast<std::size_t>(i)] = {static_cast<int>(from), static_cast<int>(to)};
  }
  return r;
}

}  // namespace

Frame shrink_frame(const Frame& frame, int max_width) {
  if (!well_formed(frame) || frame.width <= max_width || max_width <= 0) return frame;
  Frame out;
  out.width = max_width;
  out.height = std::max(1, static_cast<int>(std::lround(static_cast<double>(frame.height) *
                                                        max_width / frame.width)));
  out.pitch = out.width * 4;
  out.pixels.resize(static_cast<std::size_t>(out.pitch) * static_cast<std::size_t>(out.height));
  const auto xs = spans(frame.width, out.width);
  const auto ys = spans(frame.height, out.height);
  std::size_t at = 0;
  for (const auto& [y0, y1] : ys) {
    for (const auto& [x0, x1] : xs) {
      std::uint64_t sum[4] = {0, 0, 0, 0};
      for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
          const std::uint32_t v = pixel_at(frame, x, y);
          for (int c = 0; c < 4; ++c)
            sum[c] += (v >> (8 * c)) & 0xFFu;
        }
      const auto n = static_cast<std::uint64_t>(x1 - x0) * static_cast<std::uint64_t>(y1 - y0);
      std::uint32_t v = 0;
      for (int c = 0; c < 4; ++c)
        v |= static_cast<std::uint32_t>((sum[c] + n / 2) / n) << (8 * c);
      std::memcpy(out.pixels.data() + at, &v, sizeof v);
      at += 4;
    }
  }
  return out;
}

HeartbeatSender::HeartbeatSender(HeartbeatOptions options, PngEncoder encoder, double steady_start,
                                 std::mutex& play_rotation)
    : options_(std::move(options)),
      encoder_(std::move(encoder)),
      next_due_(steady_start + std::max(0.0, options_.first_after_seconds)),
      play_rotation_(play_rotation) {
  // A zero interval would send without pause.
  options_.interval_seconds = std::max(1.0, options_.interval_seconds);
  if (!options_.play_dir.empty()) {
    acknowledged_ = read_acknowledged(options_.play_dir);
    receiver_acks_ = play_ack_exists(options_.play_dir);
  }
  thread_ = std::thread([this] { run(); });
}

HeartbeatSender::~HeartbeatSender() {
  {
    const std::lock_guard lock(mutex_);
    abort_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void HeartbeatSender::submit(HeartbeatReport report, std::optional<Frame> frame,
                             double steady_now) {
  next_due_ = steady_now + options_.interval_seconds;
  if (!options_.screenshot) frame.reset();
  bool replaced = false;
  {
    const std::lock_guard lock(mutex_);
    replaced = pending_.has_value();
    pending_ = Job{std::move(report), std::move(frame), steady_now};
  }
  wake_.notify_all();
  if (replaced)
    log("heartbeat to " + options_.url +
        ": the previous report is still being sent; the newest one waits in its place");
}

std::vector<std::string> HeartbeatSender::take_log() {
  const std::lock_guard lock(mutex_);
  std::vector<std::string> out = std::move(log_);
  log_.clear();
  return out;
}

void HeartbeatSender::log(std::string line) {
  const std::lock_guard lock(mutex_);
  if (log_.size() < kMaxHeartbeatLogLines) log_.push_back(std::move(line));
}

void HeartbeatSender::run() {
  try {
    for (;;) {
      std::optional<Job> job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return abort_.load() || pending_.has_value(); });
        if (abort_) return;
        job = std::move(pending_);
        pending_.reset();
      }
      send(std::move(*job));
    }
  } catch (const std::exception& e) {
    log(std::string("the heartbeat thread stopped: ") + e.what() +
        "; no more heartbeats until the player restarts");
  }
}

void HeartbeatSender::attach_screenshot(Job& job) {
  if (job.frame) {
    Frame small = shrink_frame(*job.frame, options_.max_screenshot_width);
    job.frame.reset();  // the full frame is megabytes; not kept while posting
    EncodedPng encoded;
    if (!well_formed(small))
      encoded.error = "the frame is empty or malformed";
    else if (!encoder_)
      encoded.error = "no PNG encoder";
    else
      encoded = encoder_(small);
    if (encoded.png.empty())
      log("heartbeat to " + options_.url + ": no screenshot (" + encoded.error +
          "); the report goes without it");
    else
      job.report.screenshot =
          HeartbeatScreenshot{std::move(encoded.png), small.width, small.height};
  }
}

PlayBacklog HeartbeatSender::attach_play(HeartbeatReport& report) {
  report.interval_seconds = static_cast<std::int64_t>(std::llround(options_.interval_seconds));
  if (options_.play_dir.empty() || !receiver_acks_ || report.format != 2)
    return PlayBacklog{{}, acknowledged_, acknowledged_, false};
  PlayBacklog backlog =
      read_play_backlog(options_.play_dir, acknowledged_, options_.play_cap, play_rotation_)
          .backlog;
  report.play = backlog.lines;  // a copy: at most the cap; the lines tell take_ack what went
  report.play_more = backlog.more;
  return backlog;
}

void HeartbeatSender::take_ack(long status, const std::string& body, const PlayBacklog& sent) {
  const auto ack = parse_ack(status, body);
  if (!ack || options_.play_dir.empty()) return;
  // The first answer writes play.ack even when it acknowledges nothing new:
  // the file says the receiver acknowledges, so the next run sends at once.
  const bool first = !receiver_acks_;
  receiver_acks_ = true;
  const std::int64_t n = acknowledged_after(sent, *ack);
  if (n <= acknowledged_ && !first) return;
  acknowledged_ = std::max(n, acknowledged_);
  if (const std::string error = write_acknowledged(options_.play_dir, acknowledged_);
      !error.empty())
    log("proof of play: the acknowledged number is not kept (" + error +
        "); lines are sent again after a restart");
}

void HeartbeatSender::take_format(int sent, long status, double steady) {
  const HeartbeatFormat next = heartbeat_format_after(format_, sent, status, steady);
  if (next.version == 1 && format_.version == 2 && !said_old_format_) {
    said_old_format_ = true;
    log("heartbeat to " + options_.url + ": the receiver refuses hallboard-heartbeat-2 (HTTP " +
        std::to_string(status) +
        "), an older console? Reports go as hallboard-heartbeat-1, without proof of play "
        "(kept on disk), and -2 is tried again every hour; upgrade the console");
  }
  format_ = next;
}

void HeartbeatSender::send(Job job) {
  attach_screenshot(job);
  if (abort_) return;
  job.report.format = heartbeat_version(format_, job.steady);
  const PlayBacklog backlog = attach_play(job.report);
  net::PostRequest request;
  request.url = options_.url;
  request.body = heartbeat_json(job.report);
  request.content_type = "application/json";
  request.connect_timeout_seconds = options_.connect_timeout_seconds;
  request.total_timeout_seconds = options_.total_timeout_seconds;
  request.ca_file = options_.ca_file;
  request.bearer_token = options_.token;
  request.abort = &abort_;
  const net::PostResult r = net::post(request);
  if (r.aborted) return;
  take_format(job.report.format, r.status, job.steady);
  if (!r.ok) {
    last_ok_ = false;
    log("heartbeat to " + r.error);
    return;
  }
  take_ack(r.status, r.body, backlog);
  // Said the first time and after a failure, not every few minutes for months.
  if (!last_ok_)
    log("heartbeat to " + options_.url + ": sent (" +
        std::to_string((request.body.size() + 1023) / 1024) + " KB)");
  last_ok_ = true;
}

}  // namespace hb::app
