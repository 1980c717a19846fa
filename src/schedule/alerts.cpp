#include "schedule/alerts.h"

#include <algorithm>
#include <set>
#include <utility>

#include "schedule/local_time.h"

namespace hb::schedule {
namespace {

using Key = std::pair<std::string, std::string>;  // sender, identifier

bool starts_with_zh(std::string_view language) {
  return language.size() >= 2 && (language[0] == 'z' || language[0] == 'Z') &&
         (language[1] == 'h' || language[1] == 'H');
}

model::UnixSeconds alert_start(const model::CapAlert& alert, const model::CapInfo& info) {
  return info.effective.value_or(alert.sent);
}

// The alerts an Actual Update or Cancel sent by t replaces or withdraws.
std::set<Key> superseded_at(const model::AlertDocument& doc, model::UnixSeconds t) {
  std::set<Key> out;
  for (const auto& a : doc.alerts) {
    const bool refers = a.msg_type == model::CapMsgType::update ||
                        a.msg_type == model::CapMsgType::cancel;
    if (!refers || a.status != model::CapStatus::actual || a.sent > t) continue;
    for (const auto& r : a.references)
      out.insert({r.sender, r.identifier});
  }
  return out;
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

bool alert_in_force(const model::CapAlert& alert, const model::CapInfo& info, std::string_view area,
              model::UnixSeconds t) {
  const bool urgent = info.urgency == model::CapUrgency::immediate ||
                      info.urgency == model::CapUrgency::expected;
  return urgent && alert_start(alert, info) <= t && t < alert_end(alert, info) &&
         area_matches(info, area);
}

}  // namespace

const model::CapInfo* shown_info(const model::CapAlert& alert) {
  if (alert.infos.empty()) return nullptr;
  const auto zh = std::find_if(alert.infos.begin(), alert.infos.end(),
                               [](const auto& i) { return starts_with_zh(i.language); });
  return zh != alert.infos.end() ? &*zh : &alert.infos.front();
}

bool area_matches(const model::CapInfo& info, std::string_view area) {
  if (area.empty()) return true;
  return std::any_of(info.areas.begin(), info.areas.end(), [&](const model::CapArea& a) {
    return a.description.find(area) != std::string::npos ||
           std::any_of(a.geocodes.begin(), a.geocodes.end(),
                       [&](const auto& g) { return g.value == area; });
  });
}

model::UnixSeconds alert_end(const model::CapAlert& alert, const model::CapInfo& info) {
  return info.expires.value_or(alert_start(alert, info) + kAlertWithoutExpiresSeconds);
}

std::vector<model::Notice> alert_notices(const model::AlertDocument& doc, std::string_view area,
                                         model::UnixSeconds t, int utc_offset_minutes) {
  const std::set<Key> superseded = superseded_at(doc, t);
  std::vector<model::Notice> out;
  std::set<std::string> ids;
  for (const auto& a : doc.alerts) {
    const bool shows = a.msg_type == model::CapMsgType::alert ||
                       a.msg_type == model::CapMsgType::update;
    if (a.status != model::CapStatus::actual || !shows || superseded.count({a.sender, a.identifier}))
      continue;
    const model::CapInfo* info = shown_info(a);
    if (!info || !alert_in_force(a, *info, area, t)) continue;
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
