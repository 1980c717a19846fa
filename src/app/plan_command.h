#pragma once

#include <string>
#include <vector>

namespace hb::app {

// hallboard plan --config FILE [--at TIME] [--minutes N]: the state of the
// screen at TIME and the pages of the next N minutes, in plain words.
int plan_command(const std::vector<std::string>& args, long long now);

}  // namespace hb::app
