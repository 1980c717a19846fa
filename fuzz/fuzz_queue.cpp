// libFuzzer entry: any bytes as a queue document (叫号联动), through the
// path the player takes (queue_path.h). Must never crash, hang or leak.
#include <cstddef>
#include <cstdint>

#include "queue_path.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hb::fuzz::queue_path(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
