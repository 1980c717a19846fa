#include "app/process_memory.h"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace hb::app {
namespace {

std::uint64_t kilobytes_after(std::string_view text, std::string_view label) {
  std::size_t at = 0;
  while ((at = text.find(label, at)) != std::string_view::npos) {
    if (at == 0 || text[at - 1] == '\n') break;
    at += label.size();
  }
  if (at == std::string_view::npos) return 0;
  std::uint64_t kb = 0;
  for (std::size_t i = at + label.size(); i < text.size() && text[i] != '\n'; ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9')
      kb = kb * 10 + static_cast<std::uint64_t>(c - '0');
    else if (c != ' ' && c != '\t')
      break;
  }
  return kb * 1024;
}

std::string read_small(const char* path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

ProcessMemory parse_smaps_rollup(std::string_view text) {
  return {kilobytes_after(text, "Rss:"), kilobytes_after(text, "Pss:")};
}

ProcessMemory read_process_memory() {
  ProcessMemory m = parse_smaps_rollup(read_small("/proc/self/smaps_rollup"));
  if (m.rss_bytes != 0) return m;
  // statm: size resident shared … in pages.
  std::istringstream statm(read_small("/proc/self/statm"));
  std::uint64_t size = 0, resident = 0;
  if (statm >> size >> resident) {
    const long page = ::sysconf(_SC_PAGESIZE);
    m.rss_bytes = resident * static_cast<std::uint64_t>(page > 0 ? page : 4096);
  }
  return m;
}

}  // namespace hb::app
