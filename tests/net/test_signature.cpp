// Ed25519 over the exact bytes: every way a signature or key can be wrong is
// refused with a message that says which.
#include <doctest/doctest.h>

#include <cstdlib>

#include "net/cache.h"
#include "net/net_support.h"
#include "net/signature.h"

namespace hb::test {

TEST_SUITE_BEGIN("unit");
namespace {

const std::string kEmptyFeed =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hallboard version=\"1\"/>\n";

}  // namespace

TEST_CASE("signature table") {
  const TestKey key, other;
  const TestKey ec(TestKey::Kind::ec_p256);
  const std::string good = key.sign(kEmptyFeed);
  std::string flipped_feed = kEmptyFeed;
  flipped_feed[10] = static_cast<char>(flipped_feed[10] ^ 1);
  std::string flipped_sig = good;
  flipped_sig[5] = static_cast<char>(flipped_sig[5] ^ 0x40);

  struct Row {
    const char* name;
    std::string pem;
    std::string bytes;
    std::string sig;
    bool key_ok;
    bool ok;
    const char* message;  // in the key error or the verdict
  };
  const Row rows[] = {
      {"good", key.public_pem(), kEmptyFeed, good, true, true, ""},
      {"base64 form", key.public_pem(), kEmptyFeed, net::base64_encode(good), true, true, ""},
      {"base64 with a newline, as openssl base64 writes it", key.public_pem(), kEmptyFeed,
       net::base64_encode(good).insert(64, "\n") + "\n", true, true, ""},
      {"wrong key", other.public_pem(), kEmptyFeed, good, true, false, "does not match"},
      {"flipped byte in the feed", key.public_pem(), flipped_feed, good, true, false,
       "does not match"},
      {"flipped bit in the signature", key.public_pem(), kEmptyFeed, flipped_sig, true, false,
       "does not match"},
      {"truncated signature", key.public_pem(), kEmptyFeed, good.substr(0, 63), true, false,
       "is not an Ed25519 signature"},
      {"truncated base64", key.public_pem(), kEmptyFeed, net::base64_encode(good).substr(0, 80), true,
       false, "is not an Ed25519 signature"},
      {"empty signature", key.public_pem(), kEmptyFeed, "", true, false, "is not an Ed25519 signature"},
      {"not base64", key.public_pem(), kEmptyFeed, std::string(88, '!'), true, false,
       "is not an Ed25519 signature"},
      {"an EC key instead of Ed25519", ec.public_pem(), kEmptyFeed, good, false, false,
       "feeds are signed with Ed25519"},
      {"the private key instead of the public", key.private_pem(), kEmptyFeed, good, false, false,
       "this is a private key"},
      {"not a key at all", "hello\n", kEmptyFeed, good, false, false, "not a PEM public key"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto read = net::TrustKey::from_pem(r.pem, "/etc/hallboard/feeds.pub");
    REQUIRE(read.key.has_value() == r.key_ok);
    if (!r.key_ok) {
      CHECK(read.error.find("/etc/hallboard/feeds.pub") != std::string::npos);
      CHECK(read.error.find(r.message) != std::string::npos);
      continue;
    }
    const auto verdict = read.key->verify(r.bytes, r.sig, kSignedFeedUrl);
    CHECK(verdict.ok == r.ok);
    if (!r.ok) {
      CHECK(verdict.error.find(kSignedFeedUrl) != std::string::npos);
      CHECK(verdict.error.find(r.message) != std::string::npos);
    }
  }
}

TEST_CASE("a trust key file that cannot be read says so") {
  const auto read = net::TrustKey::from_file("/nonexistent/feeds.pub");
  CHECK_FALSE(read.key);
  CHECK(read.error == "cannot read the trust key /nonexistent/feeds.pub");
}

// The commands docs/signing.md gives the admin office make signatures the
// player accepts.
TEST_CASE("a key and signature made with the openssl command line, as docs/signing.md says") {
  if (std::system("openssl version >/dev/null 2>&1") != 0) {
    FAIL("openssl is not installed (scripts/setup.sh installs it)");
    return;
  }
  TempDir dir;
  write_file(dir / "content.xml", kEmptyFeed);
  const std::string d = dir.path().string();
  const std::string commands =
      "cd " + d +
      " && openssl genpkey -algorithm ed25519 -out feeds.key 2>/dev/null"
      " && openssl pkey -in feeds.key -pubout -out feeds.pub"
      " && openssl pkeyutl -sign -rawin -inkey feeds.key -in content.xml -out content.xml.sig"
      " && openssl base64 -in content.xml.sig -out content.xml.sig.b64"
      " && openssl pkeyutl -verify -rawin -pubin -inkey feeds.pub -in content.xml"
      " -sigfile content.xml.sig >/dev/null";
  REQUIRE(std::system(commands.c_str()) == 0);
  auto read = net::TrustKey::from_file(d + "/feeds.pub");
  REQUIRE(read.key);
  const std::string raw = read_file(dir / "content.xml.sig");
  CHECK(raw.size() == 64);
  CHECK(read.key->verify(kEmptyFeed, raw, kSignedFeedUrl).ok);
  CHECK(read.key->verify(kEmptyFeed, read_file(dir / "content.xml.sig.b64"), kSignedFeedUrl).ok);
  CHECK_FALSE(read.key->verify(kEmptyFeed + " ", raw, kSignedFeedUrl).ok);
}

TEST_SUITE_END();

}  // namespace hb::test
