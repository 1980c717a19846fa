// Test helper: stores two versions of one cache entry in turn, forever, with
// short random pauses between the steps of each write, until it is killed.
// Prints "writing" at the start, then "stored" after each of the first two
// writes.
// usage: hallboard_cache_writer CACHE_DIR URL FILE_A FILE_B
#include <chrono>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>

#include "net/cache.h"

namespace {

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: hallboard_cache_writer CACHE_DIR URL FILE_A FILE_B\n";
    return 2;
  }
  const std::string versions[] = {slurp(argv[3]), slurp(argv[4])};
  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> pause_us(0, 300);
  hb::net::CacheOptions options;
  options.between_steps = [&](hb::net::WriteStep, const std::string&) {
    std::this_thread::sleep_for(std::chrono::microseconds(pause_us(random)));
  };
  const hb::net::ContentCache cache(argv[1], ".xml", options);
  std::cout << "writing" << std::endl;
  for (unsigned long i = 0;; ++i) {
    const auto w = cache.store(argv[2], versions[i % 2], {});
    if (!w.ok) {
      std::cerr << w.error << "\n";
      return 1;
    }
    // The first two writes (A, then B) are said, so a test can kill after
    // either, however slow the machine; later ones are not (a full pipe
    // would stop the writer).
    if (i < 2) std::cout << "stored" << std::endl;
  }
}
