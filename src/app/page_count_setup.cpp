#include "app/page_count_setup.h"

#include <sys/stat.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

#include "net/cache.h"

namespace hb::app {
namespace {

// The libraries that measure and break text, as mapped into this process
// (path and inode: an upgrade installs new files): a new ICU, FreeType,
// HarfBuzz or SDL_ttf may set the same text to other widths.
std::string text_libraries() {
  static constexpr std::string_view kNames[] = {"libicuuc", "libicudata", "libSDL2_ttf",
                                                "libfreetype", "libharfbuzz"};
  std::ifstream maps("/proc/self/maps");
  std::set<std::string> found;
  std::string line;
  while (std::getline(maps, line)) {
    // address perms offset dev inode path
    std::istringstream fields(line);
    std::string address, perms, offset, dev, inode, path;
    if (!(fields >> address >> perms >> offset >> dev >> inode >> path)) continue;
    for (const auto name : kNames)
      if (path.find(name) != std::string::npos) found.insert(path + " " + dev + " " + inode);
  }
  std::string out;
  for (const auto& f : found)
    out += "library " + f + "\n";
  return out;
}

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
  d += text_libraries();
  d += format_theme(theme);
  d += "screen " + config.screen + "\noffset " + std::to_string(config.utc_offset_minutes) +
       "\nrotate " + std::to_string(config.display.rotate) + "\n";
  return net::sha256_hex(d);
}

}  // namespace hb::app
