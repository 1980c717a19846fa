// load_http in hallboard-screen: a real fetch.
#include "app/load.h"
#include "net/fetch.h"

namespace hb::app {

Loaded load_http(const std::string& url, const feed::Limits& limits) {
  net::FetchOptions options;
  options.max_bytes = limits.max_bytes;
  auto r = net::fetch(url, options);
  return {std::move(r.body), r.error};
}

}  // namespace hb::app
