#include "net/cache.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "net/local_file.h"
#include "base/unique_fd.h"

namespace hb::net {
namespace {

constexpr std::string_view kMetaHeader = "hallboard-cache 1";
constexpr std::string_view kTempMark = ".tmp-";

std::string errno_text() {
  return std::strerror(errno);
}

using Fd = base::UniqueFd;

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string hex(const unsigned char* data, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string s;
  s.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    s.push_back(digits[data[i] >> 4]);
    s.push_back(digits[data[i] & 15]);
  }
  return s;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &n, EVP_sha256(), nullptr) != 1) return {};
  return hex(digest, n);
}

std::string base64_encode(std::string_view bytes) {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += {alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63], alphabet[v & 63]};
  }
  if (i + 1 == bytes.size()) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    out += {alphabet[v >> 18], alphabet[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += {alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63], '='};
  }
  return out;
}

Written write_file_atomically(const std::string& path, std::string_view bytes,
                              const CacheOptions& options) {
  const auto step = [&](WriteStep s) {
    if (options.between_steps) options.between_steps(s, path);
  };
  Written w;
  const std::filesystem::path target(path);
  const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  std::string temp = path + std::string(kTempMark) + "XXXXXX";
  Fd fd(::mkstemp(temp.data()));
  if (fd.get() < 0) {
    w.error = "cannot create a file in " + dir + ": " + errno_text();
    return w;
  }
  const auto fail = [&](const std::string& what) {
    w.error = what + " " + temp + ": " + errno_text();
    ::unlink(temp.c_str());
    return w;
  };
  // mkstemp makes it private; the cache is readable like any other file.
  if (::fchmod(fd.get(), 0644) != 0) return fail("cannot set the mode of");
  step(WriteStep::opened);
  const std::size_t half = bytes.size() / 2;
  if (!write_all(fd.get(), bytes.substr(0, half))) return fail("cannot write");
  step(WriteStep::half_written);
  if (!write_all(fd.get(), bytes.substr(half))) return fail("cannot write");
  step(WriteStep::written);
  if (::fsync(fd.get()) != 0) return fail("cannot flush");
  if (!fd.close()) return fail("cannot close");
  step(WriteStep::synced);
  if (::rename(temp.c_str(), path.c_str()) != 0) return fail("cannot rename to " + path + ":");
  step(WriteStep::renamed);
  // The rename itself lives in the directory; without this a power cut can
  // undo it after we reported success.
  Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir_fd.get() < 0 || ::fsync(dir_fd.get()) != 0) {
    w.error = "cannot flush the directory " + dir + ": " + errno_text();
    return w;
  }
  step(WriteStep::dir_synced);
  w.ok = true;
  return w;
}

std::string format_meta(const CacheMeta& m) {
  const auto line = [](std::string_view key, std::string value) {
    for (char& c : value)
      if (c == '\n' || c == '\r') c = ' ';
    return std::string(key) + " " + value + "\n";
  };
  return std::string(kMetaHeader) + "\n" + line("url", m.url) + line("etag", m.validators.etag) +
         line("last-modified", m.validators.last_modified) + line("sha256", m.sha256) +
         line("generated", m.generated) + line("fetched", std::to_string(m.fetched)) +
         line("signature", m.signature);
}

std::optional<CacheMeta> parse_meta(std::string_view text) {
  if (text.substr(0, kMetaHeader.size()) != kMetaHeader) return std::nullopt;
  CacheMeta m;
  bool has_url = false, has_sha = false;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) return std::nullopt;  // cut short
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) continue;  // the header
    const std::string_view key = line.substr(0, space);
    std::string value(line.substr(space + 1));
    if (key == "url") {
      m.url = std::move(value);
      has_url = true;
    } else if (key == "etag") {
      m.validators.etag = std::move(value);
    } else if (key == "last-modified") {
      m.validators.last_modified = std::move(value);
    } else if (key == "sha256") {
      m.sha256 = std::move(value);
      has_sha = true;
    } else if (key == "generated") {
      m.generated = std::move(value);
    } else if (key == "fetched") {
      char* stop = nullptr;
      m.fetched = std::strtoll(value.c_str(), &stop, 10);
    } else if (key == "signature") {
      m.signature = std::move(value);
    }
  }
  if (!has_url || !has_sha) return std::nullopt;
  return m;
}

ContentCache::ContentCache(std::string dir, std::string extension, CacheOptions options)
    : dir_(std::move(dir)), extension_(std::move(extension)), options_(std::move(options)) {}

std::string ContentCache::bytes_path(const std::string& url) const {
  // 128 bits of the URL's hash: no collisions among a screen's few URLs.
  return (std::filesystem::path(dir_) / (sha256_hex(url).substr(0, 32) + extension_)).string();
}

std::string ContentCache::meta_path(const std::string& url) const {
  return (std::filesystem::path(dir_) / (sha256_hex(url).substr(0, 32) + ".meta")).string();
}

std::optional<CacheEntry> ContentCache::read(const std::string& url) const {
  auto bytes = read_local(bytes_path(url), options_.max_bytes);
  if (!bytes.bytes) return std::nullopt;
  CacheEntry e;
  e.bytes = std::move(*bytes.bytes);
  const std::string mp = meta_path(url);
  auto meta_bytes = read_local(mp, 64 * 1024);
  if (!meta_bytes.bytes) {
    e.meta_problem = mp + " is missing";
    return e;
  }
  auto meta = parse_meta(*meta_bytes.bytes);
  if (!meta) {
    e.meta_problem = mp + " is not a cache metadata file";
  } else if (meta->url != url) {
    e.meta_problem = mp + " is for another URL";
  } else if (meta->sha256 != sha256_hex(e.bytes)) {
    e.meta_problem = mp + " describes other bytes (a write was cut short); ignored";
  } else {
    e.meta = std::move(meta);
  }
  return e;
}

Written ContentCache::store(const std::string& url, std::string_view bytes, CacheMeta meta) const {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) return {false, "cannot create the cache directory " + dir_ + ": " + ec.message()};
  Written w = write_file_atomically(bytes_path(url), bytes, options_);
  if (!w.ok) return w;
  meta.url = url;
  meta.sha256 = sha256_hex(bytes);
  return write_file_atomically(meta_path(url), format_meta(meta), options_);
}

void ContentCache::sweep() const {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir_, ec)) {
    const std::string name = e.path().filename().string();
    if (name.find(kTempMark) != std::string::npos) std::filesystem::remove(e.path(), ec);
  }
}

void ContentCache::prune(const std::vector<std::string>& keep) const {
  std::error_code ec;
  std::vector<std::filesystem::path> metas;
  for (const auto& e : std::filesystem::directory_iterator(dir_, ec))
    if (e.path().extension() == ".meta") metas.push_back(e.path());
  for (const auto& p : metas) {
    const auto text = read_local(p.string(), 64 * 1024);
    const auto meta = text.bytes ? parse_meta(*text.bytes) : std::nullopt;
    if (!meta) continue;  // not ours to judge
    bool kept = false;
    for (const auto& url : keep)
      kept |= url == meta->url;
    if (kept) continue;
    std::filesystem::remove(bytes_path(meta->url), ec);
    std::filesystem::remove(p, ec);
  }
}

}  // namespace hb::net
