#include <doctest/doctest.h>

#include <algorithm>

#include "files.h"
#include "layout/theme.h"

namespace hb::layout {

TEST_CASE("the theme file in assets/ is the built-in default, spelled out") {
  std::vector<ThemeProblem> problems;
  const Theme t =
      parse_theme(test::read_bytes(test::source_dir() / "assets" / "theme.conf"), problems);
  CHECK(problems.empty());
  const Theme d;
  CHECK(t.page == d.page);
  CHECK(t.header == d.header);
  CHECK(t.ticker == d.ticker);
  CHECK(t.body == d.body);
  CHECK(t.min_text == d.min_text);
  CHECK(t.margin == d.margin);
}

TEST_CASE("theme lines: colours, sizes, mistakes by line, and a floor for legibility") {
  std::vector<ThemeProblem> problems;
  const Theme t = parse_theme(
      "# a comment\nheader = #003366\nbody = 48\n\nfoo = 1\nsmall = big\naccent = red\nmin_text = "
      "12\n",
      problems);
  CHECK(t.header == Color{0, 0x33, 0x66, 255});
  CHECK(t.body == 48);
  CHECK(t.small == Theme{}.small);
  CHECK(t.min_text == 34);
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].line == 5);
  CHECK(problems[0].message == "unknown setting foo");
  CHECK(problems[1].line == 6);
  CHECK(problems[2].line == 7);
  CHECK(problems[3].message.find("too small") != std::string::npos);
}

}  // namespace hb::layout

namespace hb::layout {

TEST_CASE("format_theme names every setting and reads back to the same theme") {
  std::vector<ThemeProblem> problems;
  Theme t = parse_theme("header = #003366\nbody = 48\ngap = 30\n", problems);
  REQUIRE(problems.empty());
  const std::string text = format_theme(t);
  CHECK(text.find("header = #003366\n") != std::string::npos);
  CHECK(text.find("body = 48\n") != std::string::npos);
  const Theme back = parse_theme(text, problems);
  CHECK(problems.empty());
  CHECK(format_theme(back) == text);
  // Every setting of the file: 18 colours and 10 sizes.
  CHECK(std::count(text.begin(), text.end(), '\n') == 28);
  CHECK(format_theme(Theme{}) != text);
  t.radius += 1;
  CHECK(format_theme(t) != text);
}

}  // namespace hb::layout
