// Caps and hostile input: every one refused with a clear message, none
// crashing or hanging.
#include <doctest/doctest.h>

#include "support.h"

namespace hb::test {
namespace {

model::Diagnostics parse(const std::string& bytes, const feed::Limits& limits = {}) {
  model::Diagnostics out;
  (void)feed::parse_feed(bytes, "t.xml", out, limits);
  return out;
}

std::string nested(int depth) {
  std::string s = "<hallboard version=\"1\">";
  for (int i = 1; i < depth; ++i)
    s += "<x>";
  for (int i = 1; i < depth; ++i)
    s += "</x>";
  return s + "</hallboard>";
}

}  // namespace

TEST_CASE("the size cap") {
  feed::Limits small;
  small.max_bytes = 100;
  const std::string ok = feed_doc("");
  CHECK(parse(ok, small).empty());
  const auto out = parse(feed_doc("<hall name=\"" + std::string(100, 'x') + "\"/>"), small);
  REQUIRE(out.size() == 1);
  CHECK(out[0].message.find("the file is larger than 100 bytes, the limit for one feed") !=
        std::string::npos);

  // The default is 16 MiB.
  const std::string big = feed_doc("<!--" + std::string(17u << 20, 'x') + "-->");
  const auto big_out = parse(big);
  REQUIRE(big_out.size() == 1);
  CHECK(big_out[0].message.find("the file is larger than 16 MiB") != std::string::npos);
}

TEST_CASE("the depth cap") {
  // 32 levels are allowed (deeper unknown elements are only warned about once, at the top).
  const auto at_cap = parse(nested(32));
  REQUIRE(at_cap.size() == 1);
  CHECK(at_cap[0].severity == model::Severity::warning);

  const auto over = parse(nested(33));
  REQUIRE(over.size() == 1);
  CHECK(over[0].severity == model::Severity::error);
  CHECK(over[0].message.find("nested more than 32 deep") != std::string::npos);
  CHECK(over[0].where.column == 23 + 3 * 31 + 1);

  const auto absurd = parse(nested(200000));
  REQUIRE(absurd.size() == 1);
  CHECK(absurd[0].message.find("nested more than 32 deep") != std::string::npos);
}

TEST_CASE("a file with only warnings stays a warning past the cap, an error past it still fails") {
  std::string attrs;
  for (int i = 0; i < 1500; ++i)
    attrs += " a" + std::to_string(i) + "=\"x\"";
  const auto warnings = parse(feed_doc("<hall name=\"n\"" + attrs + "/>"));
  CHECK(warnings.size() == 1000);
  CHECK_FALSE(model::has_errors(warnings));
  const auto late_error = parse(feed_doc("<hall name=\"n\"" + attrs + "/><stats month=\"13\"/>"));
  CHECK(model::has_errors(late_error));
  CHECK(late_error.back().message.find("too many problems") != std::string::npos);
}

TEST_CASE("the findings cap keeps a broken file's report readable") {
  std::string attrs;
  for (int i = 0; i < 5000; ++i)
    attrs += " a" + std::to_string(i) + "=\"x\"";
  const auto out = parse(feed_doc("<hall name=\"n\"" + attrs + "/>"));
  CHECK(out.size() == 1000);
  CHECK(out.back().message.find("too many problems") != std::string::npos);
}

TEST_CASE("documents that are not feeds at all") {
  struct Row {
    const char* name;
    std::string bytes;
    int line, column;
    const char* message;
  };
  const std::vector<Row> rows = {
      {"empty file", "", 1, 1, "holds no XML element"},
      {"only white space", "  \n ", 1, 1, "holds no XML element"},
      {"plain text", "hello", 1, 1, "no XML element"},
      {"HTML error page", "<html><body>502 Bad Gateway</body></html>", 1, 1,
       "the root element is <html>"},
      {"cut short", "<hallboard version=\"1\">\n<items><item id=\"a\">", 2, 21, "cut short"},
      {"mismatched tags", "<hallboard version=\"1\">\n<hall name=\"x\"></halls></hallboard>", 2, 16,
       "the closing tag </halls> does not match"},
      {"unquoted attribute", "<hallboard version=1/>", 1, 20, "malformed attribute"},
      {"a second root element", "<hallboard version=\"1\"/>\n  <hallboard version=\"1\"/>", 2, 3,
       "a second root element"},
      {"text after the root", "<hallboard version=\"1\"/>\nstray", 2, 1,
       "text outside the root element"},
      {"a duplicate attribute",
       "<hallboard version=\"1\"><hall name=\"a\"\n name=\"b\"/></hallboard>", 2, 2,
       "has the attribute name twice"},
      {"a stray <", "<hallboard version=\"1\"><hall name=\"a\"/>< /hallboard>", 1, 40,
       "does not start a tag"},
      {"a declaration after blank lines", "\n<?xml version=\"1.0\"?><hallboard version=\"1\"/>", 2,
       1, "must be the very first thing"},
      {"a declaration after a comment",
       "<!-- c --><?xml version=\"1.0\"?><hallboard version=\"1\"/>", 1, 11,
       "must be the very first thing"},
      {"-- in a comment", "<hallboard version=\"1\"><!-- a -- b --></hallboard>", 1, 31,
       "\"--\" is not allowed inside a comment"},
      {"a \"<\" in an attribute value",
       "<hallboard version=\"1\"><hall name=\"a<?b\"/></hallboard>", 1, 37,
       "not allowed in an attribute value"},
      {"markup-looking text in a value hides nothing",
       "<hallboard version=\"1\"><hall name=\"x\" "
       "subtitle=\"&lt;!--\"/><notices><notice>&nbsp;</notice></notices></hallboard>",
       1, 76, "unknown entity &nbsp;"},
      {"an unclosed comment", "<hallboard version=\"1\"><hall name=\"a\"/><!-- no end </hallboard>",
       1, 40, "never closed"},
      {"an ampersand before a tab",
       "<hallboard version=\"1\"><hall name=\"AT&T\tCo;\"/></hallboard>", 1, 38, "bare \"&\""},
      {"bare ampersand", "<hallboard version=\"1\"><hall name=\"A & B\"/></hallboard>", 1, 38,
       "bare \"&\""},
      {"a player config where a feed was expected", "<player><feed url=\"a.xml\"/></player>", 1, 1,
       "not a feed"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    const auto out = parse(row.bytes);
    INFO(dump(out));
    REQUIRE(!out.empty());
    CHECK(out[0].severity == model::Severity::error);
    CHECK(out[0].where.line == row.line);
    CHECK(out[0].where.column == row.column);
    CHECK(out[0].message.find(row.message) != std::string::npos);
  }
}

TEST_CASE("entity expansion attacks are refused before parsing") {
  const std::string billion_laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
      "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n<hallboard version=\"1\"><hall "
      "name=\"&lol2;\"/></hallboard>";
  const auto out = parse(billion_laughs);
  REQUIRE(out.size() == 2);
  CHECK(out[0].message.find("DOCTYPE") != std::string::npos);
  CHECK(out[1].message.find("unknown entity &lol2;") != std::string::npos);
  CHECK(out[1].where.line == 3);
}

}  // namespace hb::test
