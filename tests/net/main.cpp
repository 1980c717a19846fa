#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "net/network.h"

int main(int argc, char** argv) {
  // As in the program: libcurl is set up once, before any thread starts.
  const hb::net::NetworkLibrary network;
  if (!network.ok()) return 2;
  doctest::Context context(argc, argv);
  return context.run();
}
