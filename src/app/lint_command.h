#pragma once

#include <string>
#include <vector>

namespace hb::app {

// hallboard lint [--json] FILE... ; returns the exit status, or kHandOver
// (hand_over.h) having printed nothing. `now` (Unix seconds) is the clock
// dates far in the future are judged by.
int lint_command(const std::vector<std::string>& args, long long now);

}  // namespace hb::app
