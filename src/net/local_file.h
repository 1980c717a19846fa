// Feeds and pictures on the screen's own disk (file:// URLs and paths):
// watched by size and modification time instead of fetched.
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

struct LocalRead {
  std::optional<std::string> bytes;
  std::string error;  // plain language, naming the file
};

// At most max_bytes; a larger file is an error, found without reading it all.
LocalRead read_local(const std::string& path, std::size_t max_bytes);

}  // namespace hb::net
