#include "app/load.h"

#include "app/file_io.h"
#include "net/fetch.h"

namespace hb::app {

Loaded load_source(const std::string& location, const feed::Limits& limits) {
  if (location.rfind("http://", 0) == 0 || location.rfind("https://", 0) == 0) {
    net::FetchOptions options;
    options.max_bytes = limits.max_bytes;
    auto r = net::fetch(location, options);
    return {std::move(r.body), r.error};
  }
  auto r = read_file(location, limits.max_bytes);
  if (!r.bytes) return {std::nullopt, "cannot read " + location + ": " + r.error};
  return {std::move(r.bytes), {}};
}

}  // namespace hb::app
