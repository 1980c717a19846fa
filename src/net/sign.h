// Signing a feed's exact bytes with the admin office's Ed25519 private key:
// the same 64 bytes `openssl pkeyutl -sign -rawin` makes (docs/signing.md),
// for tools that publish feeds (the console). Screens check them with
// TrustKey (signature.h). OpenSSL stays behind this header.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace hb::net {

enum class SignErrorKind {
  unreadable,   // the file cannot be read (missing, not a regular file, too large)
  not_a_key,    // no PEM private key in it
  public_key,   // a public key: signing needs the private one
  encrypted,    // a password-protected key: there is nobody to type the password
  not_ed25519,  // an RSA, EC, Ed448 … key
  failed,       // OpenSSL refused to sign (out of memory)
};

struct SignError {
  SignErrorKind kind = SignErrorKind::failed;
  std::string place;    // the key file's name
  std::string message;  // plain language, naming the place
};

// An Ed25519 private key, checked to be one when read.
class SigningKey {
 public:
  struct Read;
  // A PEM "PRIVATE KEY" block, as `openssl genpkey -algorithm ed25519`
  // writes it; `name` (the file) is the place of any error.
  static Read from_pem(std::string_view pem, const std::string& name);
  static Read from_file(const std::string& path);

  ~SigningKey();
  SigningKey(SigningKey&&) noexcept;
  SigningKey& operator=(SigningKey&&) noexcept;

  struct Signed;
  // The raw 64-byte signature over exactly `bytes`. Ed25519 is
  // deterministic: the same key and bytes always give the same signature.
  Signed sign(std::string_view bytes) const;
  // The matching public key as PEM, for <trust key="…"> on the screens.
  std::string public_pem() const;

 private:
  struct Key;
  explicit SigningKey(std::unique_ptr<Key> key, std::string name);
  std::unique_ptr<Key> key_;
  std::string name_;
};

struct SigningKey::Read {
  std::optional<SigningKey> key;
  std::optional<SignError> error;
};

struct SigningKey::Signed {
  std::string signature;  // 64 bytes, empty on error
  std::optional<SignError> error;
};

}  // namespace hb::net
