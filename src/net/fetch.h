// One HTTP(S) GET with the limits a lobby screen needs: timeouts, a size cap
// enforced while receiving, few redirects and never to another scheme.
#pragma once

#include <optional>
#include <string>

namespace hb::net {

struct FetchOptions {
  std::size_t max_bytes = 16u * 1024u * 1024u;
  long connect_timeout_seconds = 10;
  long total_timeout_seconds = 60;
  long low_speed_bytes_per_second = 100;  // slower than this for low_speed_seconds aborts
  long low_speed_seconds = 20;
  long max_redirects = 3;
  std::string ca_file;  // a private CA, if any; verification is always on
};

struct FetchResult {
  std::optional<std::string> body;
  long status = 0;
  std::string error;  // plain-language reason, naming the URL, when body is empty
};

// Only http and https; anything else is refused without a request.
FetchResult fetch(const std::string& url, const FetchOptions& options);

}  // namespace hb::net
