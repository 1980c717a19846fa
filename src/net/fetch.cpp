#include "net/fetch.h"

#include "net/curl_handle.h"

namespace hb::net {
namespace {

struct Sink {
  std::string body;
  std::size_t max_bytes = 0;
  bool too_big = false;
};

// libcurl 7.88 ignores CURLOPT_MAXFILESIZE for chunked bodies, so the cap is
// enforced here: returning less than asked aborts the transfer.
std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->body.size() + n > sink->max_bytes) {
    sink->too_big = true;
    return 0;
  }
  sink->body.append(data, n);
  return n;
}

}  // namespace

FetchResult fetch(const std::string& url, const FetchOptions& options) {
  FetchResult result;
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    result.error = url + ": only http and https URLs are fetched";
    return result;
  }
  CurlHandle curl;
  if (!curl.get()) {
    result.error = url + ": could not start libcurl";
    return result;
  }
  Sink sink;
  sink.max_bytes = options.max_bytes;
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  // Redirects may not leave TLS once it was asked for.
  const bool tls = url.rfind("https://", 0) == 0;
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, tls ? "https" : "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(h, CURLOPT_MAXREDIRS, options.max_redirects);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_seconds);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, options.total_timeout_seconds);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes_per_second);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, options.low_speed_seconds);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_file.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(h, CURLOPT_USERAGENT, "hallboard");
  const CURLcode rc = curl_easy_perform(h);
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &result.status);
  if (sink.too_big) {
    result.error =
        url + ": the response is larger than " + std::to_string(options.max_bytes >> 20) + " MiB";
  } else if (rc != CURLE_OK) {
    result.error = url + ": " + curl_easy_strerror(rc);
  } else if (result.status != 200) {
    result.error = url + ": the server answered HTTP " + std::to_string(result.status);
  } else {
    result.body = std::move(sink.body);
  }
  return result;
}

}  // namespace hb::net
