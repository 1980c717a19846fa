// hallboard console init|serve|user add|screen add (console.md), run by
// hallboard-console. Returns the exit status: 0 done, 1 refused (feeds
// with errors, a user or screen that exists), 2 misuse or a DIR that
// cannot be used.
#pragma once

#include <string>
#include <vector>

namespace hb::app {

int console_command(const std::vector<std::string>& args);

}  // namespace hb::app
