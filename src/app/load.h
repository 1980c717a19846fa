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
  // An http(s) URL met by `hallboard`, which links no curl: the command is
  // handed to the full program (hand_over.h) before it prints anything.
  bool needs_full_program = false;
};

// http(s) URLs, file:// URLs and paths.
Loaded load_source(const std::string& location, const feed::Limits& limits);

// One spelling per file: an absolute path for local files, the URL otherwise.
std::string canonical_location(const std::string& location);

// The http(s) half of load_source. Each program links its own: load_http.cpp
// fetches with curl (hallboard-screen), load_http_absent.cpp only says that
// the full program is needed (hallboard).
Loaded load_http(const std::string& url, const feed::Limits& limits);

}  // namespace hb::app
