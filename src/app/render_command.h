#pragma once

#include <string>
#include <vector>

namespace hb::app {

// hallboard render --config FILE [--at TIME] [--size WxH] --out DIR: every
// page of one rotation as PNG and text, with no display.
int render_command(const std::vector<std::string>& args, long long now);

}  // namespace hb::app
