// The feed-signing key in DATA: installed by init --key, used by publish.
#include <iostream>

#include "app/console_options.h"

namespace hb::app {

bool install_key(const std::filesystem::path& key, const std::filesystem::path&) {
  std::cerr << "hallboard console init: signing (" << key.string() << ") is not built yet\n";
  return false;
}

std::optional<console::Signer> data_signer(const std::filesystem::path&) {
  return console::Signer();
}

}  // namespace hb::app
