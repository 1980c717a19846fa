// libFuzzer entry: any bytes as an alerts source (CAP 1.2, issue 20),
// through the path the player takes (cap_path.h). Must never crash, hang
// or leak.
#include <cstddef>
#include <cstdint>

#include "cap_path.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hb::fuzz::cap_path(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
