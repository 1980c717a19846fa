#include "model/url.h"

namespace hb::model {

std::string resolve_reference(std::string_view base, std::string_view ref) {
  if (ref.empty() || ref.find("://") != std::string_view::npos) return std::string(ref);
  const std::size_t scheme = base.find("://");
  if (ref[0] == '/') {
    if (scheme == std::string_view::npos) return std::string(ref);
    const std::size_t host_end = base.find('/', scheme + 3);
    return std::string(base.substr(0, host_end)) + std::string(ref);
  }
  const std::size_t slash = base.rfind('/');
  if (slash == std::string_view::npos || (scheme != std::string_view::npos && slash < scheme + 3))
    return scheme == std::string_view::npos ? std::string(ref)
                                            : std::string(base) + "/" + std::string(ref);
  return std::string(base.substr(0, slash + 1)) + std::string(ref);
}

}  // namespace hb::model
