// One HTTP(S) POST of a small report (the heartbeat), with the limits of
// fetch.h: timeouts, http/https only, TLS always verified, and a flag that
// stops it at once at shutdown. Redirects are never followed: libcurl would
// turn the POST into a GET on a 301/302, and a report sent elsewhere than
// configured is a report lost without notice.
#pragma once

#include <atomic>
#include <string>

namespace hb::net {

struct PostRequest {
  std::string url;
  std::string body;
  std::string content_type = "application/json";
  std::string bearer_token;  // sent as Authorization: Bearer …, when not empty
  long connect_timeout_seconds = 10;
  long total_timeout_seconds = 30;
  std::string ca_file;  // a private CA, if any; verification is always on
  // Set by the owner to stop a transfer in flight (checked about once a
  // second even while the server sends nothing). Not owned.
  const std::atomic<bool>* abort = nullptr;
};

struct PostResult {
  bool ok = false;       // the server answered 2xx
  long status = 0;       // the HTTP status, 0 when there was no answer
  bool aborted = false;  // stopped by the abort flag
  std::string error;     // plain-language reason, naming the URL, when not ok
  std::string body;      // the answer's first 4 KiB (an acknowledgement is short)
};

// Only http and https; anything else is refused without a request. The
// response body is kept up to 4 KiB, the rest read and dropped.
PostResult post(const PostRequest& request);

}  // namespace hb::net
