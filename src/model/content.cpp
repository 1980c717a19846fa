#include "model/content.h"

namespace hb::model {

Calendar default_calendar() {
  Calendar c;
  OpeningHours h;
  for (int d = 0; d < 5; ++d)
    h.days[static_cast<std::size_t>(d)] = true;
  h.open = TimeOfDay{9 * 60};
  h.close = TimeOfDay{17 * 60};
  c.hours.push_back(h);
  return c;
}

std::string poster_image_label(const PosterImage& image) {
  if (!image.alt.empty()) return image.alt;
  const std::string path = image.src.substr(0, image.src.find_first_of("?#"));
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace hb::model
