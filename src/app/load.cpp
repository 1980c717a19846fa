#include "app/load.h"

#include <filesystem>

#include "app/file_io.h"
#include "net/fetch.h"

namespace hb::app {

namespace {

std::string local_path(const std::string& location) {
  if (location.rfind("file://localhost/", 0) == 0) return location.substr(16);
  if (location.rfind("file:///", 0) == 0) return location.substr(7);
  return location;
}

}  // namespace

std::string canonical_location(const std::string& location) {
  if (location.rfind("http://", 0) == 0 || location.rfind("https://", 0) == 0) return location;
  std::error_code ec;
  const auto p = std::filesystem::weakly_canonical(local_path(location), ec);
  return ec ? location : p.string();
}

Loaded load_source(const std::string& location, const feed::Limits& limits) {
  if (location.rfind("http://", 0) == 0 || location.rfind("https://", 0) == 0) {
    net::FetchOptions options;
    options.max_bytes = limits.max_bytes;
    auto r = net::fetch(location, options);
    return {std::move(r.body), r.error};
  }
  const std::string path = local_path(location);
  auto r = read_file(path, limits.max_bytes);
  if (!r.bytes) return {std::nullopt, "cannot read " + location + ": " + r.error};
  return {std::move(r.bytes), {}};
}

}  // namespace hb::app
