#include "schedule/notices.h"

#include <algorithm>

namespace hb::schedule {
namespace {

// `to` names a minute, or a second when seconds are written, that is still
// inside the notice.
model::UnixSeconds end_of(const model::DateTime& to, int offset) {
  return model::to_unix(to, offset) + (to.seconds_written ? 1 : 60);
}

}  // namespace

bool is_active(const model::Notice& notice, model::UnixSeconds t, int utc_offset_minutes) {
  if (notice.from && t < model::to_unix(*notice.from, utc_offset_minutes)) return false;
  if (notice.to && t >= end_of(*notice.to, utc_offset_minutes)) return false;
  return true;
}

std::vector<const model::Notice*> active_notices(const model::Content& content,
                                                 model::NoticeLevel level, model::UnixSeconds t,
                                                 int utc_offset_minutes) {
  std::vector<const model::Notice*> r;
  for (const auto& n : content.notices)
    if (n.level == level && is_active(n, t, utc_offset_minutes)) r.push_back(&n);
  return r;
}

std::optional<model::UnixSeconds> next_notice_change(const model::Content& content,
                                                     model::UnixSeconds t, int utc_offset_minutes) {
  std::optional<model::UnixSeconds> next;
  const auto consider = [&](model::UnixSeconds at) {
    if (at > t && (!next || at < *next)) next = at;
  };
  for (const auto& n : content.notices) {
    if (n.from) consider(model::to_unix(*n.from, utc_offset_minutes));
    if (n.to) consider(end_of(*n.to, utc_offset_minutes));
  }
  return next;
}

std::optional<model::UnixSeconds> urgent_since(const model::Content& content, model::UnixSeconds t,
                                               int utc_offset_minutes) {
  // Walk back through overlapping urgent notices to where the stretch began.
  std::optional<model::UnixSeconds> since;
  model::UnixSeconds probe = t;
  for (std::size_t round = 0; round <= content.notices.size(); ++round) {
    std::optional<model::UnixSeconds> earliest;
    for (const auto& n : content.notices) {
      if (n.level != model::NoticeLevel::urgent || !is_active(n, probe, utc_offset_minutes))
        continue;
      const model::UnixSeconds start =
          n.from ? model::to_unix(*n.from, utc_offset_minutes) : model::UnixSeconds{0};
      earliest = earliest ? std::min(*earliest, start) : start;
    }
    if (!earliest || (since && *earliest >= *since)) break;
    since = earliest;
    if (*since <= 0) break;
    probe = *since - 1;
    if (!std::any_of(content.notices.begin(), content.notices.end(), [&](const auto& n) {
          return n.level == model::NoticeLevel::urgent && is_active(n, probe, utc_offset_minutes);
        }))
      break;
  }
  return since;
}

}  // namespace hb::schedule
