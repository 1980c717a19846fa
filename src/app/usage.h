// What both programs say when called without a command, or with --help.
#pragma once

#include <iostream>
#include <optional>
#include <string>
#include <vector>

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
    "  hallboard say    [--config FILE] (--ticket T --window NAME | TEXT)\n"
    "  hallboard console init|serve|user add|screen add … (hallboard console --help)\n"
    "  hallboard --version\n";

inline constexpr const char* kVersionLine = "hallboard " HALLBOARD_VERSION "\n";

// What both programs answer before looking at a command: the usage (no
// arguments: on standard error, status 2; --help: status 0) and the
// version. Nothing when there is a command to run.
inline std::optional<int> answer_without_command(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string& command = args[0];
  if (command == "--version" || command == "version") {
    std::cout << kVersionLine;
    return 0;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  return std::nullopt;
}

}  // namespace hb::app
