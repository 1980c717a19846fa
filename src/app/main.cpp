// `hallboard`, the program on PATH. It links neither curl nor SDL, so it
// starts in a few milliseconds; it runs lint and summary of local files
// itself and hands everything else to hallboard-screen (hand_over.h).
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "app/hand_over.h"
#include "app/lint_command.h"
#include "app/summary_command.h"
#include "app/usage.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (const auto status = hb::app::answer_without_command(args)) return *status;
  const std::string& command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  int status = hb::app::kHandOver;
  if (command == "lint") {
    // The only clock read (lint judges dates by it); everything below takes it as a parameter.
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    status = hb::app::lint_command(rest, static_cast<long long>(now));
  } else if (command == "console") {
    return hb::app::hand_over_to_console(argv);
  } else if (command == "summary") {
    status = hb::app::summary_command(rest);
  } else if (command != "run" && command != "render" && command != "plan" &&
             command != "say") {
    std::cerr << "hallboard: unknown command " << command << "\n" << hb::app::kUsage;
    return 2;
  }
  // run and render draw with SDL, say speaks through it; plan counts pages with the fonts.
  return status == hb::app::kHandOver ? hb::app::hand_over(argv) : status;
}
