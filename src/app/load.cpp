#include "app/load.h"

#include <filesystem>

#include "net/local_file.h"

namespace hb::app {

std::string canonical_location(const std::string& location) {
  if (net::is_http_url(location)) return location;
  std::error_code ec;
  const auto p = std::filesystem::weakly_canonical(net::local_path(location), ec);
  return ec ? location : p.string();
}

Loaded load_source(const std::string& location, const feed::Limits& limits) {
  if (net::is_http_url(location)) return load_http(location, limits);
  const std::string path = net::local_path(location);
  // The parser reports a file that is too large, with its place.
  auto r = net::read_local_head(path, limits.max_bytes);
  if (!r.bytes) return {std::nullopt, "cannot read " + location + ": " + r.reason};
  return {std::move(r.bytes), {}};
}

}  // namespace hb::app
