#include "app/theme_file.h"

#include <iostream>

#include "app/summary_command.h"
#include "net/local_file.h"

namespace hb::app {

layout::Theme load_theme() {
  // Beside the bundled content: <prefix>/content/player.xml -> <prefix>/assets/theme.conf.
  std::string dir = default_config_path();
  dir = dir.substr(0, dir.rfind('/') == std::string::npos ? 0 : dir.rfind('/'));
  const std::string path = (dir.empty() ? std::string(".") : dir) + "/../assets/theme.conf";
  const auto bytes = net::read_local(path, 1u << 20);
  if (!bytes.bytes) {
    if (!net::not_regular(path).empty()) std::cerr << bytes.error << "\n";  // else: none, as usual
    return layout::Theme{};
  }
  std::vector<layout::ThemeProblem> problems;
  layout::Theme theme = layout::parse_theme(*bytes.bytes, problems);
  for (const auto& p : problems)
    std::cerr << path << ":" << p.line << ": " << p.message << "\n";
  return theme;
}

}  // namespace hb::app
