#include "net/sign.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include "net/local_file.h"
#include "net/openssl_handles.h"

namespace hb::net {
namespace {

constexpr std::size_t kMaxKeyFileBytes = 64 * 1024;  // a PEM key is a few hundred
constexpr std::size_t kSignatureBytes = 64;

SignError error(SignErrorKind kind, const std::string& place, const std::string& what) {
  return SignError{kind, place, place + ": " + what};
}

// Never asks for a password: with no callback OpenSSL would prompt on the
// terminal, and a service has nobody at one.
int no_password(char*, int, int, void*) {
  return 0;
}

// Why a PEM text holds no usable private key, told from its block names.
SignError why_no_private_key(std::string_view pem, const std::string& name) {
  if (pem.find("ENCRYPTED") != std::string_view::npos)
    return error(SignErrorKind::encrypted, name,
                 "this private key is protected by a password; sign with a key without one "
                 "(openssl pkey -in KEY -out PLAIN)");
  if (pem.find("PUBLIC KEY") != std::string_view::npos)
    return error(SignErrorKind::public_key, name,
                 "this is a public key; signing needs the private one "
                 "(openssl genpkey -algorithm ed25519)");
  return error(SignErrorKind::not_a_key, name,
               "not a PEM private key (-----BEGIN PRIVATE KEY-----)");
}

PkeyPtr read_private_key(std::string_view pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return nullptr;
  PkeyPtr pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_password, nullptr));
  ERR_clear_error();  // the reason is ours to tell; leave no stale queue behind
  return pkey;
}

}  // namespace

struct SigningKey::Key {
  PkeyPtr pkey;
};

SigningKey::SigningKey(std::unique_ptr<Key> key, std::string name)
    : key_(std::move(key)), name_(std::move(name)) {}
SigningKey::~SigningKey() = default;
SigningKey::SigningKey(SigningKey&&) noexcept = default;
SigningKey& SigningKey::operator=(SigningKey&&) noexcept = default;

SigningKey::Read SigningKey::from_pem(std::string_view pem, const std::string& name) {
  Read r;
  if (pem.size() > kMaxKeyFileBytes) {
    r.error = error(SignErrorKind::not_a_key, name, "too large for a private key file");
    return r;
  }
  PkeyPtr pkey = read_private_key(pem);
  if (!pkey) {
    r.error = why_no_private_key(pem, name);
    return r;
  }
  if (EVP_PKEY_get_id(pkey.get()) != EVP_PKEY_ED25519) {
    const char* type = EVP_PKEY_get0_type_name(pkey.get());
    r.error = error(SignErrorKind::not_ed25519, name,
                    std::string("a ") + (type ? type : "non-Ed25519") +
                        " key; feeds are signed with Ed25519 (openssl genpkey -algorithm ed25519)");
    return r;
  }
  r.key = SigningKey(std::make_unique<Key>(Key{std::move(pkey)}), name);
  return r;
}

SigningKey::Read SigningKey::from_file(const std::string& path) {
  auto read = read_local(path, kMaxKeyFileBytes);
  if (!read.bytes) {
    Read r;
    r.error = error(SignErrorKind::unreadable, path, "cannot read the signing key: " + read.reason);
    return r;
  }
  return from_pem(*read.bytes, path);
}

SigningKey::Signed SigningKey::sign(std::string_view bytes) const {
  Signed s;
  MdCtxPtr ctx(EVP_MD_CTX_new());
  std::string sig(kSignatureBytes, '\0');
  std::size_t len = sig.size();
  // Ed25519 hashes internally: no digest is named, and the message goes in
  // one piece, as `pkeyutl -rawin` gives it.
  const bool ok =
      ctx && EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_->pkey.get()) == 1 &&
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                     reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()) == 1 &&
      len == kSignatureBytes;
  if (!ok) {
    ERR_clear_error();
    s.error = error(SignErrorKind::failed, name_, "OpenSSL could not sign with this key");
    return s;
  }
  s.signature = std::move(sig);
  return s;
}

std::string SigningKey::public_pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_->pkey.get()) != 1) {
    ERR_clear_error();
    return {};
  }
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

}  // namespace hb::net
