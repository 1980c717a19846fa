// Small fixed pages compared with reference PNGs in tests/render/golden/.
// Font rasterisation may differ a little between FreeType builds, so a
// page matches when 99.5% of its pixels are within a tolerance per channel.
//
// To regenerate after an intended change: HALLBOARD_UPDATE_GOLDEN=1
// build/tests/render/hallboard_render_tests -tc='golden*', then open the
// PNGs and look at them before committing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "render/png_file.h"
#include "render/ttf_measurer.h"
#include "render_support.h"

namespace hb::render {
namespace {

using layout::Box;
using layout::Color;
using layout::TextStyle;
using layout::Weight;

constexpr int page_w = 480, page_h = 270;

// A text run as layout would place it: measured width, line-height box.
layout::TextRun text(const TtfMeasurer& m, int x, int y, std::string s, TextStyle style,
                     Color color) {
  const Box box{x, y, m.width(s, style), m.line_height(style)};
  return {box, std::move(s), style, color};
}

layout::Page items_page(const TtfMeasurer& m) {
  const Color red{178, 34, 34, 255}, white{255, 255, 255, 255}, ink{33, 37, 41, 255},
      grey{108, 117, 125, 255}, rule{206, 212, 218, 255};
  const TextStyle title{24, Weight::bold}, head{20, Weight::bold}, body{16, Weight::regular},
      small{14, Weight::regular};
  auto page = test::page_of({}, {244, 246, 249, 255});
  auto& e = page.elements;
  e.push_back(layout::FillRect{{0, 0, page_w, 44}, red, 0});
  e.push_back(text(m, 16, 4, "政务服务大厅 · 办事指南", title, white));
  e.push_back(text(m, 404, 8, "09:30", {20, Weight::regular}, white));
  for (int card = 0; card < 2; ++card) {
    const int x = 16 + card * 232;
    e.push_back(layout::FillRect{{x, 60, 216, 128}, white, 10});
    e.push_back(layout::StrokeRect{{x, 60, 216, 128}, rule, 1, 10});
    e.push_back(layout::FillRect{{x + 12, 74, 4, 24}, red, 2});
  }
  e.push_back(text(m, 36, 71, "营业执照办理", head, ink));
  e.push_back(text(m, 28, 108, "承诺时限：3个工作日", body, grey));
  e.push_back(text(m, 28, 134, "窗口：A 区 05 号", body, ink));
  e.push_back(text(m, 28, 158, "Business licence", body, grey));
  e.push_back(text(m, 268, 71, "不动产登记", head, ink));
  e.push_back(text(m, 260, 108, "申请人：王䶮、吉𠮷", body, ink));
  e.push_back(text(m, 260, 134, "所需材料：身份证原件", body, grey));
  e.push_back(text(m, 260, 158, "（复印件一份）", body, grey));
  e.push_back(layout::LineSegment{16, 204, 464, 204, rule, 2});
  e.push_back(text(m, 16, 214, "咨询电话 12345 · Service hotline", small, grey));
  e.push_back(text(m, 16, 240, "第 1 / 3 页", small, grey));
  return page;
}

layout::Page roster_page(const TtfMeasurer& m) {
  const Color ink{33, 37, 41, 255}, grey{108, 117, 125, 255}, blue{13, 71, 161, 255};
  const TextStyle name{20, Weight::bold}, body{14, Weight::regular};
  auto page = test::page_of({});
  auto& e = page.elements;
  e.push_back(layout::Picture{{20, 20, 96, 128}, "staff/missing.jpg", 0});
  e.push_back(layout::Picture{{136, 20, 96, 128}, "staff/li.png", 0});
  e.push_back(text(m, 20, 156, "张伟", name, ink));
  e.push_back(text(m, 20, 186, "窗口 1 · 户籍", body, grey));
  e.push_back(text(m, 136, 156, "李晓𠮷", name, ink));
  e.push_back(text(m, 136, 186, "窗口 2 · 社保", body, grey));
  e.push_back(layout::QrCode{{300, 16, 160, 160}, "https://zwfw.example.gov.cn/预约?hall=3"});
  e.push_back(text(m, 344, 180, "扫码预约", {18, Weight::bold}, blue));
  e.push_back(layout::LineSegment{20, 236, 460, 216, blue, 3});
  e.push_back(layout::StrokeRect{{280, 8, 192, 204}, blue, 2, 16});
  return page;
}

layout::Page urgent_page(const TtfMeasurer& m) {
  const Color dark{139, 0, 0, 255}, white{255, 255, 255, 255}, yellow{255, 213, 79, 255},
      ink{33, 37, 41, 255};
  auto page = test::page_of({}, dark);
  auto& e = page.elements;
  e.push_back(layout::FillRect{{140, 24, 200, 80}, yellow, 40});
  e.push_back(text(m, 144, 28, "紧急通知", {48, Weight::bold}, ink));
  e.push_back(text(m, 24, 124, "因系统升级，今日 14:00–16:00", {22, Weight::regular}, white));
  e.push_back(text(m, 24, 158, "暂停办理社保业务，敬请谅解。", {22, Weight::regular}, white));
  e.push_back(layout::FillRect{{0, 222, page_w, 48}, {0, 0, 0, 160}, 0});
  std::string ticker;
  for (int i = 0; i < 20; ++i)
    ticker += "今日已办理业务 1,024 件 · 平均等待 12 分钟 · ";
  e.push_back(layout::Ticker{{0, 222, page_w, 48}, ticker, {22, Weight::regular}, yellow, 120});
  return page;
}

void check_golden(const std::string& name, const layout::Page& page, Canvas& canvas) {
  auto actual = canvas.render(page, page_w, page_h);
  REQUIRE(actual.surface);
  const std::string golden = std::string(HALLBOARD_GOLDEN_DIR) + "/" + name + ".png";
  if (std::getenv("HALLBOARD_UPDATE_GOLDEN")) {
    const auto saved = save_png(*actual.surface, golden);
    INFO(saved.error);
    CHECK(saved.ok);
    MESSAGE("wrote " << golden);
    return;
  }
  auto expected = load_png(golden);
  INFO(expected.error);
  REQUIRE(expected.surface);
  REQUIRE(expected.surface->w == page_w);
  REQUIRE(expected.surface->h == page_h);
  const auto c = test::compare(*actual.surface, *expected.surface, 40);
  if (c.share_within < 0.995) {
    const std::string out = HALLBOARD_GOLDEN_OUT_DIR;
    std::filesystem::create_directories(out);
    save_png(*actual.surface, out + "/" + name + "-actual.png");
    save_png(*expected.surface, out + "/" + name + "-expected.png");
    FAIL_CHECK(name << ": " << c.share_within * 100 << "% of pixels within tolerance (worst "
                    << c.worst << "); see " << out << "/" << name << "-{actual,expected}.png");
  }
}

TEST_CASE("golden: items page (Chinese text, cards, rare hanzi)") {
  auto fonts = test::open_fonts();
  const TtfMeasurer m(*fonts);
  auto canvas = test::canvas_without_pictures(*fonts);
  check_golden("items", items_page(m), canvas);
}

TEST_CASE("golden: roster page (photos, placeholder, QR code)") {
  auto fonts = test::open_fonts();
  const TtfMeasurer m(*fonts);
  const auto photo = test::encoded_picture(120, 160, false);
  Canvas canvas(*fonts, [&](const std::string& source) -> std::optional<std::string> {
    if (source == "staff/li.png") return photo;
    return std::nullopt;
  });
  check_golden("roster", roster_page(m), canvas);
}

TEST_CASE("golden: urgent page (large bold text, translucent band, ticker)") {
  auto fonts = test::open_fonts();
  const TtfMeasurer m(*fonts);
  auto canvas = test::canvas_without_pictures(*fonts);
  check_golden("urgent", urgent_page(m), canvas);
}

}  // namespace
}  // namespace hb::render
