// One HTTP(S) GET with the limits a lobby screen needs: timeouts, a size cap
// enforced while receiving, few redirects and never to another scheme,
// conditional requests, and a flag that stops it at once at shutdown.
#pragma once

#include <atomic>
#include <optional>
#include <string>

#include "net/local_file.h"  // is_http_url

namespace hb::net {

struct FetchOptions {
  std::size_t max_bytes = 16u * 1024u * 1024u;
  long connect_timeout_seconds = 10;
  long total_timeout_seconds = 60;
  // Slower than this for low_speed_seconds aborts: a feed server on a LAN
  // or the internet sends kilobytes a second, while one that trickles (10
  // bytes then silence, 150 B/s) would hold its feed for the whole timeout.
  long low_speed_bytes_per_second = 1024;
  long low_speed_seconds = 15;
  long max_redirects = 3;
  std::string ca_file;  // a private CA, if any; verification is always on
  // Set by the owner to stop a transfer in flight (checked about once a
  // second even while the server sends nothing). Not owned.
  const std::atomic<bool>* abort = nullptr;
};

// What the server said identifies the version it sent; sent back so an
// unchanged feed costs a 304 and no body.
struct Validators {
  std::string etag;
  std::string last_modified;
  bool empty() const { return etag.empty() && last_modified.empty(); }
};

struct FetchResult {
  std::optional<std::string> body;  // 200 only
  long status = 0;
  bool not_modified = false;  // 304: the version the validators name is still current
  bool aborted = false;       // stopped by the abort flag
  Validators validators;      // of the version sent (from a 200)
  std::string error;          // plain-language reason, naming the URL, when neither
};

// Only http and https; anything else is refused without a request.
FetchResult fetch(const std::string& url, const FetchOptions& options,
                  const Validators& known = {});

}  // namespace hb::net
