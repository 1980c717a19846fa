// hallboard-console: the console's program (`hallboard console …` execs it).
// It links SQLite, cpp-httplib and libsodium; the screen's programs do not.
#include <sys/stat.h>

#include <iostream>
#include <string>
#include <vector>

#include "app/console_command.h"

int main(int argc, char** argv) {
  // The database holds password and token hashes; the feeds folder is
  // served anyway. Nothing the console makes is readable by other users,
  // except what the group (nginx, in docs/deploy.md) is given.
  ::umask(027);
  std::vector<std::string> args(argv + 1, argv + argc);
  // Called as `hallboard console …` (handed over) or directly.
  if (!args.empty() && args[0] == "console") args.erase(args.begin());
  return hb::app::console_command(args);
}
