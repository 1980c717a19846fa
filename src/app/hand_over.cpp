#include "app/hand_over.h"

#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#ifndef HALLBOARD_SCREEN_NAME
#define HALLBOARD_SCREEN_NAME "hallboard-screen"
#endif
// From the bindir to the libexec dir, set by CMake from the install dirs.
#ifndef HALLBOARD_SCREEN_FROM_BINDIR
#define HALLBOARD_SCREEN_FROM_BINDIR "../libexec/hallboard"
#endif

namespace hb::app {

namespace {

int exec_beside(char** argv, const std::string& name) {
  const std::string command = argv[1] ? argv[1] : "";
  char self[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) {
    const int error = errno;
    std::cerr << "hallboard: cannot find " << name << " (which runs `hallboard "
              << command << "`): /proc/self/exe: " << std::strerror(error) << "\n";
    return 2;
  }
  const std::filesystem::path dir =
      std::filesystem::path(std::string(self, std::size_t(n))).parent_path();
  // Beside us in a build tree; in libexec when installed.
  const std::string beside = (dir / name).string();
  const std::string installed =
      (dir / HALLBOARD_SCREEN_FROM_BINDIR / name).lexically_normal().string();
  const std::string& program = ::access(beside.c_str(), F_OK) == 0 ? beside : installed;
  std::cout.flush();  // empty: commands hand over before they print
  ::execv(program.c_str(), argv);
  const int error = errno;
  std::cerr << "hallboard: cannot start " << program << " (which runs `hallboard " << command
            << "`): " << std::strerror(error) << "\n";
  return 2;
}

}  // namespace

int hand_over(char** argv) { return exec_beside(argv, HALLBOARD_SCREEN_NAME); }

int hand_over_to_console(char** argv) { return exec_beside(argv, "hallboard-console"); }

}  // namespace hb::app
