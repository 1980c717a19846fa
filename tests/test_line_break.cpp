// Line breaking as text: table-driven, with a measurer whose widths are
// easy to reason about (CJK 1 em, Latin and digits 1/2 em).
#include <doctest/doctest.h>

#include "layout/line_break.h"
#include "model/unicode.h"

namespace hb::layout {
namespace {

class FakeMeasure : public TextMeasurer {
 public:
  int width(std::string_view s, const TextStyle& style) const override {
    int w = 0;
    std::size_t i = 0;
    while (i < s.size()) {
      const auto c = model::next_code_point(s, i);
      w += c == 0x2005                                ? style.size / 4
           : c < 0x3000 && c != 0x201C && c != 0x201D ? style.size / 2
                                                      : style.size;
    }
    return w;
  }
  int line_height(const TextStyle& style) const override { return style.size * 3 / 2; }
};

std::string joined(const std::vector<std::string>& lines) {
  std::string r;
  for (const auto& l : lines)
    r += (r.empty() ? "" : "|") + l;
  return r;
}

}  // namespace

TEST_CASE("lines break where Chinese allows, never before closing punctuation") {
  LineBreaker breaker;
  FakeMeasure m;
  const TextStyle style{10, Weight::regular};
  struct Row {
    const char* text;
    int width_ems;
    const char* lines;
  };
  const Row rows[] = {
      {"一般事项当天办结", 4, "一般事项|当天办结"},
      {"一般事项当天办结", 20, "一般事项当天办结"},
      // "，" may not start a line: the character before it comes down with it.
      {"一二三，四五六", 3, "一二|三，四|五六"},
      {"限时办结。首问负责。", 4, "限时办|结。首问|负责。"},
      // A last line of one hanzi takes one more from the line above.
      {"一二三四五六七。", 3, "一二三|四五|六七。"},
      {"一二三四五六七八九。", 3, "一二三|四五六|七八|九。"},  // 七八 cannot spare one
      {"请到“五号窗口”办理", 3, "请到|“五号|窗口”|办理"},
      // An opening bracket may not end a line.
      {"甲乙（丙丁）戊", 3, "甲乙|（丙|丁）戊"},
      // Latin words and numbers stay whole.
      {"咨询电话 0871-63123456 欢迎来电", 8, "咨询电话|0871-63123456 欢|迎来电"},
      {"按照ISO9001标准", 5, "按照|ISO9001|标准"},
      {"A very long English sentence", 6, "A very long|English|sentence"},
      // A word wider than the line is the one case broken inside.
      {"https://zwfw.example.gov.cn/item/JS-0001", 8,
       "https://|zwfw.example.go|v.cn/item/|JS-0001"},
      {"", 5, ""},
      {"中", 0, "中"},  // narrower than one character: one character a line, never lost
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.text));
    CAPTURE(r.width_ems);
    const auto lines = breaker.break_lines(r.text, style, r.width_ems * style.size, m);
    CHECK(joined(lines) == r.lines);
    for (const auto& l : lines)
      if (r.width_ems > 0 && l.size() > 3) CHECK(m.width(l, style) <= r.width_ems * style.size);
  }
}

TEST_CASE("no prohibited character starts or ends a line in a long paragraph") {
  LineBreaker breaker;
  FakeMeasure m;
  const TextStyle style{10, Weight::regular};
  std::string paragraph;
  for (int i = 0; i < 25; ++i)
    paragraph +=
        "窗口实行首问负责制，对服务对象的咨询做到有问必答；能直接回答的问题，一次性告知（不推到处室"
        "）。";
  REQUIRE(paragraph.size() > 500 * 3 / 2);
  for (int width = 5; width <= 23; ++width) {
    CAPTURE(width);
    const auto lines = breaker.break_lines(paragraph, style, width * style.size, m);
    std::string rejoined;
    for (const auto& l : lines) {
      rejoined += l;
      CHECK(m.width(l, style) <= width * style.size);
      std::size_t i = 0;
      CHECK_FALSE(may_not_start_line(static_cast<char32_t>(model::next_code_point(l, i))));
      std::size_t last = l.size() - 1;
      while ((static_cast<unsigned char>(l[last]) & 0xC0) == 0x80)
        --last;
      CHECK_FALSE(may_not_end_line(static_cast<char32_t>(model::next_code_point(l, last))));
    }
    CHECK(rejoined == paragraph);  // nothing lost, nothing added
  }
}

TEST_CASE("paragraphs and mixed-script spacing") {
  LineBreaker breaker;
  FakeMeasure m;
  const TextStyle style{10, Weight::regular};
  CHECK(joined(breaker.break_text("第一段\n第二段", style, 100, m)) == "第一段|第二段");
  CHECK(space_mixed_scripts("按照ISO9001标准办理") == "按照\u2005ISO9001标准办理");
  CHECK(space_mixed_scripts("使用APP办理") == "使用\u2005APP\u2005办理");
  CHECK(space_mixed_scripts("按照 ISO9001 标准") == "按照 ISO9001 标准");
  CHECK(space_mixed_scripts("3号窗口") == "3号窗口");
  CHECK(space_mixed_scripts("A、B角在岗") == "A、B角在岗");
  CHECK(space_mixed_scripts("，A") == "，A");  // punctuation needs no space
}

}  // namespace hb::layout
