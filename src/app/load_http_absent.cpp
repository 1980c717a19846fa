// load_http in `hallboard`, which links no curl so that it starts fast
// (docs/cli.md, "Two programs"). Nothing is fetched: the caller hands the
// whole command to hallboard-screen, which fetches it.
#include "app/load.h"

namespace hb::app {

Loaded load_http(const std::string& url, const feed::Limits&) {
  return {std::nullopt, url + " is fetched by hallboard-screen", true};
}

}  // namespace hb::app
