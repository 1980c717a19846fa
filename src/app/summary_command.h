#pragma once

#include <string>
#include <vector>

namespace hb::app {

// hallboard summary [--config FILE]: what the content holds, in plain words.
// Returns the exit status, or kHandOver (hand_over.h) having printed nothing.
int summary_command(const std::vector<std::string>& args);

// The bundled demo's config, found next to the executable.
std::string default_config_path();

}  // namespace hb::app
