// Signing as the console will: signatures the screens accept, byte for byte
// what the openssl command of docs/signing.md makes, and every key that is
// not an Ed25519 private key refused with its own kind of error.
#include <doctest/doctest.h>

#include <cstdlib>

#include "net/net_support.h"
#include "net/sign.h"
#include "net/signature.h"

namespace hb::test {

TEST_SUITE_BEGIN("unit");
namespace {

bool have_openssl() {
  return std::system("openssl version >/dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE("sign: what SigningKey signs, the screens' TrustKey accepts") {
  const TestKey key;
  auto read = net::SigningKey::from_pem(key.private_pem(), "feeds.key");
  REQUIRE_MESSAGE(read.key, (read.error ? read.error->message : ""));
  for (const std::string& bytes : {kSignedFeed, std::string(), std::string(100000, 'x')}) {
    CAPTURE(bytes.size());
    const auto s = read.key->sign(bytes);
    REQUIRE(!s.error);
    CHECK(s.signature.size() == 64);
    // Deterministic: the test key's own signing gives the same bytes.
    CHECK(s.signature == key.sign(bytes));
    CHECK(read.key->sign(bytes).signature == s.signature);
    for (const std::string& pem : {key.public_pem(), read.key->public_pem()}) {
      auto trust = net::TrustKey::from_pem(pem, "feeds.pub");
      REQUIRE(trust.key);
      CHECK(trust.key->verify(bytes, s.signature, kSignedFeedUrl).ok);
      CHECK_FALSE(trust.key->verify(bytes + " ", s.signature, kSignedFeedUrl).ok);
    }
  }
  CHECK(read.key->public_pem() == key.public_pem());
}

TEST_CASE("sign: the same 64 bytes as openssl pkeyutl -sign -rawin, as docs/signing.md says") {
  if (!have_openssl()) {
    FAIL("openssl is not installed (scripts/setup.sh installs it)");
    return;
  }
  TempDir dir;
  const std::string big(300000, 'y');
  write_file(dir / "content.xml", kSignedFeed);
  write_file(dir / "big.xml", big);
  const std::string commands =
      "cd " + dir.path().string() +
      " && openssl genpkey -algorithm ed25519 -out feeds.key 2>/dev/null"
      " && openssl pkeyutl -sign -rawin -inkey feeds.key -in content.xml -out content.xml.sig"
      " && openssl pkeyutl -sign -rawin -inkey feeds.key -in big.xml -out big.xml.sig";
  REQUIRE(std::system(commands.c_str()) == 0);
  auto read = net::SigningKey::from_file((dir / "feeds.key").string());
  REQUIRE_MESSAGE(read.key, (read.error ? read.error->message : ""));
  CHECK(read.key->sign(kSignedFeed).signature == read_file(dir / "content.xml.sig"));
  CHECK(read.key->sign(big).signature == read_file(dir / "big.xml.sig"));
}

TEST_CASE("sign: keys that cannot sign feeds are refused, each with its kind") {
  if (!have_openssl()) {
    FAIL("openssl is not installed (scripts/setup.sh installs it)");
    return;
  }
  TempDir dir;
  const std::string commands =
      "cd " + dir.path().string() +
      " && openssl genpkey -algorithm rsa -pkeyopt rsa_keygen_bits:1024 -out rsa.key 2>/dev/null"
      " && openssl genpkey -algorithm ed448 -out ed448.key 2>/dev/null"
      " && openssl genpkey -algorithm ed25519 -aes256 -pass pass:secret -out locked.key"
      " 2>/dev/null";
  REQUIRE(std::system(commands.c_str()) == 0);
  const TestKey ed25519;
  const TestKey ec(TestKey::Kind::ec_p256);
  struct Row {
    const char* name;
    std::string pem;
    net::SignErrorKind kind;
    const char* message;
  };
  const Row rows[] = {
      {"the public key", ed25519.public_pem(), net::SignErrorKind::public_key,
       "this is a public key"},
      {"an EC P-256 private key", ec.private_pem(), net::SignErrorKind::not_ed25519,
       "a EC key; feeds are signed with Ed25519"},
      {"an RSA private key", read_file(dir / "rsa.key"), net::SignErrorKind::not_ed25519,
       "a RSA key"},
      {"an Ed448 private key", read_file(dir / "ed448.key"), net::SignErrorKind::not_ed25519,
       "a ED448 key"},
      {"a password-protected key", read_file(dir / "locked.key"), net::SignErrorKind::encrypted,
       "protected by a password"},
      {"not a key at all", "hello\n", net::SignErrorKind::not_a_key, "not a PEM private key"},
      {"an empty file", "", net::SignErrorKind::not_a_key, "not a PEM private key"},
      {"a huge file", std::string(100000, '-'), net::SignErrorKind::not_a_key, "too large"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto read = net::SigningKey::from_pem(r.pem, "/etc/hallboard/feeds.key");
    CHECK_FALSE(read.key);
    REQUIRE(read.error);
    CHECK(read.error->kind == r.kind);
    CHECK(read.error->place == "/etc/hallboard/feeds.key");
    CHECK_MESSAGE(read.error->message.find(r.message) != std::string::npos, read.error->message);
    CHECK(read.error->message.find("/etc/hallboard/feeds.key") != std::string::npos);
  }
  for (const std::string& path : {(dir / "missing.key").string(), dir.path().string()}) {
    CAPTURE(path);
    auto read = net::SigningKey::from_file(path);
    CHECK_FALSE(read.key);
    REQUIRE(read.error);
    CHECK(read.error->kind == net::SignErrorKind::unreadable);
    CHECK(read.error->place == path);
  }
}

TEST_SUITE_END();

}  // namespace hb::test
