#include "app/page_count_setup.h"

#include <sys/stat.h>

#include "net/cache.h"

namespace hb::app {
namespace {

std::string file_identity(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return path + " missing";
  return path + " " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace

std::string page_count_setup(const render::FontCatalog& fonts, const layout::Theme& theme,
                             const model::PlayerConfig& config) {
  std::string d = "program " HALLBOARD_VERSION " " + file_identity("/proc/self/exe") + "\n";
  for (const auto* list : {&fonts.regular, &fonts.bold}) {
    d += list == &fonts.regular ? "regular\n" : "bold\n";
    for (const auto& face : list->faces)
      d += "font " + std::to_string(face.index) + " " + file_identity(face.file) + "\n";
  }
  d += format_theme(theme);
  d += "screen " + config.screen + "\noffset " + std::to_string(config.utc_offset_minutes) +
       "\nrotate " + std::to_string(config.display.rotate) + "\n";
  return net::sha256_hex(d);
}

}  // namespace hb::app
