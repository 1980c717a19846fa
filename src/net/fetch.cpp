#include "net/fetch.h"

#include "net/curl_handle.h"
#include "net/local_file.h"

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

std::string last_header(CURL* h, const char* name) {
  curl_header* header = nullptr;
  // Request -1: the last response, after any redirects.
  if (curl_easy_header(h, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK || !header) return {};
  std::string value = header->value;
  // The value goes into a one-line metadata file and back into a request.
  for (char& c : value)
    if (c == '\r' || c == '\n') c = ' ';
  return value;
}

}  // namespace

FetchResult fetch(const std::string& url, const FetchOptions& options, const Validators& known) {
  FetchResult result;
  if (!is_http_url(url)) {
    result.error = url + ": only http and https URLs are fetched";
    return result;
  }
  // curl would wait in open() on a FIFO named as the CA file.
  if (const auto kind = not_regular(options.ca_file); !options.ca_file.empty() && !kind.empty()) {
    result.error = url + ": cannot read the CA file " + options.ca_file + ": " + kind;
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
  // Redirects may not leave TLS once it was asked for, and never lead to
  // file:// or any other scheme.
  const bool tls = url.rfind("https://", 0) == 0;
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, tls ? "https" : "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(h, CURLOPT_MAXREDIRS, options.max_redirects);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_seconds);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, options.total_timeout_seconds);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes_per_second);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, options.low_speed_seconds);
  // A declared length over the cap is refused before the body; chunked
  // bodies are capped in write_body.
  curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_file.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
  abort_when(h, options.abort);
  curl_easy_setopt(h, CURLOPT_USERAGENT, "hallboard");
  char detail[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
  CurlHeaders headers;
  if (!known.etag.empty()) headers.add("If-None-Match: " + known.etag);
  if (!known.last_modified.empty()) headers.add("If-Modified-Since: " + known.last_modified);
  if (headers.get()) curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());

  const CURLcode rc = curl_easy_perform(h);
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &result.status);
  if (rc == CURLE_ABORTED_BY_CALLBACK) {
    result.aborted = true;
    result.error = url + ": stopped (the player is shutting down)";
  } else if (sink.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
    result.error = url + ": the response is larger than " + std::to_string(options.max_bytes) +
                   " bytes, the most this player accepts";
  } else if (rc == CURLE_UNSUPPORTED_PROTOCOL && result.status >= 300 && result.status < 400) {
    result.error = url +
                   ": redirected to a URL that is not http(s) (or from https to http); "
                   "refused";
  } else if (rc == CURLE_TOO_MANY_REDIRECTS) {
    result.error = url + ": more than " + std::to_string(options.max_redirects) + " redirects";
  } else if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE) {
    result.error = url + ": the server's TLS certificate is not trusted (" +
                   (detail[0] ? detail : curl_easy_strerror(rc)) + ")";
  } else if (rc == CURLE_OPERATION_TIMEDOUT) {
    result.error = url + ": timed out (" + (detail[0] ? detail : curl_easy_strerror(rc)) + ")";
  } else if (rc == CURLE_PARTIAL_FILE) {
    result.error = url + ": the connection closed before the whole response arrived (" +
                   (detail[0] ? detail : curl_easy_strerror(rc)) + ")";
  } else if (rc != CURLE_OK) {
    result.error = url + ": " + (detail[0] ? detail : curl_easy_strerror(rc));
  } else if (result.status == 304 && !known.empty()) {
    result.not_modified = true;
  } else if (result.status != 200) {
    result.error = url + ": the server answered HTTP " + std::to_string(result.status);
  } else {
    result.validators.etag = last_header(h, "ETag");
    result.validators.last_modified = last_header(h, "Last-Modified");
    result.body = std::move(sink.body);
  }
  return result;
}

}  // namespace hb::net
