#include "schedule/alerts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <utility>

#include "schedule/local_time.h"

namespace hb::schedule {
namespace {

using AlertKey = std::pair<std::string, std::string>;  // sender, identifier

model::UnixSeconds alert_start(const model::CapAlert& alert, const model::CapInfo& info) {
  return info.effective.value_or(alert.sent);
}

bool cap_counts_from(const model::CapAlert& a, model::CapMsgType type, model::UnixSeconds t) {
  return a.msg_type == type && a.status == model::CapStatus::actual && a.sent <= t;
}

bool cap_names_any(const model::CapAlert& a, const std::set<AlertKey>& keys) {
  return std::any_of(a.references.begin(), a.references.end(), [&](const auto& r) {
    return keys.count({r.sender, r.identifier}) > 0;
  });
}

// The alerts an Actual Update or Cancel sent by t replaces or withdraws. A
// Cancel withdraws the whole chain: an Update of a withdrawn message is
// withdrawn too, however many links away (A, Update B of A, Cancel of A
// alone shows nothing). The chain is followed to a fixed point, each round
// adding at least one alert, so at most as many rounds as alerts.
std::set<AlertKey> superseded_at(const model::AlertDocument& doc, model::UnixSeconds t) {
  std::set<AlertKey> replaced, withdrawn;
  for (const auto& a : doc.alerts) {
    const bool update = cap_counts_from(a, model::CapMsgType::update, t);
    if (!update && !cap_counts_from(a, model::CapMsgType::cancel, t)) continue;
    for (const auto& r : a.references)
      (update ? replaced : withdrawn).insert({r.sender, r.identifier});
  }
  for (std::size_t round = 0; round < doc.alerts.size(); ++round) {
    bool grew = false;
    for (const auto& a : doc.alerts)
      if (cap_counts_from(a, model::CapMsgType::update, t) && cap_names_any(a, withdrawn))
        grew = withdrawn.insert({a.sender, a.identifier}).second || grew;
    if (!grew) break;
  }
  replaced.insert(withdrawn.begin(), withdrawn.end());
  return replaced;
}

// An instant as the format writes it in the player's zone, to the second.
model::DateTime to_datetime(model::UnixSeconds t, int utc_offset_minutes) {
  const LocalTime local = to_local(t, utc_offset_minutes);
  return model::DateTime{local.date, local.second_of_day, utc_offset_minutes, true};
}

std::string notice_text(const model::CapInfo& info) {
  std::string text = info.headline.empty() ? info.event : info.headline;
  for (const auto* part : {&info.description, &info.instruction})
    if (!part->empty()) text += (text.empty() ? "" : "\n") + *part;
  return text;
}

bool info_in_force(const model::CapAlert& alert, const model::CapInfo& info, std::string_view area,
                   model::UnixSeconds t) {
  const bool urgent = info.urgency == model::CapUrgency::immediate ||
                      info.urgency == model::CapUrgency::expected;
  return urgent && alert_start(alert, info) <= t && t < alert_end(alert, info) &&
         area_matches(info, area);
}

bool cap_ascii_iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// An administrative division code as its 6 digits (GB/T 2260); a 12-digit
// statistical division code by its first 6. Empty when not such a code.
std::string_view division_code(std::string_view code) {
  const bool digits = std::all_of(code.begin(), code.end(),
                                  [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || (code.size() != 6 && code.size() != 12)) return {};
  return code.substr(0, 6);
}

// The separators CAP senders write between the places of one <areaDesc>.
constexpr std::array<std::string_view, 9> kAreaSeparators = {" ", "\t", "　", "、", "，", ",",
                                                             ";", "；", "/"};
// What ends a place's name: its kind (深圳 + 市, 南山 + 区).
constexpr std::array<std::string_view, 8> kPlaceSuffixes = {"省", "市", "区", "县", "州",
                                                            "镇", "乡", "街道"};

bool cap_starts_with_any(std::string_view s, const auto& words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return s.starts_with(w); });
}

bool cap_ends_with_any(std::string_view s, const auto& words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return s.ends_with(w); });
}

// The first separator at or after `from` in `text`, with its length.
std::pair<std::size_t, std::size_t> cap_next_separator(std::string_view text, std::size_t from) {
  std::pair<std::size_t, std::size_t> best{text.size(), 0};
  for (const auto sep : kAreaSeparators) {
    const auto at = text.find(sep, from);
    if (at < best.first) best = {at, sep.size()};
  }
  return best;
}

// `name` stands whole in `part`: where a name starts (the part's start or
// right after a 省/市/区/县… that ended the name before) and up to where it
// ends (the part's end or its kind: 省/市/区/县/州/镇/乡/街道).
bool name_in_part(std::string_view part, std::string_view name) {
  for (auto at = part.find(name); at != std::string_view::npos; at = part.find(name, at + 1)) {
    const std::string_view before = part.substr(0, at);
    const std::string_view after = part.substr(at + name.size());
    const bool starts = before.empty() || cap_ends_with_any(before, kPlaceSuffixes);
    const bool ends = after.empty() || cap_starts_with_any(after, kPlaceSuffixes);
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

bool is_chinese_language(std::string_view language) {
  return cap_ascii_iequal(language, "zh") ||
         (language.size() > 3 && cap_ascii_iequal(language.substr(0, 3), "zh-"));
}

std::vector<const model::CapInfo*> preferred_infos(const model::CapAlert& alert) {
  std::vector<const model::CapInfo*> out;
  for (const auto& i : alert.infos)
    if (is_chinese_language(i.language)) out.push_back(&i);
  if (!out.empty() || alert.infos.empty()) return out;
  for (const auto& i : alert.infos)
    if (i.language == alert.infos.front().language) out.push_back(&i);
  return out;
}

const model::CapInfo* shown_info(const model::CapAlert& alert, std::string_view area,
                                 model::UnixSeconds t) {
  for (const auto* info : preferred_infos(alert))
    if (info_in_force(alert, *info, area, t)) return info;
  return nullptr;
}

bool geocode_covers(std::string_view alert_code, std::string_view configured) {
  if (alert_code == configured) return true;
  const std::string_view a = division_code(alert_code);
  const std::string_view c = division_code(configured);
  if (a.empty() || c.empty()) return false;
  // 440000 is all of the province 44, 440300 all of the city 4403.
  std::size_t significant = 6;
  while (significant > 2 && a.substr(significant - 2, 2) == "00") significant -= 2;
  return c.starts_with(a.substr(0, significant));
}

bool area_name_matches(std::string_view area_desc, std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t at = 0; at <= area_desc.size();) {
    const auto [sep, length] = cap_next_separator(area_desc, at);
    if (name_in_part(area_desc.substr(at, sep - at), name)) return true;
    if (length == 0) break;
    at = sep + length;
  }
  return false;
}

bool area_matches(const model::CapInfo& info, std::string_view area) {
  if (area.empty()) return true;
  return std::any_of(info.areas.begin(), info.areas.end(), [&](const model::CapArea& a) {
    return area_name_matches(a.description, area) ||
           std::any_of(a.geocodes.begin(), a.geocodes.end(),
                       [&](const auto& g) { return geocode_covers(g.value, area); });
  });
}

model::UnixSeconds alert_end(const model::CapAlert& alert, const model::CapInfo& info) {
  return info.expires.value_or(alert_start(alert, info) + kAlertWithoutExpiresSeconds);
}

std::vector<model::Notice> alert_notices(const model::AlertDocument& doc, std::string_view area,
                                         model::UnixSeconds t, int utc_offset_minutes) {
  const std::set<AlertKey> superseded = superseded_at(doc, t);
  std::vector<model::Notice> out;
  std::set<std::string> ids;
  for (const auto& a : doc.alerts) {
    const bool shows = a.msg_type == model::CapMsgType::alert ||
                       a.msg_type == model::CapMsgType::update;
    if (a.status != model::CapStatus::actual || a.scope != model::CapScope::public_ || !shows ||
        superseded.count({a.sender, a.identifier}))
      continue;
    const model::CapInfo* info = shown_info(a, area, t);
    if (!info) continue;
    std::string id = "cap:" + a.sender + ":" + a.identifier;
    if (!ids.insert(id).second) continue;  // the same alert twice (two feeds' entries): once
    out.push_back(model::Notice{std::move(id), model::NoticeLevel::urgent,
                                to_datetime(alert_start(a, *info), utc_offset_minutes),
                                to_datetime(alert_end(a, *info) - 1, utc_offset_minutes),
                                notice_text(*info), info->where});
  }
  return out;
}

}  // namespace hb::schedule
