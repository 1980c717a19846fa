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

Loaded load_source(const std::string& location, const feed::Limits& limits);

}  // namespace hb::app
