// The kinds of slide a playlist names, and the one place their names are
// spelled. The word is the feed's (feed-format-v1, a fixed contract); the
// layout marks its pages with it (Page::slide_type, hence the file names of
// `render`, proof of play and the heartbeat), and `plan` prints it after the
// Chinese name (cli.md, fixed too).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace hb::model {

enum class SlideType { items, item, roster, pledges, commitments, results, stats, notices, windows, poster };

struct SlideTypeName {
  SlideType type;
  std::string_view word;     // as in feeds: <slide type="items">
  std::string_view chinese;  // as `plan` names it: 事项列表 items
};

// In the enum's order (checked below), so that a new type cannot be left
// without its names.
inline constexpr std::array<SlideTypeName, 10> kSlideTypeNames{{
    {SlideType::items, "items", "事项列表"},
    {SlideType::item, "item", "事项详情"},
    {SlideType::roster, "roster", "窗口值班"},
    {SlideType::pledges, "pledges", "党员承诺"},
    {SlideType::commitments, "commitments", "服务承诺"},
    {SlideType::results, "results", "办理结果"},
    {SlideType::stats, "stats", "月度统计"},
    {SlideType::notices, "notices", "通知公告"},
    {SlideType::windows, "windows", "窗口状态"},
    {SlideType::poster, "poster", "宣传海报"},
}};

constexpr bool slide_type_names_in_order() {
  for (std::size_t i = 0; i < kSlideTypeNames.size(); ++i)
    if (static_cast<std::size_t>(kSlideTypeNames[i].type) != i) return false;
  return static_cast<std::size_t>(SlideType::poster) + 1 == kSlideTypeNames.size();
}
static_assert(slide_type_names_in_order());

constexpr const SlideTypeName& slide_type_names(SlideType type) {
  return kSlideTypeNames[static_cast<std::size_t>(type)];
}

constexpr std::string_view slide_type_word(SlideType type) {
  return slide_type_names(type).word;
}

// The type a feed's word names; none for a word this player does not know.
constexpr std::optional<SlideType> slide_type_of(std::string_view word) {
  for (const auto& names : kSlideTypeNames)
    if (names.word == word) return names.type;
  return std::nullopt;
}

}  // namespace hb::model
