// The measurer: widths as the canvas draws them, and which characters the
// installed fonts can draw at all.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "../support/line_break_reference.h"
#include "layout/line_break.h"
#include "render/font_file.h"
#include "render/font_runs.h"
#include "render/ttf_measurer.h"
#include "render_support.h"

namespace hb::render {
namespace {

using layout::TextStyle;
using layout::Weight;

TEST_CASE("finds Noto Sans CJK SC as the primary face, with fallbacks after it") {
  auto fonts = test::open_fonts();
  for (const auto w : {Weight::regular, Weight::bold}) {
    const auto& faces = fonts->catalog().faces(w).faces;
    REQUIRE(faces.size() >= 2);
    CHECK(faces[0].family == "Noto Sans CJK SC");
    CHECK(faces[0].file.find(".ttc") != std::string::npos);
    CHECK(faces[1].family == "Noto Sans CJK JP");
  }
  CHECK(fonts->catalog().bold.faces[0].file != fonts->catalog().regular.faces[0].file);
  CHECK(fonts->shaping());
}

TEST_CASE("a family that is not installed is an error, not a substitute") {
  FontQuery query;
  query.primary = "No Such Family Sans";
  const auto opened = FontSet::open(query);
  CHECK_FALSE(opened.fonts);
  CHECK(opened.error.find("No Such Family Sans") != std::string::npos);
}

TEST_CASE("width grows with each character, line height is 1.5 em") {
  auto fonts = test::open_fonts();
  const TtfMeasurer m(*fonts);
  struct Row {
    TextStyle style;
    int line_height;
  };
  for (const auto& row : {Row{{24, Weight::regular}, 36}, Row{{32, Weight::bold}, 48},
                          Row{{41, Weight::regular}, 62}}) {
    CAPTURE(row.style.size);
    CHECK(m.line_height(row.style) == row.line_height);
    int previous = m.width("", row.style);
    CHECK(previous == 0);
    std::string text;
    for (const char* c : {"政", "务", "服", "务", "大", "厅"}) {
      text += c;
      const int w = m.width(text, row.style);
      CHECK(w > previous);
      // Hanzi are one em wide in Noto Sans CJK.
      CHECK(w - previous == row.style.size);
      previous = w;
    }
  }
}

TEST_CASE("rare hanzi are drawable and measured, from whichever face has them") {
  auto fonts = test::open_fonts();
  const TtfMeasurer m(*fonts);
  const TextStyle style{40, Weight::regular};
  struct Row {
    const char* text;
    char32_t c;
  };
  for (const auto& row : {Row{"䶮", U'\u4DAE'}, Row{"𠮷", U'\U00020BB7'}, Row{"龑", U'\u9F91'},
                          Row{"\u2005", U'\u2005'}}) {
    CAPTURE(row.text);
    CHECK(m.can_draw(row.c));
    CHECK(m.width(row.text, style) > 0);
    CHECK(undrawable_characters(m, row.text).empty());
  }
  // U+2005 (the four-per-em space layout puts between hanzi and Latin) is
  // not in Noto Sans CJK: it comes from a fallback, at its proper width.
  CHECK(fonts->face_for(U'\u2005', Weight::regular, 40) > 0);
  CHECK(m.width("\u2005", style) == 10);
}

TEST_CASE("characters no font has are listed once each, in order") {
  auto fonts = test::open_fonts();
  const TtfMeasurer m(*fonts);
  CHECK_FALSE(m.can_draw(U'\U0010FFFD'));
  CHECK_FALSE(m.can_draw(U'\U000F0000'));
  const auto missing = undrawable_characters(m, "张\U0010FFFD三\U000F0000\U0010FFFD");
  REQUIRE(missing.size() == 2);
  CHECK(missing[0] == U'\U0010FFFD');
  CHECK(missing[1] == U'\U000F0000');
  CHECK(undrawable_characters(m, "办事指南 Guide 2024（试行）\t").empty());
}

TEST_CASE("text splits into runs by face and script; the widths add up") {
  auto fonts = test::open_fonts();
  const TtfMeasurer m(*fonts);
  const TextStyle style{32, Weight::regular};
  struct Row {
    const char* text;
    std::vector<std::string> runs;
  };
  const Row rows[] = {
      {"政务服务", {"政务服务"}},
      {"办理 3 个工作日", {"办理 3 个工作日"}},
      {"营业执照 Business licence", {"营业执照 ", "Business licence"}},
      {"王\u2005ABC", {"王", "\u2005", "ABC"}},
      {"e\u0301t\u00e9", {"e\u0301t\u00e9"}},
      {"葛\U000E0100", {"葛\U000E0100"}},
      {"a\tb\n", {"ab"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    const auto runs = split_runs(*fonts, row.text, style);
    std::vector<std::string> texts;
    int sum = 0;
    for (const auto& r : runs) {
      texts.push_back(r.text);
      sum += run_width(prepare_run_font(*fonts, r, style), r);
    }
    CHECK(texts == row.runs);
    CHECK(m.width(row.text, style) == sum);
  }
}

TEST_CASE("malformed UTF-8 becomes U+FFFD, never bytes SDL_ttf would misread") {
  struct Row {
    std::string bytes;
    std::u32string expected;
  };
  const Row rows[] = {
      {"a\xff"
       "b",
       U"a\uFFFDb"},
      {"\xe6\x94", U"\uFFFD\uFFFD"},
      {"\xed\xa0\x80", U"\uFFFD"},    // a surrogate
      {"\xc0\xaf", U"\uFFFD\uFFFD"},  // overlong
      {"政", U"政"},
  };
  for (const auto& row : rows) {
    const auto cps = code_points(row.bytes);
    CHECK(std::u32string(cps.begin(), cps.end()) == row.expected);
  }
}

TEST_CASE("lines break where trying each opportunity in turn would, with the real fonts") {
  auto fonts = test::open_fonts();
  const TtfMeasurer m(*fonts);
  layout::LineBreaker breaker;
  struct Row {
    TextStyle style;
    std::vector<int> widths;
  };
  const Row rows[] = {
      {{32, Weight::regular}, {1, 30, 100, 250, 333, 500, 777, 1000, 1600}},
      {{41, Weight::bold}, {40, 120, 401, 640, 999, 1800}},
      {{24, Weight::regular}, {23, 200, 481, 700}},
  };
  for (const auto& row : rows)
    for (const int width : row.widths)
      for (const auto& text : test::reference_texts()) {
        CAPTURE(text);
        CAPTURE(row.style.size);
        CAPTURE(width);
        const std::string spaced = layout::space_mixed_scripts(text);
        CHECK(breaker.break_lines(spaced, row.style, width, m) ==
              test::reference_break_lines(breaker, spaced, row.style, width, m));
      }
}

TEST_CASE("spare fonts for each size measure exactly what one font set to each size does") {
  auto apart = test::open_fonts();
  auto shared = test::open_fonts();
  apart->keep_sizes_apart(true);
  const TtfMeasurer by_size(*apart, 0), resized(*shared, 0);
  // Sizes in turn, as a slide's body, small and heading text are measured.
  const TextStyle styles[] = {{42, Weight::regular}, {36, Weight::regular}, {50, Weight::bold},
                              {42, Weight::bold},    {58, Weight::bold},    {24, Weight::regular},
                              {30, Weight::regular}, {36, Weight::bold}};
  for (int round = 0; round < 2; ++round)
    for (const auto& style : styles)
      for (const auto& text : test::reference_texts()) {
        CAPTURE(text);
        CAPTURE(style.size);
        CHECK(by_size.width(text, style) == resized.width(text, style));
      }
  // Off: the spares close, and the one font of each face goes on as before.
  apart->keep_sizes_apart(false);
  for (const auto& style : styles)
    CHECK(by_size.width("政务服务大厅 Business licence 0871", style) ==
          resized.width("政务服务大厅 Business licence 0871", style));
}

TEST_CASE("a font file read through its own SDL_RWops gives the file's bytes") {
  auto fonts = test::open_fonts();
  const std::string path = fonts->catalog().regular.faces.front().file;
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() > 100000);
  SDL_RWops* rw = open_font_file(path);
  REQUIRE(rw);
  CHECK(SDL_RWsize(rw) == static_cast<Sint64>(bytes.size()));
  const Sint64 size = static_cast<Sint64>(bytes.size());
  struct Row {
    Sint64 at;
    std::size_t length;
  };
  // Within a block, across blocks, again (from the cache), a table read
  // whole, and past the end (cut short).
  for (const Row row : {Row{0, 12}, Row{1020, 10}, Row{4090, 20}, Row{1020, 10}, Row{5000, 100000},
                        Row{size - 5, 5}, Row{size - 3, 10}, Row{size, 4}, Row{12345, 0}}) {
    CAPTURE(row.at);
    CAPTURE(row.length);
    CHECK(SDL_RWseek(rw, row.at, RW_SEEK_SET) == row.at);
    std::string got(row.length, '\0');
    const std::size_t read = SDL_RWread(rw, got.data(), 1, row.length);
    const std::size_t expected = static_cast<std::size_t>(
        std::clamp<Sint64>(size - row.at, 0, static_cast<Sint64>(row.length)));
    CHECK(read == expected);
    CHECK(got.substr(0, read) == bytes.substr(static_cast<std::size_t>(row.at), read));
    CHECK(SDL_RWtell(rw) == row.at + static_cast<Sint64>(read));
  }
  CHECK(SDL_RWseek(rw, -1, RW_SEEK_SET) < 0);
  CHECK(SDL_RWclose(rw) == 0);
  CHECK(open_font_file("/nonexistent/font.ttc") == nullptr);
}

}  // namespace
}  // namespace hb::render
