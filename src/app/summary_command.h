#pragma once

#include <string>
#include <vector>

namespace hb::app {

// hallboard summary [--config FILE]: what the content holds, in plain words.
int summary_command(const std::vector<std::string>& args);

// The bundled demo's config, found next to the executable.
std::string default_config_path();

}  // namespace hb::app
