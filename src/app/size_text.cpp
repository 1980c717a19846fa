#include "app/size_text.h"

#include <cstdio>

namespace hb::app {

std::optional<std::pair<int, int>> parse_size(const std::string& s) {
  int w = 0, h = 0;
  char x = 0, extra = 0;
  if (std::sscanf(s.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X'))
    return std::nullopt;
  if (w < 640 || h < 360 || w > 16384 || h > 16384) return std::nullopt;
  return std::pair{w, h};
}

}  // namespace hb::app
