// The published feeds as files in DATA/feeds, written so that a reader (the
// console's own /feeds/, or nginx serving the same folder) only ever sees a
// whole old file or a whole new one: written beside, fsynced, renamed over,
// the folder fsynced. A kill -9 at any point leaves no half-written feed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hb::console {

// Writes `bytes` to dir/name atomically. An error message, or nothing.
std::optional<std::string> write_file_atomically(const std::filesystem::path& dir,
                                                 const std::string& name, std::string_view bytes);

// dir/name's bytes, or nothing when it cannot be read.
std::optional<std::string> read_whole_file(const std::filesystem::path& path);

}  // namespace hb::console
