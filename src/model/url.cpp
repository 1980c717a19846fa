#include "model/url.h"

#include <cctype>

namespace hb::model {

namespace {

bool url_is_web(std::string_view url) {
  const auto starts = [url](std::string_view scheme) {
    if (url.size() < scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
    return true;
  };
  return starts("http://") || starts("https://");
}

}  // namespace

bool reference_leaves_web(std::string_view base, std::string_view ref) {
  return url_is_web(base) && ref.find("://") != std::string_view::npos && !url_is_web(ref);
}

std::string resolve_reference(std::string_view base, std::string_view ref) {
  if (reference_leaves_web(base, ref)) return {};
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
