// The line breaker's greedy fill as it was before it searched: every break
// opportunity tried in turn, measuring the line up to each. Kept for the
// tests to check that the search (LineBreaker::break_lines) ends every line
// exactly where this would, with the fake measurer and with the real fonts.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "layout/line_break.h"
#include "model/unicode.h"

namespace hb::test {

inline std::vector<std::size_t> reference_characters(std::string_view text) {
  std::vector<std::size_t> r;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createCharacterInstance(icu::Locale("zh", "CN"), status));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_SUCCESS(status) && it) {
    it->setText(ut, status);
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next())
      r.push_back(static_cast<std::size_t>(b));
  }
  if (ut) utext_close(ut);
  if (r.empty() || r.back() != text.size()) r.push_back(text.size());
  return r;
}

inline char32_t reference_first(std::string_view s, std::size_t at) {
  return static_cast<char32_t>(model::next_code_point(s, at));
}

inline char32_t reference_last(std::string_view s, std::size_t end) {
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
    --start;
  return reference_first(s, start);
}

inline std::string_view reference_trim_end(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

inline void reference_avoid_orphan(std::vector<std::string>& lines, const layout::TextStyle& style,
                                   int max_width, const layout::TextMeasurer& measure) {
  if (lines.size() < 2) return;
  std::string& last = lines.back();
  std::string& prev = lines[lines.size() - 2];
  std::size_t hanzi = 0;
  for (std::size_t i = 0; i < last.size();) {
    if (!layout::may_not_start_line(reference_first(last, i))) ++hanzi;
    model::next_code_point(last, i);
  }
  if (hanzi != 1 || !model::is_han(reference_first(last, 0))) return;
  std::size_t cut = prev.size() - 1;
  while (cut > 0 && (static_cast<unsigned char>(prev[cut]) & 0xC0) == 0x80)
    --cut;
  if (cut == 0) return;
  if (!model::is_han(reference_first(prev, cut)) ||
      layout::may_not_end_line(reference_last(prev, cut)))
    return;
  std::size_t count = 0;
  for (std::size_t i = 0; i < cut; ++count)
    model::next_code_point(prev, i);
  if (count < 2) return;
  std::string longer = prev.substr(cut) + last;
  if (measure.width(longer, style) > max_width) return;
  last = std::move(longer);
  prev.resize(cut);
}

inline std::vector<std::string> reference_break_lines(layout::LineBreaker& breaker,
                                                      std::string_view p,
                                                      const layout::TextStyle& style, int max_width,
                                                      const layout::TextMeasurer& measure) {
  std::vector<std::string> lines;
  const auto fits = [&](std::string_view s) {
    return measure.width(reference_trim_end(s), style) <= max_width;
  };
  std::size_t line_start = 0;
  std::size_t last_fit = 0;
  for (const std::size_t b : breaker.opportunities(p)) {
    if (fits(p.substr(line_start, b - line_start))) {
      last_fit = b;
      continue;
    }
    if (last_fit > line_start) {
      lines.emplace_back(reference_trim_end(p.substr(line_start, last_fit - line_start)));
      line_start = last_fit;
      while (line_start < p.size() && (p[line_start] == ' ' || p[line_start] == '\t'))
        ++line_start;
      if (fits(p.substr(line_start, b - line_start))) {
        last_fit = b;
        continue;
      }
    }
    const std::string_view piece = p.substr(line_start, b - line_start);
    const std::vector<std::size_t> chars = reference_characters(piece);
    std::size_t from = 0;
    std::size_t k = 0;
    while (k < chars.size()) {
      std::size_t end = k;
      while (end < chars.size() &&
             (fits(piece.substr(from, chars[end] - from)) || chars[end] == chars[k]))
        ++end;
      if (end >= chars.size()) break;
      std::size_t cut = end - 1;
      if (cut > k && layout::may_not_start_line(reference_first(piece, chars[cut]))) --cut;
      lines.emplace_back(reference_trim_end(piece.substr(from, chars[cut] - from)));
      from = chars[cut];
      k = cut + 1;
    }
    line_start += from;
    last_fit = b;
  }
  if (line_start < p.size() || lines.empty())
    lines.emplace_back(reference_trim_end(p.substr(line_start)));
  reference_avoid_orphan(lines, style, max_width, measure);
  return lines;
}

// Texts that reach every path of the breaker: hanzi with clreq's
// prohibitions, Latin words, numbers kept with their measure words,
// document numbers, spaces, words wider than any line, mixed-script spacing.
inline const std::vector<std::string>& reference_texts() {
  static const std::vector<std::string> texts = {
      "一般事项当天办结",
      "一二三，四五六",
      "限时办结。首问负责。",
      "一二三四五六七。",
      "一二三四五六七八九。",
      "请到“五号窗口”办理",
      "甲乙（丙丁）戊",
      "咨询电话 0871-63123456 欢迎来电",
      "按照\u2005ISO9001\u2005标准",
      "A very long English sentence with several words in it, and a comma",
      "https://zwfw.example.gov.cn/item/JS-0001?from=lobby&screen=1",
      "依据《国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见》（国办发〔2022〕30"
      "号）第三条办理，"
      "申请人应当提交营业执照副本、法定代表人身份证明、授权委托书（原件\u00A01份）。",
      "窗口实行首问负责制，对服务对象的咨询做到有问必答；能直接回答的问题，一次性告知（不推到处室）"
      "。"
      "3个工作日内办结，1号窗口受理，使用\u2005APP\u2005办理或拨打 12345 热线。",
      "中",
      "",
      "Wi-Fi密码：hallboard-2026，有效期至2026年12月31日 23:59",
  };
  return texts;
}

}  // namespace hb::test
