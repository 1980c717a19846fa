#include "feed/sections.h"
#include "model/url.h"

namespace hb::feed {

std::optional<std::string> web_safe_picture(ElementReader& e, const char* attribute,
                                            const std::string& value, const std::string& base_url) {
  if (!model::reference_leaves_web(base_url, value)) return value;
  e.findings().error(e.where_of(attribute),
                     std::string(attribute) + "=\"" + value +
                         "\" names a picture outside the web in a feed fetched over http(s) (" +
                         base_url + "); only http:// and https:// pictures are shown from it, "
                         "this one is left out");
  return std::nullopt;
}

}  // namespace hb::feed
