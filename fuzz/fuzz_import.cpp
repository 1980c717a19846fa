// libFuzzer entry: any bytes as an uploaded spreadsheet, through the whole
// import (zip, XML, CSV decoding, items, stats). Must never crash, hang or
// leak, and never take more than the limits allow. Small limits keep each
// run fast and let the fuzzer reach them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/items.h"
#include "import/stats.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  hb::import::Limits limits;
  limits.max_entry_bytes = 4u << 20;
  limits.max_uncompressed_bytes = 8u << 20;
  limits.max_rows = 2000;
  limits.max_cells = 100000;
  for (const auto expect : {hb::import::Expect::items, hb::import::Expect::stats}) {
    auto table = hb::import::read_table(bytes, limits, expect);
    if (auto* t = std::get_if<hb::import::Table>(&table)) {
      if (expect == hb::import::Expect::items)
        (void)hb::import::import_items(*t);
      else
        (void)hb::import::import_stats(*t);
    }
  }
  return 0;
}
