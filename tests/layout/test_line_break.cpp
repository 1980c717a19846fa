// Line breaking as text: table-driven, with a measurer whose widths are
// easy to reason about (CJK 1 em, Latin and digits 1/2 em).
#include <doctest/doctest.h>

#include "layout/line_break.h"
#include "layout/text_memo.h"
#include "layout/typeset.h"
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

namespace {

// Counts what it is asked, so a test can tell a remembered answer from a
// measured one.
class CountingMeasure : public FakeMeasure {
 public:
  int width(std::string_view s, const TextStyle& style) const override {
    ++calls;
    return FakeMeasure::width(s, style);
  }
  mutable int calls = 0;
};

std::string placed(const std::vector<Element>& elements) {
  std::string r;
  for (const auto& e : elements)
    if (const auto* t = std::get_if<TextRun>(&e))
      r += t->text + "@" + std::to_string(t->box.x) + "," + std::to_string(t->box.y) + "+" +
           std::to_string(t->box.w) + " ";
  return r;
}

}  // namespace

TEST_CASE("the text memo keeps within its bytes, the least recently used out first") {
  constexpr std::size_t entry = TextMemo<int>::kEntryOverhead + sizeof(int) + 1;  // 1-byte keys
  TextMemo<int> memo(3 * entry);
  CHECK(memo.find("a") == nullptr);
  REQUIRE(memo.insert("a", 1));
  memo.insert("b", 2);
  memo.insert("c", 3);
  REQUIRE(memo.find("a"));  // a is now the most recent
  memo.insert("d", 4);      // four do not fit: b, the least recent, goes
  CHECK(memo.find("b") == nullptr);
  CHECK(*memo.find("a") == 1);
  CHECK(*memo.find("c") == 3);
  CHECK(*memo.find("d") == 4);
  CHECK(memo.stats().entries == 3);
  CHECK(memo.stats().cost == 3 * entry);
  CHECK(memo.stats().evictions == 1);
  memo.insert("a", 10);  // again: replaced, not doubled
  CHECK(*memo.find("a") == 10);
  CHECK(memo.stats().entries == 3);
  // Dearer than the whole bound: not kept, and nothing evicted for it.
  CHECK(memo.insert(std::string(3 * entry, 'x'), 0) == nullptr);
  CHECK(memo.stats().entries == 3);
  // Keys are bytes: a NUL inside one is part of it. A longer key costs
  // more: two go to make room for it.
  memo.insert(std::string_view("k\0a", 3), 5);
  CHECK(memo.find(std::string_view("k\0b", 3)) == nullptr);
  CHECK(*memo.find(std::string_view("k\0a", 3)) == 5);
  CHECK(memo.stats().entries == 2);
  CHECK(memo.stats().cost == 2 * entry + 2);
  // A copy starts empty; the original keeps its entries.
  const TextMemo<int> copy = memo;
  CHECK(copy.stats().entries == 0);
  CHECK(memo.stats().entries == 2);
  memo.clear();
  CHECK(memo.stats().entries == 0);
  CHECK(memo.stats().cost == 0);
  TextMemo<int> none(0);  // remembers nothing
  CHECK(none.insert("a", 1) == nullptr);
  CHECK(none.find("a") == nullptr);
}

TEST_CASE("remembered lines are the lines breaking again would give") {
  LineBreaker breaker;
  CountingMeasure counted;
  FakeMeasure plain;
  Typesetter memoized(counted, breaker);
  Typesetter fresh(plain, breaker, 0);
  // A memo of a few entries: most answers must come back after an eviction.
  Typesetter small(plain, breaker, 3 * (TextMemo<std::vector<std::string>>::kEntryOverhead + 200));
  Typesetter none_kept(plain, breaker, 100);  // every result dearer than the bound
  const char* texts[] = {
      "一般事项当天办结",
      "一二三，四五六",
      "请到“五号窗口”办理",
      "按照ISO9001标准，使用APP办理",
      "咨询电话 0871-63123456 欢迎来电",
      "第一段\n第二段很长很长很长很长很长\n\n",
      "https://zwfw.example.gov.cn/item/JS-0001",
      "",
      "中",
  };
  const TextStyle styles[] = {{10, Weight::regular}, {10, Weight::bold}, {24, Weight::regular}};
  // Three rounds: the first fills the memo, the others are answered from it.
  for (int round = 0; round < 3; ++round) {
    const int calls_before = counted.calls;
    for (const char* text : texts)
      for (const auto& style : styles)
        for (const int width : {0, 30, 45, 100, 1000}) {
          CAPTURE(std::string(text));
          CAPTURE(style.size);
          CAPTURE(width);
          const auto want = fresh.lines(text, style, width);
          CHECK(memoized.lines(text, style, width) == want);
          CHECK(small.lines(text, style, width) == want);
          CHECK(none_kept.lines(text, style, width) == want);
          CHECK(memoized.height(text, style, width) == fresh.height(text, style, width));
          std::vector<Element> got_set, want_set;
          const int h = memoized.set(got_set, text, style, {}, 7, 11, width);
          CHECK(h == fresh.set(want_set, text, style, {}, 7, 11, width));
          CHECK(placed(got_set) == placed(want_set));
          CHECK(memoized.width(text, style) == fresh.width(text, style));
        }
    // Once remembered, neither breaking nor placing lines measures anything.
    if (round > 0) CHECK(counted.calls == calls_before);
  }
  CHECK(memoized.lines_memo_stats().hits > 0);
  CHECK(memoized.lines_memo_stats().evictions == 0);
  CHECK(small.lines_memo_stats().evictions > 0);
  CHECK(memoized.widths_memo_stats().hits > 0);
  CHECK(fresh.lines_memo_stats().entries == 0);
  CHECK(fresh.widths_memo_stats().entries == 0);
  CHECK(none_kept.lines_memo_stats().entries == 0);
}

}  // namespace hb::layout

#include "line_break_reference.h"

namespace hb::layout {

TEST_CASE("the search ends every line where trying each opportunity in turn would") {
  LineBreaker breaker;
  FakeMeasure m;
  for (const int size : {10, 13, 32}) {
    const TextStyle style{size, Weight::regular};
    for (const auto& text : test::reference_texts())
      for (int width = 0; width <= 40 * size; width += size / 2 + 1) {
        CAPTURE(text);
        CAPTURE(size);
        CAPTURE(width);
        CHECK(joined(breaker.break_lines(text, style, width, m)) ==
              joined(test::reference_break_lines(breaker, text, style, width, m)));
      }
  }
}

TEST_CASE("the search measures a line a few times, not once per opportunity") {
  LineBreaker breaker;
  CountingMeasure searched, tried;
  const TextStyle style{10, Weight::regular};
  std::string paragraph;
  for (int i = 0; i < 10; ++i)
    paragraph += test::reference_texts()[12];
  struct Row {
    int width_ems;
    int fewer_by;  // at least: the wider the line, the more trying each end costs
  };
  for (const Row row : {Row{8, 2}, Row{20, 4}, Row{40, 8}}) {
    CAPTURE(row.width_ems);
    searched.calls = tried.calls = 0;
    const auto lines = breaker.break_lines(paragraph, style, row.width_ems * style.size, searched);
    test::reference_break_lines(breaker, paragraph, style, row.width_ems * style.size, tried);
    // Three or four a line (the guess, its neighbour, the next line's first
    // piece), where trying each opportunity measured every line about as
    // many times as it has characters.
    CHECK(searched.calls <= 4 * static_cast<int>(lines.size()) + 4);
    CHECK(searched.calls * row.fewer_by <= tried.calls);
  }
}

}  // namespace hb::layout
