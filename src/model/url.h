// Asset references are relative to the feed that names them.
#pragma once

#include <string>
#include <string_view>

namespace hb::model {

// `ref` resolved against `base` (an http(s) URL or a local path): absolute
// references stay as they are, "photos/s01.png" next to "content/roster.xml"
// becomes "content/photos/s01.png".
std::string resolve_reference(std::string_view base, std::string_view ref);

}  // namespace hb::model
