// Every text on every page of the demo hall, at every screen size and in
// every state of the roster, stands out from what is actually behind it by
// WCAG 2.1 AA: 4.5:1, 3:1 for large text.
#include <doctest/doctest.h>

#include <cstdio>
#include <map>
#include <optional>

#include "demo_content.h"
#include "every_page.h"
#include "layout/contrast.h"
#include "layout/theme.h"

namespace hb::test {
namespace {

bool contains(const layout::Box& b, int x, int y) {
  return x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h;
}

// The colour under the point (x, y) before element `before` is drawn: the
// topmost rectangle there, else the page; nothing when it is a picture.
std::optional<layout::Color> colour_behind(const layout::Page& page, std::size_t before, int x,
                                           int y) {
  for (std::size_t i = before; i-- > 0;) {
    const auto& e = page.elements[i];
    if (const auto* r = std::get_if<layout::FillRect>(&e); r && contains(r->box, x, y)) {
      if (r->color.a == 255) return r->color;
      const auto under = colour_behind(page, i, x, y);
      if (!under) return std::nullopt;
      return layout::blend(r->color, *under);
    }
    if (const auto* p = std::get_if<layout::Picture>(&e); p && contains(p->box, x, y))
      return std::nullopt;
    if (const auto* q = std::get_if<layout::QrCode>(&e); q && contains(q->box, x, y))
      return std::nullopt;
  }
  return page.background;
}

std::string hex(const layout::Color& c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}

struct Run {
  const layout::Box& box;
  const std::string& text;
  int size;
  layout::Color color;
};

std::optional<Run> run_of(const layout::Element& e) {
  if (const auto* t = std::get_if<layout::TextRun>(&e))
    return Run{t->box, t->text, t->style.size, t->color};
  if (const auto* t = std::get_if<layout::Ticker>(&e))
    return Run{t->box, t->text, t->style.size, t->color};
  return std::nullopt;
}

}  // namespace

TEST_SUITE_BEGIN("unit");

TEST_CASE("contrast: WCAG's ratios") {
  const layout::Color black{0, 0, 0}, white{255, 255, 255}, grey{118, 118, 118};
  CHECK(layout::contrast_ratio(black, white) == doctest::Approx(21.0));
  CHECK(layout::contrast_ratio(white, black) == doctest::Approx(21.0));
  CHECK(layout::contrast_ratio(white, white) == doctest::Approx(1.0));
  CHECK(layout::contrast_ratio(grey, white) == doctest::Approx(4.54).epsilon(0.01));
  CHECK(layout::blend(layout::Color{255, 255, 255, 0}, black) == black);
  CHECK(layout::blend(layout::Color{255, 255, 255, 255}, black) == white);
  CHECK(layout::required_contrast(24, 1080) == 3.0);
  CHECK(layout::required_contrast(23, 1080) == 4.5);
  CHECK(layout::required_contrast(42, 1920) == 4.5);  // a portrait screen is seen from as far
  CHECK(layout::required_contrast(48, 2160) == 3.0);
}

TEST_CASE("contrast: every text on every demo page meets WCAG 2.1 AA against what is behind it") {
  const model::Content c = demo_content();
  // One line per colour pair that fails, with an example, not thousands.
  std::map<std::string, std::string> failures;
  std::size_t runs = 0;
  for (const auto& [w, h] : kScreenSizes)
    for (const char* when : kDemoMoments)
      for (const auto& page : every_page(c, w, h, at(when)))
        for (std::size_t i = 0; i < page.elements.size(); ++i) {
          const auto run = run_of(page.elements[i]);
          if (!run || run->text.empty()) continue;
          ++runs;
          const int x = run->box.x + std::min(run->box.w, run->size) / 2;
          const int y = run->box.y + run->box.h / 2;
          const auto behind = colour_behind(page, i, x, y);
          const std::string where = page.slide_type + " at " + std::to_string(w) + "x" +
                                    std::to_string(h) + ", " + when + ": \"" + run->text + "\"";
          if (!behind) {
            failures.emplace("on a picture", where);
            continue;
          }
          const double ratio = layout::contrast_ratio(run->color, *behind);
          const double need = layout::required_contrast(run->size, h);
          if (ratio >= need) continue;
          char head[128];
          std::snprintf(head, sizeof head, "%s on %s: %.2f:1 < %.1f:1 (%d px)",
                        hex(run->color).c_str(), hex(*behind).c_str(), ratio, need, run->size);
          failures.emplace(head, where);
        }
  CHECK(runs > 1000);
  std::string report;
  for (const auto& [pair, example] : failures)
    report += pair + ", e.g. " + example + "\n";
  CAPTURE(report);
  CHECK(failures.empty());
}

TEST_SUITE_END();

}  // namespace hb::test

namespace hb::test {

TEST_CASE("contrast: a theme file with colours too close together is warned about") {
  std::vector<layout::ThemeProblem> problems;
  const auto theme = layout::parse_theme("muted = #B0B0B0\naccent = #E0A030\n", problems);
  CHECK(theme.muted == layout::Color{0xB0, 0xB0, 0xB0, 255});  // said, not refused
  std::string all;
  for (const auto& p : problems)
    all += std::to_string(p.line) + ": " + p.message + "\n";
  CAPTURE(all);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].message ==
        "the text colour muted (#B0B0B0) on page (#F7F4EE) has a contrast of 1.98:1; text needs "
        "4.5:1 (WCAG 2.1 AA) to be read from 3-5 m");
  CHECK(problems[1].message.find("muted (#B0B0B0) on card (#FFFFFF)") != std::string::npos);
  CHECK(problems[2].message.find("accent (#E0A030) on header (#B4161C)") != std::string::npos);
  CHECK(layout::theme_contrast_problems(layout::Theme{}).empty());
}

}  // namespace hb::test
