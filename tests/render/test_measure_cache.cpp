// The measurer's memo of widths: a remembered width is the width measuring
// again would give, whatever the text, style or eviction.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/ttf_measurer.h"
#include "render_support.h"

namespace hb::render {
namespace {

using layout::TextStyle;
using layout::Weight;

const std::vector<std::string>& texts() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> r = {
        "",
        "政务服务大厅",
        "政务服务大厅 ",  // a trailing space
        "按照\u2005ISO9001\u2005标准办理",
        "咨询电话 0871-63123456",
        "AV Wa To fi ffl",  // kerning pairs and ligatures
        "“五号窗口”（一楼）。",
        "𠀀𪚥龘",  // rare hanzi, from a fallback face
        "e\u0301\u200d\ufe0f",
        "tab\there\x01",    // controls are dropped
        "\xff\xfe broken",  // invalid UTF-8
        std::string("nul\0inside", 10),
    };
    std::string ticker;
    for (int i = 0; i < 40; ++i)
      ticker += "证照办结后可选择免费邮寄送达，";
    r.push_back(ticker);
    // Every prefix of a line, as line breaking asks.
    const std::string line = "窗口实行首问负责制，Latin words 与数字 123 混排。";
    for (std::size_t i = 1; i <= line.size(); ++i)
      r.push_back(line.substr(0, i));
    return r;
  }();
  return all;
}

}  // namespace

TEST_CASE("remembered widths are the widths measured afresh") {
  auto fonts = test::open_fonts();
  const TtfMeasurer uncached(*fonts, 0);
  const TtfMeasurer cached(*fonts);
  // Room for a handful of entries: most lookups find theirs evicted.
  const TtfMeasurer tiny(*fonts, 6 * (layout::TextMemo<int>::kEntryOverhead + 64));
  const TextStyle styles[] = {{24, Weight::regular}, {24, Weight::bold}, {41, Weight::regular}};
  for (int round = 0; round < 3; ++round)
    for (const auto& text : texts())
      for (const auto& style : styles) {
        CAPTURE(round);
        CAPTURE(text);
        CAPTURE(style.size);
        const int want = uncached.width(text, style);
        CHECK(cached.width(text, style) == want);
        CHECK(tiny.width(text, style) == want);
      }
  const auto n = texts().size() * std::size(styles);
  CHECK(uncached.cache_stats().entries == 0);
  CHECK(cached.cache_stats().misses == n);    // each text and style measured once
  CHECK(cached.cache_stats().hits == 2 * n);  // and remembered for the other rounds
  CHECK(cached.cache_stats().evictions == 0);
  CHECK(tiny.cache_stats().evictions > 0);
}

TEST_CASE("a width is remembered per style: size and weight both count") {
  auto fonts = test::open_fonts();
  const TtfMeasurer m(*fonts);
  const std::string text = "Wide bold text 政务";
  const int regular = m.width(text, {32, Weight::regular});
  const int bold = m.width(text, {32, Weight::bold});
  const int bigger = m.width(text, {48, Weight::regular});
  CHECK(bold != regular);
  CHECK(bigger > regular);
  CHECK(m.width(text, {32, Weight::regular}) == regular);
  CHECK(m.width(text, {32, Weight::bold}) == bold);
  CHECK(m.width(text, {48, Weight::regular}) == bigger);
  CHECK(m.cache_stats().entries == 3);
  CHECK(m.cache_stats().hits == 3);
}

}  // namespace hb::render
