#pragma once

#include <string>
#include <vector>

#include "app/clock.h"

namespace hb::app {

// hallboard run [--config FILE] [--windowed WxH] [--renderer auto|gpu|cpu]
//               [--at TIME] [--exit-after SECONDS]
int run_command(const std::vector<std::string>& args, const Clocks& clocks);

}  // namespace hb::app
