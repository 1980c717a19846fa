// Detached Ed25519 signatures over a feed's exact bytes: the admin office
// signs with its private key, every screen checks with the public one named
// by <trust key="…">. OpenSSL stays behind this header.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace hb::net {

struct Verdict {
  bool ok = false;
  std::string error;  // why not, in plain language, naming the URL
};

// An Ed25519 public key, checked to be one when read.
class TrustKey {
 public:
  struct Read;
  // A PEM "PUBLIC KEY" block; `name` (the file) goes into the error.
  static Read from_pem(std::string_view pem, const std::string& name);
  static Read from_file(const std::string& path);

  ~TrustKey();
  TrustKey(TrustKey&&) noexcept;
  TrustKey& operator=(TrustKey&&) noexcept;

  // Checks `sig_file` (the .sig's bytes as served) against `bytes`.
  Verdict verify(std::string_view bytes, std::string_view sig_file, const std::string& url) const;

 private:
  struct Key;
  explicit TrustKey(std::unique_ptr<Key> key);
  std::unique_ptr<Key> key_;
};

struct TrustKey::Read {
  std::optional<TrustKey> key;
  std::string error;  // plain language, naming the file
};

// The 64 signature bytes from a .sig file: exactly 64 raw bytes, or their
// base64 (white space around and between lines ignored). Nothing if neither.
std::optional<std::string> decode_signature(std::string_view sig_file);

}  // namespace hb::net
