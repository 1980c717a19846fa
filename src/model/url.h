// Asset references are relative to the feed that names them.
#pragma once

#include <string>
#include <string_view>

namespace hb::model {

// `ref` resolved against `base` (an http(s) URL or a local path): absolute
// references stay as they are, "photos/s01.png" next to "content/roster.xml"
// becomes "content/photos/s01.png".
// A feed fetched over http(s) names only http(s) pictures: an absolute
// reference of another scheme ("file:///home/hall/private.jpg") resolves
// to nothing, so that no remote feed can show the screen's own files.
std::string resolve_reference(std::string_view base, std::string_view ref);

// True for such a reference: `base` http(s), `ref` absolute with another
// scheme. The feed's readers report it at the attribute's place.
bool reference_leaves_web(std::string_view base, std::string_view ref);

}  // namespace hb::model
