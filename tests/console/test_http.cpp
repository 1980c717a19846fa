// The console's small HTTP helpers: cookies, forms, percent-encoding.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "console/http.h"

namespace hb::console {

TEST_CASE("cookie_value finds one cookie among others") {
  struct Row {
    const char* header;
    const char* name;
    const char* value;
  };
  const std::vector<Row> rows = {
      {"", "hb_session", ""},
      {"hb_session=abc", "hb_session", "abc"},
      {"a=1; hb_session=abc; b=2", "hb_session", "abc"},
      {"a=1;hb_session=abc;b=2", "hb_session", "abc"},
      {"  hb_session = abc  ", "hb_session", "abc"},
      {"hb_session=", "hb_session", ""},
      {"hb_session", "hb_session", ""},
      {"xhb_session=evil; hb_session=good", "hb_session", "good"},
      {"hb_session_old=evil", "hb_session", ""},
      {"a=b=c", "a", "b=c"},
      {";;; ;", "hb_session", ""},
      {"hb_session=first; hb_session=second", "hb_session", "first"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.header);
    CHECK(cookie_value(row.header, row.name) == row.value);
  }
}

TEST_CASE("url_decode: '+', %XX, and malformed escapes kept as written") {
  struct Row {
    const char* in;
    std::string out;
  };
  const std::vector<Row> rows = {
      {"", ""},
      {"abc", "abc"},
      {"a+b", "a b"},
      {"a%20b", "a b"},
      {"%2B", "+"},
      {"%2b", "+"},
      {"%41", "A"},
      {"x%41", "xA"},
      {"%E5%BC%A0%E4%B8%89", "张三"},
      {"%", "%"},
      {"%4", "%4"},
      {"a%", "a%"},
      {"a%4", "a%4"},
      {"%zz", "%zz"},
      {"%4g", "%4g"},
      {"%%41", "%A"},
      {"100%", "100%"},
      {"%00", std::string(1, '\0')},
      {"%2F..%2F", "/../"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.in);
    CHECK(url_decode(row.in) == row.out);
  }
}

TEST_CASE("url_encode keeps the unreserved characters only, and decodes back") {
  CHECK(url_encode("") == "");
  CHECK(url_encode("aZ09-_.~") == "aZ09-_.~");
  CHECK(url_encode("a b+c&d=e/f") == "a%20b%2Bc%26d%3De%2Ff");
  CHECK(url_encode("张") == "%E5%BC%A0");
  CHECK(url_encode(std::string(1, '\0')) == "%00");
  for (const std::string s : {"", "a b", "张三 & 李四 = 100%", "+%+", "\xff\x01"}) {
    CAPTURE(s);
    CHECK(url_decode(url_encode(s)) == s);
  }
}

TEST_CASE("parse_form: fields, empty parts, repeated names") {
  CHECK(parse_form("").empty());
  CHECK(parse_form("&&&").empty());
  const auto f = parse_form("user=%E5%BC%A0%E4%B8%89&password=a+b%26c&empty=&flag&=nameless");
  CHECK(f.at("user") == "张三");
  CHECK(f.at("password") == "a b&c");
  CHECK(f.at("empty") == "");
  CHECK(f.at("flag") == "");
  CHECK(f.at("") == "nameless");
  CHECK(f.size() == 5);
  std::multimap<std::string, std::string> multi;
  const auto repeated = parse_form("w=1&w=2&csrf=x%3Dy&w=3", &multi);
  CHECK(repeated.at("w") == "3");
  CHECK(repeated.at("csrf") == "x=y");
  CHECK(multi.count("w") == 3);
  std::vector<std::string> ws;
  for (auto [it, end] = multi.equal_range("w"); it != end; ++it) ws.push_back(it->second);
  CHECK(ws == std::vector<std::string>{"1", "2", "3"});
  // A value holding '=' keeps it.
  CHECK(parse_form("a=b=c").at("a") == "b=c");
}

TEST_CASE("Request and Response header look-ups") {
  Request r;
  r.headers["x-csrf-token"] = "t";
  r.query["dry_run"] = "1";
  CHECK(r.header("x-csrf-token") == "t");
  CHECK(r.header("cookie").empty());
  CHECK(r.query_value("dry_run") == "1");
  CHECK(r.query_value("other").empty());
  Response a;
  a.set_header("ETag", "\"x\"");
  CHECK(a.header("ETag") == "\"x\"");
  CHECK(a.header("Last-Modified").empty());
}

}  // namespace hb::console

#include "console/pages.h"

namespace hb::console {

TEST_CASE("after login, only our own paths: no open redirect") {
  const std::pair<const char*, const char*> cases[] = {
      {"/absences", "/absences"},
      {"/items?q=JS&x=1", "/items?q=JS&x=1"},
      {"/records/item/JS-0001", "/records/item/JS-0001"},
      {"", "/"},
      {"//evil.example", "/"},
      {"/\\evil.example", "/"},
      {"/\t/evil.example", "/"},
      {"/\n/evil.example", "/"},
      {"/\r\nSet-Cookie: x=1", "/"},
      {"https://evil.example/", "/"},
      {"evil", "/"},
      {"/ok path", "/"},
  };
  for (const auto& [next, expected] : cases) {
    CAPTURE(next);
    CHECK(safe_next(next) == expected);
  }
}

}  // namespace hb::console
