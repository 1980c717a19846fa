// hallboard-console: the console's program (`hallboard console …` execs it).
// It links SQLite, cpp-httplib and libsodium; the screen's programs do not.
#include <iostream>
#include <string>
#include <vector>

#include "app/console_command.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  // Called as `hallboard console …` (handed over) or directly.
  if (!args.empty() && args[0] == "console") args.erase(args.begin());
  return hb::app::console_command(args);
}
