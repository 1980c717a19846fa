// The one owner of a libcurl easy handle, and of a request's header list.
#pragma once

#include <curl/curl.h>

#include <atomic>
#include <string>

namespace hb::net {

class CurlHandle {
 public:
  CurlHandle() : handle_(curl_easy_init()) {}
  ~CurlHandle() {
    if (handle_) curl_easy_cleanup(handle_);
  }
  CurlHandle(const CurlHandle&) = delete;
  CurlHandle& operator=(const CurlHandle&) = delete;
  CURL* get() const { return handle_; }

 private:
  CURL* handle_;
};

// Request headers for CURLOPT_HTTPHEADER, which must outlive the transfer.
class CurlHeaders {
 public:
  CurlHeaders() = default;
  ~CurlHeaders() { curl_slist_free_all(list_); }
  CurlHeaders(const CurlHeaders&) = delete;
  CurlHeaders& operator=(const CurlHeaders&) = delete;
  // A line that cannot be added (no memory) is left out: the request goes
  // without it rather than not at all.
  void add(const std::string& line) {
    if (curl_slist* grown = curl_slist_append(list_, line.c_str())) list_ = grown;
  }
  curl_slist* get() const { return list_; }

 private:
  curl_slist* list_ = nullptr;
};

// Lets `abort` (may be null: never) end a transfer: libcurl asks while
// connecting and transferring, also when nothing arrives, so a thread that
// is told to stop never waits out a timeout.
inline int check_abort(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* abort = static_cast<const std::atomic<bool>*>(user);
  return abort && abort->load() ? 1 : 0;
}

inline void abort_when(CURL* h, const std::atomic<bool>* abort) {
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, check_abort);
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(abort));
}

}  // namespace hb::net
