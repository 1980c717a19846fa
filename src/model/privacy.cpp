#include "model/privacy.h"

#include <array>
#include <vector>

namespace hb::model {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool id_at(std::string_view s, std::size_t i) {
  if (i + 18 > s.size()) return false;
  if (i > 0 && is_digit(s[i - 1])) return false;
  for (std::size_t k = 0; k < 17; ++k)
    if (!is_digit(s[i + k])) return false;
  const char last = s[i + 17];
  if (!is_digit(last) && last != 'X' && last != 'x') return false;
  return i + 18 == s.size() || !is_digit(s[i + 18]);
}

std::vector<std::string_view> split_code_points(std::string_view s) {
  std::vector<std::string_view> r;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80)
      ++j;
    r.push_back(s.substr(i, j - i));
    i = j;
  }
  return r;
}

// The compound surnames of the 百家姓, plus a few common double-barrelled ones.
constexpr std::array<std::string_view, 72> kCompoundSurnames = {
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "令狐", "独孤", "南宫", "西门", "端木", "百里", "呼延", "澹台", "公冶", "宗政",
    "濮阳", "淳于", "单于", "太叔", "申屠", "仲孙", "钟离", "闾丘", "子车", "亓官", "司寇", "巫马",
    "公西", "颛孙", "壤驷", "公良", "漆雕", "乐正", "宰父", "谷梁", "拓跋", "夹谷", "梁丘", "左丘",
    "东郭", "南门", "羊舌", "微生", "公户", "公玉", "公仪", "段干", "公仲", "公上", "公门", "公山",
    "公坚", "第五", "司空", "东宫", "万俟", "赫连", "鲜于", "闻人", "东门", "青阳", "主父", "纳兰"};

}  // namespace

std::optional<std::size_t> find_resident_id(std::string_view text) {
  // Walks runs of digits, so each byte is looked at once.
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_digit(text[end]))
      ++end;
    if (id_at(text, i)) return i;
    i = end;
  }
  return std::nullopt;
}

std::string mask_resident_ids(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (id_at(text, i)) {
      out.append(text.substr(i, 4));
      out.append(10, '*');
      out.append(text.substr(i + 14, 4));
      i += 18;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string mask_person_name(std::string_view name) {
  const auto chars = split_code_points(name);
  if (chars.size() <= 1) return std::string(name);
  std::size_t keep = 1;
  if (chars.size() >= 3) {
    const std::string first_two = std::string(chars[0]) + std::string(chars[1]);
    for (const auto& compound : kCompoundSurnames)
      if (first_two == compound) keep = 2;
  }
  std::string out;
  for (std::size_t k = 0; k < keep; ++k)
    out += chars[k];
  for (std::size_t k = keep; k < chars.size(); ++k)
    out += "＊";
  return out;
}

std::string mask_caller(std::string_view name, std::string_view title) {
  if (name.empty()) return {};
  return mask_person_name(name) + std::string(title);
}

}  // namespace hb::model
