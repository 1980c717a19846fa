#include "net/post.h"

#include <algorithm>

#include "net/curl_handle.h"
#include "net/fetch.h"
#include "net/local_file.h"

namespace hb::net {
namespace {

// The receiver's answer matters only as a short acknowledgement
// (`{"ack": N}`): its first kMaxAnswer bytes are kept, the rest is read and
// dropped so the connection stays well-behaved.
constexpr std::size_t kMaxAnswer = 4096;

std::size_t keep_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const std::size_t n = size * count;
  if (body->size() < kMaxAnswer) body->append(data, std::min(n, kMaxAnswer - body->size()));
  return n;
}

}  // namespace

PostResult post(const PostRequest& request) {
  PostResult result;
  const std::string& url = request.url;
  if (!is_http_url(url)) {
    result.error = url + ": only http and https URLs take reports";
    return result;
  }
  // curl would wait in open() on a FIFO named as the CA file.
  if (const auto kind = not_regular(request.ca_file); !request.ca_file.empty() && !kind.empty()) {
    result.error = url + ": cannot read the CA file " + request.ca_file + ": " + kind;
    return result;
  }
  CurlHandle curl;
  if (!curl.get()) {
    result.error = url + ": could not start libcurl";
    return result;
  }
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_POST, 1L);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, request.connect_timeout_seconds);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, request.total_timeout_seconds);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!request.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, request.ca_file.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, keep_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &result.body);
  abort_when(h, request.abort);
  curl_easy_setopt(h, CURLOPT_USERAGENT, "hallboard");
  char detail[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
  CurlHeaders headers;
  headers.add("Content-Type: " + request.content_type);
  if (!request.bearer_token.empty()) headers.add("Authorization: Bearer " + request.bearer_token);
  // Bodies over 1 MB would otherwise wait up to a second for a
  // "100 Continue" that simple receivers never send.
  headers.add("Expect:");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());

  const CURLcode rc = curl_easy_perform(h);
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &result.status);
  const std::string why = detail[0] ? detail : curl_easy_strerror(rc);
  if (rc == CURLE_ABORTED_BY_CALLBACK) {
    result.aborted = true;
    result.error = url + ": stopped (the player is shutting down)";
  } else if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE) {
    result.error = url + ": the server's TLS certificate is not trusted (" + why + ")";
  } else if (rc == CURLE_OPERATION_TIMEDOUT) {
    result.error = url + ": timed out (" + why + ")";
  } else if (rc != CURLE_OK) {
    result.error = url + ": " + why;
  } else if (result.status >= 300 && result.status < 400) {
    result.error = url + ": the server answered HTTP " + std::to_string(result.status) +
                   " (a redirect; reports are sent only to the configured address)";
  } else if (result.status < 200 || result.status >= 300) {
    result.error = url + ": the server answered HTTP " + std::to_string(result.status);
  } else {
    result.ok = true;
  }
  return result;
}

}  // namespace hb::net
