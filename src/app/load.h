// Gets the bytes of a feed or config from wherever it lives: a local path
// or an http(s) URL. The only place the app reads content.
#pragma once

#include <optional>
#include <string>

#include "feed/limits.h"

namespace hb::app {

struct Loaded {
  std::optional<std::string> bytes;
  std::string error;  // one plain-language line naming the file or URL
};

// http(s) URLs, file:// URLs and paths.
Loaded load_source(const std::string& location, const feed::Limits& limits);

// One spelling per file: an absolute path for local files, the URL otherwise.
std::string canonical_location(const std::string& location);

}  // namespace hb::app
