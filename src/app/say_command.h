#pragma once

#include <string>
#include <vector>

namespace hb::app {

// hallboard say [--config FILE] (--ticket T --window NAME | TEXT): the
// voice as the screen would use it, without a queue, for whoever sets up
// a hall's speakers or clips. Quiet and opening hours do not apply.
int say_command(const std::vector<std::string>& args);

}  // namespace hb::app
