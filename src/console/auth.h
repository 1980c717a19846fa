// Passwords, tokens and the login throttle. Hashing and randomness are
// libsodium's; the throttle is a pure decision on failure times.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hb::console {

// Argon2id (crypto_pwhash_str, libsodium's "interactive" cost): a slow,
// salted hash. Nothing on failure (out of memory).
std::optional<std::string> hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);

// 32 random bytes as URL-safe text: session tokens, CSRF tokens, screen tokens.
std::string random_token();
// A 20-character password people can type: no 0/O, 1/l/I.
std::string random_password();
// A short random key for records without one (absences, results …).
std::string random_key(const std::string& prefix);
// What the database keeps instead of a token: its SHA-256, in hex. A copy
// of the database then lets nobody log in or pose as a screen.
std::string token_hash(const std::string& token);
std::string sha256_hex(std::string_view bytes);

// A user name or screen id people and scripts can type and logs can show:
// 1-64 bytes, no spaces, control characters, quotes or <>&.
bool usable_name(const std::string& name);

// Constant-time comparison for tokens.
bool same_token(const std::string& a, const std::string& b);

// The login throttle (console.md): once one user name has had `kFailures`
// failures within `kWindow` seconds, it is refused until `kWindow` after the
// last of them, even with the right password. Failures while refused are
// not counted, so the lock does not grow.
struct Throttle {
  static constexpr int kFailures = 5;
  static constexpr std::int64_t kWindow = 15 * 60;
};
// `latest` holds up to kFailures failure times, newest first. The time the
// user may try again, or nothing when it may now.
std::optional<std::int64_t> locked_until(const std::vector<std::int64_t>& latest, std::int64_t now);

}  // namespace hb::console
