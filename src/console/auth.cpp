#include "console/auth.h"

#include <sodium.h>

#include <array>

namespace hb::console {

namespace {

// libsodium must be initialised once before use; sodium_init is safe to
// call again and from several threads.
bool sodium_ready() { return sodium_init() >= 0; }

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

}  // namespace

std::optional<std::string> hash_password(const std::string& password) {
  if (!sodium_ready()) return std::nullopt;
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return std::nullopt;
  }
  return std::string(out.data());
}

bool verify_password(const std::string& hash, const std::string& password) {
  if (!sodium_ready() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  sodium_ready();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string random_password() {
  sodium_ready();
  static constexpr std::string_view kLetters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int i = 0; i < 20; ++i) {
    out += kLetters[randombytes_uniform(static_cast<std::uint32_t>(kLetters.size()))];
  }
  return out;
}

std::string random_key(const std::string& prefix) {
  sodium_ready();
  std::array<unsigned char, 5> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return prefix + to_hex(bytes.data(), bytes.size());
}

std::string sha256_hex(std::string_view bytes) {
  sodium_ready();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  return to_hex(digest.data(), digest.size());
}

std::string token_hash(const std::string& token) { return sha256_hex(token); }

bool usable_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f || c == '"' || c == '<' || c == '>' || c == '&' || c == '\'') {
      return false;
    }
  }
  return true;
}

bool same_token(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<std::int64_t> locked_until(const std::vector<std::int64_t>& latest,
                                         std::int64_t now) {
  if (latest.size() < static_cast<std::size_t>(Throttle::kFailures)) return std::nullopt;
  const std::int64_t newest = latest.front();
  const std::int64_t fifth_newest = latest[Throttle::kFailures - 1];
  if (newest - fifth_newest > Throttle::kWindow) return std::nullopt;
  const std::int64_t until = newest + Throttle::kWindow;
  if (now >= until) return std::nullopt;
  return until;
}

}  // namespace hb::console
