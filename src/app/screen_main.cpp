// hallboard-screen: every command, with curl and SDL. Installed in
// <prefix>/libexec/hallboard and started by `hallboard` (hand_over.h) for
// what it cannot do itself; run by hand it behaves as `hallboard` does.
#include <malloc.h>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "app/lint_command.h"
#include "app/plan_command.h"
#if HALLBOARD_WITH_RENDER
#include "app/render_command.h"
#include "app/run_command.h"
#include "app/say_command.h"
#endif
#include "app/summary_command.h"
#include "app/usage.h"
#include "net/network.h"

using hb::app::kUsage;

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (const auto status = hb::app::answer_without_command(args)) return *status;
  const std::string& command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  const hb::net::NetworkLibrary network;
  // The only clock read: everything below takes the time as a parameter.
  const auto now = static_cast<long long>(std::chrono::duration_cast<std::chrono::seconds>(
                                              std::chrono::system_clock::now().time_since_epoch())
                                              .count());
  if (command == "lint") return hb::app::lint_command(rest, now);
  if (command == "summary") return hb::app::summary_command(rest);
  if (command == "plan") return hb::app::plan_command(rest, now);
#if HALLBOARD_WITH_RENDER
  if (command == "render") return hb::app::render_command(rest, now);
  if (command == "say") return hb::app::say_command(rest);
  if (command == "run") {
    // Full-screen frames (8 MB at 1080p) come and go with every transition.
    // glibc raises its mmap threshold after the first is freed, and from
    // then on takes them from the heap, which stays at its high-water mark
    // for months; a fixed threshold keeps them in mmap, returned when freed.
    mallopt(M_MMAP_THRESHOLD, 512 * 1024);
    const hb::app::Clocks clocks{
        [] {
          return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
              .count();
        },
        [] {
          return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
              .count();
        }};
    return hb::app::run_command(rest, clocks);
  }
#endif
  if (command == "run" || command == "render" || command == "say") {
    // A build without SDL draws and says nothing.
    std::cerr << "hallboard " << command
              << ": not part of this build; `hallboard render` draws the pages to PNG files and "
                 "`hallboard plan` shows what the screen does\n";
    return 2;
  }
  std::cerr << "hallboard: unknown command " << command << "\n" << kUsage;
  return 2;
}
