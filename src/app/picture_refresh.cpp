#include "app/picture_refresh.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "app/stoppable_wait.h"
#include "model/url.h"
#include "net/cache.h"
#include "net/local_file.h"

namespace hb::app {
namespace {

constexpr int kMaxPictureLines = 3;  // per round

}  // namespace

// Linear in the staff: a hostile roster of 150,000 photos is looked up in
// a set, not searched through once a photo.
std::vector<std::string> remote_pictures(const model::Content& content) {
  std::vector<std::string> r;
  std::unordered_set<std::string> seen;
  const auto add = [&](const std::string& base, const std::string& ref) {
    if (ref.empty()) return;
    std::string url = model::resolve_reference(base, ref);
    if (net::is_http_url(url) && seen.insert(url).second) r.push_back(std::move(url));
  };
  if (content.hall) add(content.hall->base_url, content.hall->logo);
  for (const auto& s : content.roster.staff)
    add(s.base_url, s.photo);
  for (const auto& playlist : content.playlists)
    for (const auto& slide : playlist.slides)
      for (const auto& image : slide.images)
        add(slide.base_url, image.src);
  return r;
}

PictureRefresh::PictureRefresh(const net::PictureStore& store, Clocks clocks,
                               PictureRefreshOptions options, Post post)
    : store_(store),
      clocks_(std::move(clocks)),
      options_(std::move(options)),
      post_(std::move(post)),
      rng_(options_.seed ^ 0x5851F42D4C957F2Dull) {
  options_.fetch.abort = &abort_;
  thread_ = std::thread([this] { run(); });
}

PictureRefresh::~PictureRefresh() {
  stop();
  if (thread_.joinable()) thread_.join();
}

void PictureRefresh::stop() {
  {
    const std::lock_guard lock(mutex_);
    abort_ = true;
  }
  wake_.notify_all();
}

void PictureRefresh::follow(const model::Content& content, double now, bool prune) {
  std::vector<std::string> keep;
  {
    auto urls = remote_pictures(content);
    const std::lock_guard lock(mutex_);
    std::unordered_map<std::string, Picture> known;
    for (auto& p : pictures_)
      known.emplace(p.url, std::move(p));
    std::vector<Picture> pictures;
    for (auto& url : urls) {
      Picture p;
      if (const auto old = known.find(url); old != known.end()) p = std::move(old->second);
      p.url = std::move(url);
      p.next_due = now;
      pictures.push_back(std::move(p));
    }
    pictures_ = std::move(pictures);
    if (!prune || store_.cache().dir().empty()) return;
    for (const auto& p : pictures_)
      keep.push_back(p.url);
  }
  store_.cache().prune(keep);
}

bool PictureRefresh::sleep_until(double due) {
  return wait_until_due(clocks_, due, mutex_, wake_, abort_);
}

void PictureRefresh::run() {
  try {
    while (!abort_) {
      refresh_one(clocks_.steady());
      double due = clocks_.steady() + 1.0;
      {
        const std::lock_guard lock(mutex_);
        for (const auto& p : pictures_)
          due = std::min(due, p.next_due);
      }
      if (!sleep_until(due)) return;
    }
  } catch (const std::exception& e) {
    post_({std::string("the fetch thread of the pictures stopped: ") + e.what() +
           "; what it last accepted stays on screen until the player restarts"},
          false);
  }
}

void PictureRefresh::refresh_one(double now) {
  // One picture per call. The state is copied out, so the feeds' threads
  // may replace the list meanwhile.
  std::string url;
  {
    const std::lock_guard lock(mutex_);
    const auto due = std::min_element(
        pictures_.begin(), pictures_.end(),
        [](const Picture& a, const Picture& b) { return a.next_due < b.next_due; });
    if (due == pictures_.end() || now < due->next_due) return;
    url = due->url;
  }
  bool changed = false;
  std::string problem = fetch_one(url, changed);
  if (abort_) return;
  std::vector<std::string> log;
  {
    const std::lock_guard lock(mutex_);
    const auto state = std::find_if(pictures_.begin(), pictures_.end(),
                                    [&](const Picture& q) { return q.url == url; });
    if (state != pictures_.end()) log = settle(*state, std::move(problem));
  }
  if (!log.empty() || changed) post_(std::move(log), changed);
}

std::string PictureRefresh::fetch_one(const std::string& url, bool& changed) {
  if (store_.cache().dir().empty()) return url + ": no <cache dir=\"…\"> to keep it in";
  const auto cached = store_.cache().read(url);
  net::Validators known;
  if (cached && cached->meta && base::check_picture(cached->bytes, store_.limits()).empty())
    known = cached->meta->validators;
  net::FetchOptions o = options_.fetch;
  o.max_bytes = store_.limits().max_bytes;
  auto r = net::fetch(url, o, known);
  if (r.aborted) return {};
  if (!r.body) return r.not_modified ? std::string() : r.error;
  if (auto refused = base::check_picture(*r.body, store_.limits()); !refused.empty())
    return url + ": " + refused;
  if (cached && cached->bytes == *r.body) return {};
  net::CacheMeta meta;
  meta.validators = r.validators;
  meta.fetched = static_cast<std::int64_t>(std::floor(clocks_.wall()));
  const auto written = store_.cache().store(url, *r.body, std::move(meta));
  if (!written.ok) return url + ": cannot keep it: " + written.error;
  changed = true;
  return {};
}

std::vector<std::string> PictureRefresh::settle(Picture& p, std::string problem) {
  std::vector<std::string> log;
  if (problem.empty()) {
    p.failures = 0;
    p.problem.clear();
    p.next_due = clocks_.steady() + options_.refresh_seconds;
    return log;
  }
  ++p.failures;
  p.next_due =
      clocks_.steady() + net::backoff_seconds(p.failures, net::jitter01(rng_), options_.backoff);
  if (problem != p.problem) {
    // A server that is down fails every picture: a few lines say so.
    const auto failing = std::count_if(pictures_.begin(), pictures_.end(),
                                       [](const Picture& q) { return !q.problem.empty(); });
    if (failing < kMaxPictureLines)
      log.push_back("picture " + problem + "; the cached copy, or a placeholder, is shown");
    else if (failing == kMaxPictureLines)
      log.push_back(
          "more pictures cannot be fetched either; the cached copies, or "
          "placeholders, are shown");
  }
  p.problem = std::move(problem);
  return log;
}

}  // namespace hb::app
