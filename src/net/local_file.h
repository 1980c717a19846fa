// Feeds and pictures on the screen's own disk (file:// URLs and paths):
// watched by size and modification time instead of fetched. Every file the
// programs read from a path given to them (feeds, the player config, the
// trust key, pictures, the theme, the cache) is read through read_local.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace hb::net {

// http:// and https:// locations are fetched (fetch.h); everything else is
// read from disk. Here, not in fetch.h, so that `hallboard`, which links no
// curl, can tell the two apart.
bool is_http_url(const std::string& url);

// "file:///srv/a.xml" and "file://localhost/srv/a.xml" -> "/srv/a.xml";
// a path stays as it is.
std::string local_path(const std::string& location);

struct FileStamp {
  std::int64_t mtime_ns = 0;
  std::uint64_t size = 0;
  bool operator==(const FileStamp&) const = default;
};

// Nothing when the file cannot be seen.
std::optional<FileStamp> stamp_of(const std::string& path);

// Empty when `path` is a regular file (or names nothing), else what it is:
// "a FIFO, not a regular file". Reading a FIFO waits for a writer, a device
// never ends: a path that names one must never be opened for reading.
std::string not_regular(const std::string& path);

struct LocalRead {
  std::optional<std::string> bytes;
  std::string error;   // plain language, naming the file
  std::string reason;  // the error without the file's name: "a FIFO, not a regular file"
};

// Only a regular file is read, and nothing on the way can block: it is
// opened non-blocking and looked at (fstat) before a byte is read.
// At most max_bytes; a larger file is an error, found without reading it all.
LocalRead read_local(const std::string& path, std::size_t max_bytes);
// The same, but a larger file gives its first max_bytes + 1 bytes, for a
// caller that reports the size itself (the feed parser does, with a place).
LocalRead read_local_head(const std::string& path, std::size_t max_bytes);

}  // namespace hb::net
