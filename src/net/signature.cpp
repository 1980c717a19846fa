#include "net/signature.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include "net/local_file.h"
#include "net/openssl_handles.h"

namespace hb::net {

namespace {
constexpr std::size_t kMaxKeyFileBytes = 64 * 1024;  // a PEM key is a few hundred
}  // namespace

struct TrustKey::Key {
  PkeyPtr pkey;
};

TrustKey::TrustKey(std::unique_ptr<Key> key) : key_(std::move(key)) {}
TrustKey::~TrustKey() = default;
TrustKey::TrustKey(TrustKey&&) noexcept = default;
TrustKey& TrustKey::operator=(TrustKey&&) noexcept = default;

TrustKey::Read TrustKey::from_pem(std::string_view pem, const std::string& name) {
  Read r;
  if (pem.size() > 64 * 1024) {
    r.error = name + ": too large for a public key file";
    return r;
  }
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) {
    r.error = name + ": out of memory reading the key";
    return r;
  }
  PkeyPtr pkey(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (!pkey) {
    ERR_clear_error();  // the reason is ours to tell; leave no stale queue behind
    const bool private_key = pem.find("PRIVATE KEY") != std::string_view::npos;
    r.error = name + (private_key ? ": this is a private key; the screen needs the public one "
                                    "(openssl pkey -in KEY -pubout)"
                                  : ": not a PEM public key (-----BEGIN PUBLIC KEY-----)");
    return r;
  }
  if (EVP_PKEY_get_id(pkey.get()) != EVP_PKEY_ED25519) {
    const char* type = EVP_PKEY_get0_type_name(pkey.get());
    r.error = name + ": a " + (type ? type : "non-Ed25519") +
              " key; feeds are signed with Ed25519 (openssl genpkey -algorithm ed25519)";
    return r;
  }
  r.key = TrustKey(std::make_unique<Key>(Key{std::move(pkey)}));
  return r;
}

TrustKey::Read TrustKey::from_file(const std::string& path) {
  auto read = read_local(path, kMaxKeyFileBytes);
  if (!read.bytes)
    return {std::nullopt, "cannot read the trust key " + path +
                              (not_regular(path).empty() ? "" : ": " + read.reason)};
  return from_pem(*read.bytes, path);
}

namespace {

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::optional<std::string> decode_base64(std::string_view text) {
  std::string out;
  unsigned bits = 0;
  int have = 0;
  int padding = 0;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    const int v = base64_value(c);
    if (v < 0 || padding > 0) return std::nullopt;
    bits = (bits << 6) | static_cast<unsigned>(v);
    have += 6;
    if (have >= 8) {
      have -= 8;
      out.push_back(static_cast<char>((bits >> have) & 0xFFu));
    }
  }
  if (padding > 2 || have >= 6) return std::nullopt;
  return out;
}

}  // namespace

std::optional<std::string> decode_signature(std::string_view sig_file) {
  constexpr std::size_t kSize = 64;
  if (sig_file.size() == kSize) return std::string(sig_file);
  if (sig_file.size() > 1024) return std::nullopt;
  auto decoded = decode_base64(sig_file);
  if (!decoded || decoded->size() != kSize) return std::nullopt;
  return decoded;
}

Verdict TrustKey::verify(std::string_view bytes, std::string_view sig_file,
                         const std::string& url) const {
  Verdict v;
  const auto sig = decode_signature(sig_file);
  if (!sig) {
    v.error = url + ".sig is not an Ed25519 signature (64 bytes, or their base64; it has " +
              std::to_string(sig_file.size()) + " bytes)";
    return v;
  }
  MdCtxPtr ctx(EVP_MD_CTX_new());
  // Ed25519 hashes internally: no digest is named, and the message goes in one piece.
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key_->pkey.get()) != 1) {
    v.error = "the signature of " + url + " could not be checked (OpenSSL would not start)";
    return v;
  }
  const int rc =
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig->data()), sig->size(),
                       reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  if (rc != 1) {
    ERR_clear_error();
    v.error = "the signature in " + url +
              ".sig does not match these bytes and the trusted key (changed after signing, "
              "or signed with another key)";
    return v;
  }
  v.ok = true;
  return v;
}

}  // namespace hb::net
