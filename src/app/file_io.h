// Reading local files, with errors as values.
#pragma once

#include <optional>
#include <string>

namespace hb::app {

struct ReadResult {
  std::optional<std::string> bytes;
  std::string error;  // plain-language reason when bytes is empty
};

// Reads at most max_bytes + 1 bytes, so an oversized file is detected
// without reading all of it.
ReadResult read_file(const std::string& path, std::size_t max_bytes);

}  // namespace hb::app
