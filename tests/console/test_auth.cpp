// Passwords, tokens and the login throttle (console.md: 5 failures within
// 15 minutes lock one user name until 15 minutes after the fifth).
#include <doctest/doctest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "console/auth.h"
#include "console/session_uses.h"

namespace hb::console {

TEST_CASE("locked_until: the throttle as a table of failure times") {
  constexpr std::int64_t kMin = 60;
  struct Row {
    const char* what;
    std::vector<std::int64_t> latest;  // newest first, as the store gives them
    std::int64_t now;
    std::optional<std::int64_t> until;
  };
  const std::vector<Row> rows = {
      {"no failures", {}, 1000, std::nullopt},
      {"four failures in a row", {1004, 1003, 1002, 1001}, 1005, std::nullopt},
      {"five within a minute", {1040, 1030, 1020, 1010, 1000}, 1041, 1040 + 15 * kMin},
      {"five in the same second", {1000, 1000, 1000, 1000, 1000}, 1000, 1000 + 15 * kMin},
      {"five within 15 minutes, asked just before the end", {1000 + 14 * kMin, 1000 + 10 * kMin,
        1000 + 5 * kMin, 1000 + kMin, 1000}, 1000 + 29 * kMin - 1, 1000 + 29 * kMin},
      {"locked a second before the end", {2000, 1990, 1980, 1970, 1960}, 2000 + 15 * kMin - 1,
       2000 + 15 * kMin},
      {"free at the end", {2000, 1990, 1980, 1970, 1960}, 2000 + 15 * kMin, std::nullopt},
      {"free after the end", {2000, 1990, 1980, 1970, 1960}, 2000 + 60 * kMin, std::nullopt},
      {"five spread over more than 15 minutes", {1000 + 15 * kMin + 1, 1000 + 10 * kMin,
        1000 + 5 * kMin, 1000 + kMin, 1000}, 1000 + 15 * kMin + 2, std::nullopt},
      {"five spread over an hour", {4600, 3700, 2800, 1900, 1000}, 4601, std::nullopt},
  };
  for (const Row& row : rows) {
    CAPTURE(row.what);
    CHECK(locked_until(row.latest, row.now) == row.until);
  }
}

TEST_CASE("passwords: a salted slow hash that verifies only the right password") {
  const auto hash = hash_password("正确的密码 with spaces");
  REQUIRE(hash);
  CHECK(hash->rfind("$argon2id$", 0) == 0);
  CHECK(hash->find("正确的密码") == std::string::npos);
  CHECK(verify_password(*hash, "正确的密码 with spaces"));
  CHECK_FALSE(verify_password(*hash, "正确的密码 with space"));
  CHECK_FALSE(verify_password(*hash, ""));
  // Salted: the same password hashes differently each time, and both verify.
  const auto again = hash_password("正确的密码 with spaces");
  REQUIRE(again);
  CHECK(*again != *hash);
  CHECK(verify_password(*again, "正确的密码 with spaces"));
  // Junk in place of a hash is a refusal, not a crash.
  CHECK_FALSE(verify_password("", "x"));
  CHECK_FALSE(verify_password("not a hash", "x"));
  CHECK_FALSE(verify_password(std::string(1000, '$'), "x"));
}

TEST_CASE("an empty password hashes and verifies only itself") {
  const auto hash = hash_password("");
  REQUIRE(hash);
  CHECK(verify_password(*hash, ""));
  CHECK_FALSE(verify_password(*hash, " "));
}

TEST_CASE("tokens are random, distinct and URL-safe; passwords avoid look-alike letters") {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string t = random_token();
    CHECK(t.size() == 43);  // 32 bytes, base64 without padding
    CHECK(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
          std::string::npos);
    seen.insert(t);
  }
  CHECK(seen.size() == 200);
  std::set<std::string> passwords;
  for (int i = 0; i < 50; ++i) {
    const std::string p = random_password();
    CHECK(p.size() == 20);
    CHECK(p.find_first_of("0O1lI") == std::string::npos);
    passwords.insert(p);
  }
  CHECK(passwords.size() == 50);
  const std::string k = random_key("a");
  CHECK(k.size() == 11);
  CHECK(k[0] == 'a');
  CHECK(random_key("a") != k);
}

TEST_CASE("token_hash is SHA-256 in hex; same_token compares whole tokens") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(token_hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(same_token("abc", "abc"));
  CHECK_FALSE(same_token("abc", "abd"));
  CHECK_FALSE(same_token("abc", "abcd"));
  CHECK_FALSE(same_token("abcd", "abc"));
  CHECK_FALSE(same_token("abc", ""));
  // Two empty tokens are no match: a session without a token is no session.
  CHECK_FALSE(same_token("", ""));
}


TEST_CASE("session_step: idle time counts from the last request, the store is written once a minute") {
  constexpr std::int64_t kIdle = 30 * 60;
  struct Row {
    const char* what;
    std::int64_t stored, seen, now;
    bool alive, write;
  };
  const Row rows[] = {
      {"just used", 1000, 1000, 1010, true, false},
      {"a minute since the store's time: write", 1000, 1030, 1060, true, true},
      {"idle timeout since the last request", 1000, 1059, 1059 + kIdle, false, false},
      {"a second short of it, though the store is older", 1000, 1059, 1058 + kIdle, true, true},
      {"nothing seen here (a restart): the store's time", 1000, 0, 999 + kIdle, true, true},
      {"nothing seen here, timed out", 1000, 0, 1000 + kIdle, false, false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.what);
    const SessionStep step = session_step(row.stored, row.seen, row.now, kIdle);
    CHECK(step.alive == row.alive);
    CHECK(step.write == row.write);
  }
}

TEST_CASE("SessionUses remembers live sessions only, and forgets the idle ones") {
  SessionUses uses;
  CHECK(uses.use("a", 100, 100, 600).alive);
  CHECK(uses.use("b", 100, 130, 600).alive);
  CHECK(uses.size() == 2);
  CHECK(uses.use("a", 100, 650, 600).alive);  // seen at 100 and the store says 100: 550 s idle
  CHECK_FALSE(uses.use("b", 100, 730, 600).alive);  // 600 s since its last request
  CHECK(uses.size() == 1);
  CHECK(uses.use("a", 100, 1300, 600).alive == false);
  CHECK(uses.size() == 0);
}

}  // namespace hb::console
