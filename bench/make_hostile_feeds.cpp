// Writes the hostile-but-valid feeds of tests/support/hostile_feeds.h as files, so
// anyone can run the commands on them:
//   build/bench/make_hostile_feeds OUT_DIR
//   build/hallboard plan --config OUT_DIR/many-materials-10000/player.xml …
// Each feed gets a directory of its own with feed.xml and a player.xml
// that shows it at 1920x1080.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "hostile_feeds.h"

namespace {

bool write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
    return 2;
  }
  const std::filesystem::path out = argv[1];
  for (const auto& f : hb::test::hostile_feeds()) {
    const auto dir = out / f.name;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || !write(dir / "feed.xml", f.xml) ||
        !write(dir / "player.xml", hb::test::hostile_player_config(f, "feed.xml"))) {
      std::fprintf(stderr, "cannot write %s\n", dir.c_str());
      return 1;
    }
    std::printf("%-28s %8zu KB  %s\n", f.name.c_str(), f.xml.size() / 1024, f.description.c_str());
  }
  return 0;
}
