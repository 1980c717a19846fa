// What both programs say when called without a command, or with --help.
#pragma once

#ifndef HALLBOARD_VERSION
#define HALLBOARD_VERSION "0.0.0"
#endif

namespace hb::app {

inline constexpr const char* kUsage =
    "usage:\n"
    "  hallboard run    [--config FILE] [--windowed WxH]\n"
    "  hallboard lint   [--json] [--max-size MiB] FILE...\n"
    "  hallboard render --config FILE [--at TIME] [--size WxH] --out DIR\n"
    "  hallboard plan   [--config FILE] [--at TIME] [--minutes N]\n"
    "  hallboard summary [--config FILE]\n"
    "  hallboard --version\n";

inline constexpr const char* kVersionLine = "hallboard " HALLBOARD_VERSION "\n";

}  // namespace hb::app
