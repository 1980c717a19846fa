#include "app/feed_watcher.h"

#include "app/content_loader.h"

namespace hb::app {
namespace {

bool is_remote(const std::string& url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

std::string local_path(const std::string& url) {
  if (url.rfind("file://localhost/", 0) == 0) return url.substr(16);
  if (url.rfind("file:///", 0) == 0) return url.substr(7);
  return url;
}

}  // namespace

FeedWatcher::FeedWatcher(model::PlayerConfig config, feed::Limits limits)
    : config_(std::move(config)), limits_(limits) {}

std::vector<FeedWatcher::Stamp> FeedWatcher::stamps() const {
  std::vector<Stamp> r;
  for (const auto& f : config_.feeds) {
    if (is_remote(f.url)) continue;
    Stamp s;
    s.path = local_path(f.url);
    std::error_code ec;
    s.written = std::filesystem::last_write_time(s.path, ec);
    s.size = std::filesystem::file_size(s.path, ec);
    if (ec) s.size = static_cast<std::uintmax_t>(-1);
    r.push_back(std::move(s));
  }
  return r;
}

FeedWatcher::Update FeedWatcher::poll(model::UnixSeconds now) {
  Update u;
  auto current = stamps();
  const bool retry = last_failed_ && now - last_attempt_ >= 30;
  if (read_once_ && current == last_ && !retry) return u;
  // A file caught mid-write is read again on the next poll: its stamp moves.
  last_ = std::move(current);
  last_attempt_ = now;
  read_once_ = true;
  model::Diagnostics findings;
  LoadedFeeds loaded = load_feeds(config_, limits_, findings);
  for (const auto& e : loaded.errors)
    u.log.push_back(e);
  const bool all_read = loaded.errors.empty();
  model::Content content = merge_for_screen(std::move(loaded.feeds), config_, all_read, findings);
  model::sort_for_report(findings);
  int errors = 0;
  for (const auto& d : findings) {
    if (d.severity != model::Severity::error) continue;
    if (++errors <= 20) u.log.push_back(model::format_diagnostic(d));
  }
  if (errors > 20) u.log.push_back("… and " + std::to_string(errors - 20) + " more errors");
  last_failed_ = !all_read || errors > 0;
  if (last_failed_) {
    u.log.push_back(!had_good_ ? "the feeds are not usable yet; trying again in 30 s"
                               : "the feeds were refused; the last good content stays on screen");
    return u;
  }
  const bool first = !had_good_;
  had_good_ = true;
  u.log.push_back(first ? "content read from " + std::to_string(config_.feeds.size()) + " feeds"
                        : "a feed changed; the new content shows from the next page");
  u.content = std::move(content);
  return u;
}

}  // namespace hb::app
