#pragma once

#include <string>
#include <vector>

namespace hb::app {

// hallboard lint [--json] FILE... ; returns the exit status, or kHandOver
// (hand_over.h) having printed nothing.
int lint_command(const std::vector<std::string>& args);

}  // namespace hb::app
