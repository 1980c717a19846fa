// The on-disk cache of accepted feeds and pictures, so a screen that
// restarts without network shows the last accepted content at once.
//
// One directory per kind; per URL two files named by a hash of the URL:
// the bytes (NAME.EXT) and a small metadata file (NAME.meta) written after
// them. Every file is replaced atomically (temporary file in the same
// directory, write, fsync, rename, fsync of the directory), so a power cut
// leaves either the old or the new version, never a mix. Metadata whose
// SHA-256 does not match the bytes beside it is ignored.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/fetch.h"

namespace hb::net {

// The points between the steps of one atomic write, for crash tests.
enum class WriteStep { opened, half_written, written, synced, renamed, dir_synced };

struct CacheOptions {
  // Called at each step with the file being replaced; a test pauses or
  // exits here. Empty in production.
  std::function<void(WriteStep, const std::string& path)> between_steps;
  std::size_t max_bytes = 16u * 1024u * 1024u;  // larger cached files are not read
};

struct CacheMeta {
  std::string url;
  Validators validators;
  std::string sha256;        // hex, of the bytes
  std::string generated;     // the feed's `generated`, as written; informational
  std::int64_t fetched = 0;  // Unix seconds
  std::string signature;     // the .sig as served, base64; empty: none
};

struct CacheEntry {
  std::string bytes;
  std::optional<CacheMeta> meta;  // nothing: missing, unreadable or not for these bytes
  std::string meta_problem;       // why, when it was there but ignored
};

struct Written {
  bool ok = false;
  std::string error;  // plain language, naming the file
};

// Replaces `path` atomically with `bytes` (see above).
Written write_file_atomically(const std::string& path, std::string_view bytes,
                              const CacheOptions& options = {});

std::string sha256_hex(std::string_view bytes);
std::string base64_encode(std::string_view bytes);

class ContentCache {
 public:
  // `dir` is created when the first entry is stored. `extension` names the
  // bytes' files (".xml", ".img") so an administrator can tell them apart.
  ContentCache(std::string dir, std::string extension, CacheOptions options = {});

  // Nothing: nothing cached for this URL (or the bytes are unreadable).
  std::optional<CacheEntry> read(const std::string& url) const;
  // The bytes first, then the metadata (its sha256 is filled in here).
  Written store(const std::string& url, std::string_view bytes, CacheMeta meta) const;

  // Deletes the temporary files a crash left behind.
  void sweep() const;
  // Deletes every entry whose metadata names a URL not in `keep`.
  void prune(const std::vector<std::string>& keep) const;

  std::string bytes_path(const std::string& url) const;
  std::string meta_path(const std::string& url) const;
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::string extension_;
  CacheOptions options_;
};

// Metadata file text, and back (nothing when it is not one).
std::string format_meta(const CacheMeta& meta);
std::optional<CacheMeta> parse_meta(std::string_view text);

}  // namespace hb::net
