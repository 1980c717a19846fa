#pragma once

#include "layout/theme.h"

namespace hb::app {

// The theme from assets/theme.conf next to the program (or the built-in
// default when there is none); problems go to stderr, naming file and line.
layout::Theme load_theme();

}  // namespace hb::app
